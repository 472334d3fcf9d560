import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import SessionReport from '@/components/dashboard/SessionReport.vue';
import type { TranscriptLine } from '@/utils/db/types';
import { fakeRelationship, fakeSession } from '../../support/records';

const START = Date.UTC(2026, 11, 1, 10);
const line = (seconds: number, speaker: string, text: string): TranscriptLine => ({
  speaker,
  text,
  at: START + seconds * 1_000,
  endedAt: START + seconds * 1_000 + 2_000,
});
const transcript = [
  line(4, 'Alex Morgan', 'What would you like to focus on today?'),
  line(10, 'Priya Shah', 'Delegation, mostly.'),
  line(75, 'Alex Morgan', 'Did you tell your manager?'),
  line(80, 'Priya Shah', 'Not yet.'),
];
const mountReport = (session = fakeSession({ startedAt: START, transcript })) =>
  mount(SessionReport, { props: { session, relationship: fakeRelationship(), commitments: [], model: null } });

describe('SessionReport, transcript', () => {
  it('shows every kept line with its time, speaker and words, the mentor’s questions marked', () => {
    const items = mountReport().get('[data-testid="transcript"]').findAll('li');
    expect(items.map((li) => [li.get('.clock').text(), li.get('.speaker').text(), li.get('.text').text()])).toEqual([
      ['0:04', 'Alex Morgan', 'What would you like to focus on today?'],
      ['0:10', 'Priya Shah', 'Delegation, mostly.'],
      ['1:15', 'Alex Morgan', 'Did you tell your manager?'],
      ['1:20', 'Priya Shah', 'Not yet.'],
    ]);
    expect(items.map((li) => li.attributes('data-question') ?? null)).toEqual(['open', null, 'closed', null]);
    expect(items[2]?.get('.mark').text()).toBe('Your closed question');
  });

  it('narrows the lines to a search, and says how many it found', async () => {
    const w = mountReport();
    await w.get('[data-testid="transcript"] input[type="search"]').setValue('MANAGER');
    expect(
      w
        .get('[data-testid="transcript"]')
        .findAll('li')
        .map((li) => li.get('.clock').text()),
    ).toEqual(['1:15']);
    expect(w.get('[data-testid="transcript"] [role="status"]').text()).toBe('1 of 4 lines');
  });

  it('says when no transcript was kept, and when it is sealed under a locked passphrase', () => {
    expect(
      mountReport(fakeSession({ transcript: null }))
        .get('[data-testid="transcript"]')
        .text(),
    ).toContain('was not kept');
    const sealed = mountReport(fakeSession({ transcript: null, notes: '', sealed: { iv: 'x', data: 'y' } }));
    expect(sealed.get('[data-testid="transcript"]').text()).toContain('sealed under your passphrase');
    expect(sealed.find('[data-testid="transcript"] li').exists()).toBe(false);
  });

  it('asks before deleting the transcript, then asks the page to delete it', async () => {
    const w = mountReport();
    await w
      .get('[data-testid="transcript"]')
      .findAll('button')
      .find((b) => b.text() === 'Delete the transcript')
      ?.trigger('click');
    expect(w.emitted('delete-transcript')).toBeUndefined();
    expect(w.get('[data-testid="transcript"]').text()).toContain('Its counts, notes and summary stay.');
    await w.get('[data-testid="transcript"] .strong').trigger('click');
    expect(w.emitted('delete-transcript')).toEqual([['ses-1']]);
  });

  it('has no export section unless the page gives it one', () => {
    expect(mountReport().find('[data-testid="report-exports"]').exists()).toBe(false);
  });
});
