import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import SessionReport from '@/components/dashboard/SessionReport.vue';
import { fakeRelationship, fakeSession } from '../../support/records';

const talkTime = {
  source: 'audio' as const,
  mentorSeconds: 600,
  menteeSeconds: 1200,
  mentorShare: 0.33,
  longestMentorMonologueSeconds: 95,
};
const mountReport = (session = fakeSession({ talkTime })) =>
  mount(SessionReport, { props: { session, relationship: fakeRelationship(), commitments: [], model: null } });

describe('SessionReport, talk balance', () => {
  it('says how the turns went: turns each, the average and longest pause after the mentor, interruptions', () => {
    const turns = {
      mentorTurns: 14,
      menteeTurns: 12,
      interruptions: 1,
      waitsAfterMentor: 4,
      totalWaitSeconds: 10,
      longestWaitSeconds: 4.25,
    };
    const text = mountReport(fakeSession({ talkTime: { ...talkTime, turns } }))
      .get('[data-testid="turn-taking"]')
      .text();
    expect(text).toContain('Turns: you 14, the other person 12.');
    expect(text).toContain('after 2.5 s on average (longest 4.3 s)');
    expect(text).toContain('You started while they were speaking once.');
  });

  it('leaves the turn-taking out for sessions saved before it was measured, and skips pauses when there were none', () => {
    expect(mountReport().find('[data-testid="turn-taking"]').exists()).toBe(false);
    const turns = {
      mentorTurns: 3,
      menteeTurns: 0,
      interruptions: 0,
      waitsAfterMentor: 0,
      totalWaitSeconds: 0,
      longestWaitSeconds: 0,
    };
    const text = mountReport(fakeSession({ talkTime: { ...talkTime, turns } }))
      .get('[data-testid="turn-taking"]')
      .text();
    expect(text).not.toContain('on average');
    expect(text).toContain('0 times');
  });
});

describe('SessionReport, talk per minute', () => {
  it('draws the minutes with an axis in minutes and a legend for who is which', () => {
    const talkTimeline = Array.from({ length: 10 }, (_, minute) => ({ minute, mentorSeconds: 20, menteeSeconds: 35 }));
    const w = mountReport(fakeSession({ talkTime, talkTimeline }));
    expect(w.get('[data-testid="talk-minutes"]').findAll('rect.mentor')).toHaveLength(10);
    expect(
      w
        .get('[data-testid="talk-minutes-axis"]')
        .findAll('span')
        .map((x) => x.text()),
    ).toEqual(['0', '5', '10 min']);
    const legend = w.get('[data-testid="talk-minutes-legend"]').text();
    expect(legend).toContain('You, above the line');
    expect(legend).toContain('The other person, below');
  });
});

describe('SessionReport, commitments', () => {
  it('names each commitment’s status in words, not as an id', async () => {
    const { fakeCommitment } = await import('../../support/records');
    const w = mount(SessionReport, {
      props: {
        session: fakeSession(),
        relationship: fakeRelationship(),
        commitments: [fakeCommitment({ status: 'in-progress' })],
        model: null,
      },
    });
    expect(w.text()).toContain('in progress');
    expect(w.text()).not.toContain('in-progress');
  });

  it('says the notes and summary are locked, not missing, while the passphrase is locked', () => {
    const w = mountReport(
      fakeSession({ notes: '', summary: null, sealed: { iv: 'aXY=', data: 'ZGF0YQ==', boundTo: 'id' } }),
    );
    expect(w.get('[data-testid="report-locked"]').text()).toMatch(/Locked.*Unlock/);
    expect(w.text()).not.toContain('No summary');
  });

  it('says nothing of a lock for a session with no passphrase', () => {
    const w = mountReport(fakeSession({ summary: null }));
    expect(w.find('[data-testid="report-locked"]').exists()).toBe(false);
    expect(w.text()).toContain('No summary');
  });
});
