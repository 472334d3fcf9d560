import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Locator, Page } from 'playwright-core';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { launchWithExtension, type ExtensionSession } from '../../scripts/browser/launch-extension';
import { seedHistory, readHistory } from '../../scripts/browser/history-db';
import { fakeCommitment, fakeModel, fakeModelStage, fakeRelationship, fakeSession } from '../support/records';
import type { MentoringModel } from '../../utils/frameworks/types';
import { Dashboard, importThrough } from './pages';

// Fixed dates, long past: the report and its files do not depend on today.
const START = Date.UTC(2026, 10, 20, 10);
const relationship = fakeRelationship({
  id: 'rel-recap',
  mentorName: 'Alex Morgan',
  menteeName: 'Priya Shah',
  menteeEmail: 'priya.shah@example.org',
});
const session = fakeSession({
  id: 'ses-recap',
  relationshipId: relationship.id,
  title: 'Delegation, second round',
  startedAt: START,
  endedAt: START + 50 * 60_000,
  lastCheckpointAt: START + 50 * 60_000,
  nextCheckIn: '2026-12-04T09:30',
  summary: {
    themes: ['Delegation'],
    insights: ['I keep the hard tasks for myself'],
    agreedActions: [],
    nextFocus: 'Which task to hand over first',
    model: 'local',
    madeAt: START,
    edited: false,
  },
  transcript: [
    {
      speaker: 'Alex Morgan',
      text: 'What would you like to focus on today?',
      at: START + 5_000,
      endedAt: START + 8_000,
    },
    { speaker: 'Priya Shah', text: 'Delegation; I keep the hard tasks.', at: START + 10_000, endedAt: START + 15_000 },
    { speaker: 'Alex Morgan', text: 'Did you tell your manager?', at: START + 70_000, endedAt: START + 72_000 },
  ],
});
const commitments = [
  fakeCommitment({
    id: 'com-timed',
    sessionId: session.id,
    relationshipId: relationship.id,
    action: 'Hand over the budget, with notes',
    due: '2026-11-27',
    dueTime: '15:00',
  }),
  fakeCommitment({
    id: 'com-day',
    sessionId: session.id,
    relationshipId: relationship.id,
    owner: 'Alex',
    action: 'Send the article',
    due: '2026-11-25',
  }),
];

let ext: ExtensionSession;
let page: Page;

beforeAll(async () => {
  ext = await launchWithExtension();
  page = (await Dashboard.open(ext, { empty: true })).page;
});
afterAll(() => ext?.close());

async function downloaded(link: Locator): Promise<{ name: string; text: string }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

