import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import ICAL from 'ical.js';
import ReportView from '@/entrypoints/dashboard/ReportView.vue';
import { useExportChoicesStore } from '@/stores/shared/export-choices';
import { installServices } from '@/utils/services';
import { CALENDAR_STYLE_KEY } from '@/utils/export/calendar-style';
import { parseSessionJson } from '@/utils/export/json';
import type { SessionReportData } from '@/stores/dashboard/state';
import { memoryArea } from '../../support/memory-area';
import { downloadOf } from '../../support/download';
import { fakeCommitment, fakeRelationship, fakeSession } from '../../support/records';

const START = Date.UTC(2026, 11, 1, 10);
const report: SessionReportData = {
  session: fakeSession({
    startedAt: START,
    endedAt: START + 45 * 60_000,
    nextCheckIn: '2026-12-15T09:00',
    summary: {
      themes: ['Delegation'],
      insights: [],
      agreedActions: [],
      nextFocus: 'Hand over the budget',
      model: 'm',
      madeAt: START,
      edited: false,
    },
  }),
  relationship: fakeRelationship({ menteeEmail: 'priya@example.org' }),
  commitments: [fakeCommitment({ id: 'c1', action: 'Send the draft, v2', due: '2026-12-08', dueTime: '10:00' })],
};
/** The text behind a download link, checked to be saved as `type`. */
async function content(href: string | undefined, type: string): Promise<string> {
  const file = await downloadOf(href);
  expect(file.type).toBe(`${type};charset=utf-8`);
  return file.text;
}

describe('the dashboard’s session report, recap and export', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    // What the dashboard installs: the clock (the exports' time) and the settings.
    installServices({ now: () => Date.UTC(2026, 11, 2, 9), local: memoryArea() });
  });

  it('offers Markdown, CSV, calendar, JSON and an e-mail draft to the mentee’s address, with the summary', async () => {
    const w = mount(ReportView, { props: { report } });
    await vi.waitFor(() => expect(w.findAll('[data-testid="report-exports"] a[download]')).toHaveLength(4));
    const links = w.findAll('[data-testid="report-exports"] a[download]');
    expect(links.map((a) => a.attributes('download'))).toEqual([
      'attune-2026-12-01.md',
      'attune-2026-12-01.csv',
      'attune-2026-12-01.ics',
      'attune-2026-12-01.json',
    ]);
    expect(await content(links[0]?.attributes('href'), 'text/markdown')).toContain(
      '**Focus for next time:** Hand over the budget',
    );
    expect(await content(links[1]?.attributes('href'), 'text/csv')).toContain('"Send the draft, v2"');
    expect(parseSessionJson(await content(links[3]?.attributes('href'), 'application/json')).session.id).toBe(
      report.session.id,
    );
    const email = w.get('a[data-export="email"]');
    expect(email.text()).toBe('Email draft to priya@example.org');
    expect(email.attributes('href')).toMatch(/^mailto:priya@example\.org\?subject=/);
    expect(decodeURIComponent(email.attributes('href') ?? '')).toContain('Focus for next time: Hand over the budget');
  });

  it('writes the calendar in the form the mentor picks, and keeps the choice', async () => {
    const area = memoryArea();
    installServices({ local: area });
    await useExportChoicesStore().load();
    const w = mount(ReportView, { props: { report } });
    await vi.waitFor(() => expect(w.find('a[download$=".ics"]').exists()).toBe(true));
    const calendar = async () =>
      new ICAL.Component(ICAL.parse(await content(w.get('a[download$=".ics"]').attributes('href'), 'text/calendar')));
    expect((await calendar()).getAllSubcomponents('vtodo')).toHaveLength(1);
    await w.get('[data-testid="report-exports"] select').setValue('timed');
    await flushPromises();
    expect((await calendar()).getAllSubcomponents('vtodo')).toHaveLength(0);
    const action = (await calendar())
      .getAllSubcomponents('vevent')
      .find((e) => String(e.getFirstPropertyValue('uid')).startsWith('c1'));
    expect(String(action?.getFirstPropertyValue('dtstart'))).toBe('2026-12-08T10:00:00');
    expect(area.data.get(CALENDAR_STYLE_KEY)).toBe('timed');
  });

  it('copies the Markdown, summary included, to the clipboard', async () => {
    const writeText = vi.fn((_text: string) => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const w = mount(ReportView, { props: { report } });
    await w.get('[data-testid="report-exports"] button').trigger('click');
    await flushPromises();
    expect(writeText.mock.calls[0]?.[0]).toContain('## Summary');
    expect(w.get('[data-testid="report-exports"] [role="status"]').text()).toBe('Copied the session as Markdown.');
    vi.unstubAllGlobals();
  });
});