describe('recap and backups in the dashboard', () => {
  it('recaps a closed session from the dashboard with every export, the summary and the transcript', async () => {
    await seedHistory(page, { relationships: [relationship], sessions: [session], commitments });
    await page.reload();
    await new Dashboard(page).openSession(/Delegation, second round/);
    const report = page.getByTestId('session-report');
    const exports = report.getByTestId('report-exports');
    await exports.locator('a[download]').first().waitFor();

    const markdown = await downloaded(exports.getByRole('link', { name: 'Markdown' }));
    expect(markdown.name).toBe('attune-2026-11-20.md');
    expect(markdown.text).toContain('- [ ] Hand over the budget, with notes — by 2026-11-27 15:00');
    expect(markdown.text).toContain('**Focus for next time:** Which task to hand over first');

    const csv = Papa.parse<string[]>((await downloaded(exports.getByRole('link', { name: 'CSV' }))).text, {
      skipEmptyLines: true,
    }).data;
    expect(csv[0]?.[1]).toBe('action');
    expect(
      csv
        .slice(1)
        .map((row) => row[1])
        .sort(),
    ).toEqual(['Hand over the budget, with notes', 'Send the article']);

    const json = JSON.parse((await downloaded(exports.getByRole('link', { name: 'JSON' }))).text) as {
      format: string;
      session: { id: string };
      relationship: { menteeEmail: string };
    };
    expect(json.format).toBe('attune.session');
    expect(json.session.id).toBe(session.id);
    expect(json.relationship.menteeEmail).toBe('priya.shah@example.org');

    // The calendar: to-dos first, then timed events once the mentor picks them; both parse.
    const todos = new ICAL.Component(
      ICAL.parse((await downloaded(exports.getByRole('link', { name: 'Calendar' }))).text),
    );
    expect(
      todos
        .getAllSubcomponents('vtodo')
        .map((t) => String(t.getFirstPropertyValue('uid')))
        .sort(),
    ).toEqual(['com-day@attune.invalid', 'com-timed@attune.invalid']);
    await exports.getByLabel('Actions in the calendar as').selectOption('timed');
    const events = new ICAL.Component(
      ICAL.parse((await downloaded(exports.getByRole('link', { name: 'Calendar' }))).text),
    );
    expect(events.getAllSubcomponents('vtodo')).toHaveLength(0);
    const event = (uid: string) =>
      events.getAllSubcomponents('vevent').find((e) => e.getFirstPropertyValue('uid') === uid);
    const [timed, allDay, checkIn] = [
      event('com-timed-action@attune.invalid'),
      event('com-day-action@attune.invalid'),
      event('ses-recap-check-in@attune.invalid'),
    ];
    expect(String(timed?.getFirstPropertyValue('dtstart'))).toBe('2026-11-27T15:00:00');
    expect(String(timed?.getFirstPropertyValue('dtend'))).toBe('2026-11-27T15:30:00');
    expect(String(allDay?.getFirstPropertyValue('dtstart'))).toBe('2026-11-25');
    expect(String(checkIn?.getFirstPropertyValue('dtstart'))).toBe('2026-12-04T09:30:00');

    // The e-mail draft goes to the mentee's address and carries the summary.
    const email = exports.getByRole('link', { name: 'Email draft to priya.shah@example.org' });
    const href = (await email.getAttribute('href')) ?? '';
    expect(href.startsWith('mailto:priya.shah@example.org?subject=')).toBe(true);
    expect(decodeURIComponent(href)).toContain('Focus for next time: Which task to hand over first');

    // The kept transcript: time, speaker, words, the mentor's questions marked; searchable.
    const transcript = report.getByTestId('transcript');
    expect(await transcript.locator('li').allInnerTexts()).toHaveLength(3);
    expect(
      await transcript
        .locator('li[data-question]')
        .evaluateAll((items) => items.map((li) => li.getAttribute('data-question'))),
    ).toEqual(['open', 'closed']);
    expect(await transcript.locator('li').nth(2).innerText()).toMatch(
      /^1:10\s+Alex Morgan\s+Did you tell your manager\?/,
    );
    await transcript.getByLabel('Search the transcript').fill('manager');
    await expect.poll(() => transcript.locator('li').count()).toBe(1);

    // …and deletable on its own: the session and its notes stay.
    await transcript.getByRole('button', { name: 'Delete the transcript' }).click();
    await transcript.getByRole('group').getByRole('button', { name: 'Delete the transcript' }).click();
    await expect.poll(() => transcript.innerText()).toContain('was not kept');
    const kept = (await readHistory(page)).sessions.find((s) => s.id === session.id);
    expect(kept?.transcript).toBeNull();
    expect(kept?.notes).toBe(session.notes);

    // The calendar choice is kept for the next visit (and the panel's wrap-up).
    await page.reload();
    await new Dashboard(page).openSession(/Delegation, second round/);
    await expect
      .poll(() => page.getByTestId('report-exports').getByLabel('Actions in the calendar as').inputValue())
      .toBe('timed');
  });

  it('restores settings, the mentor’s own questions and imported models from a backup in a fresh browser', async () => {
    const model: MentoringModel = fakeModel({ stages: [fakeModelStage({ id: 'words', name: 'Their words' })] });
    const own = {
      grow: {
        added: { goal: [{ id: 'mine-e2e', text: 'What would make today worth the hour?', custom: true }] },
        hidden: [],
        minutes: { goal: 12 },
      },
    };
    const settings = {
      'modes.talkTargets': { mentoring: { minMentorShare: 0.1, maxMentorShare: 0.25 } },
      'export.calendarStyle': 'all-day',
      'models.customisations': own,
      'models.imported': [model],
      'summary-settings': {
        enabled: false,
        baseURL: 'http://localhost:11434/v1',
        model: 'llama3.1',
        apiKey: 'sk-stays-here',
      },
    };
    await page.evaluate((items) => chrome.storage.local.set(items), settings);
    await page.reload();
    await page.getByRole('button', { name: 'Your data' }).click();
    const backup = await downloaded(page.getByRole('button', { name: 'Export everything' }));
    expect(backup.text).not.toContain('sk-stays-here');

    const fresh = await launchWithExtension();
    try {
      const { page: other } = await Dashboard.open(fresh, { empty: true });
      await other.getByRole('button', { name: 'Your data' }).click();
      await importThrough(other.getByRole('button', { name: 'Import a backup…' }), {
        name: 'backup.json',
        mimeType: 'application/json',
        buffer: Buffer.from(backup.text),
      });
      await expect
        .poll(() => other.getByRole('status').first().innerText())
        .toMatch(/Imported \d+ records\. Restored 3 settings, 1 question of your own, 1 model\./);

      const stored = await other.evaluate(() => chrome.storage.local.get(null));
      expect(stored['modes.talkTargets']).toEqual(settings['modes.talkTargets']);
      expect(stored['export.calendarStyle']).toBe('all-day');
      expect(stored['models.customisations']).toEqual(own);
      expect(stored['models.imported']).toEqual([model]);
      expect(stored['summary-settings']).toEqual({
        enabled: false,
        baseURL: 'http://localhost:11434/v1',
        model: 'llama3.1',
        apiKey: '',
      });
      expect((await readHistory(other)).sessions.map((s) => s.id)).toEqual([session.id]);

      // Without a reload, the settings page shows what came back.
      await other.getByRole('button', { name: 'Settings' }).click();
      const mentoring = other.getByRole('form', { name: 'Mentoring talk target' });
      await expect.poll(() => mentoring.locator('input[name="min"]').inputValue()).toBe('10');
      expect(await mentoring.locator('input[name="max"]').inputValue()).toBe('25');
      await expect.poll(() => other.getByLabel('Model').locator('option').allInnerTexts()).toContain('Clean language');
    } finally {
      await fresh.close();
    }
  });
});
