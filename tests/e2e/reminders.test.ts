import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionSession } from '../../scripts/browser/launch-extension';
import { seedHistory } from '../../scripts/browser/history-db';
import { fakeHistory } from '../support/fake-history';
import { Dashboard } from './pages';

// The e2e build holds the notifications permission (a headless browser cannot click "Allow").
let ext: ExtensionSession;
let page: Page;

// The service worker's clock, moved by the test: Friday 4 December 2099, local time, far from
// whatever day the suite runs on (an alarm set by this clock is never due by the real one).
const BEFORE = new Date(2099, 11, 4, 8, 58).getTime();
const NINE = new Date(2099, 11, 4, 9, 0).getTime();
const AFTER = new Date(2099, 11, 4, 9, 0, 5).getTime();
const TOMORROW_NINE = new Date(2099, 11, 5, 9, 0).getTime();

const base = fakeHistory({ sessions: 2, commitmentsPerSession: 1, relationships: 1, now: BEFORE, seed: 3 });
const rel = {
  ...base.relationships[0],
  id: 'rel-remind',
  mentorName: 'Alex Morgan',
  menteeName: 'Priya Shah',
} as (typeof base.relationships)[number];
const template = base.commitments[0];
if (!template) throw new Error('no commitment generated');
const commitment = (id: string, action: string, due: string) => ({
  ...template,
  id,
  relationshipId: rel.id,
  owner: 'Priya',
  action,
  due,
  dueTime: null,
  status: 'open' as const,
});

/** Replaces the worker's Date with one that runs from `at`; calling it again moves it. The real one stays as `RealDate`. */
async function setWorkerClock(at: number) {
  await ext.worker.evaluate((start) => {
    const g = globalThis as unknown as { RealDate?: DateConstructor; Date: DateConstructor };
    const Real = g.RealDate ?? g.Date;
    g.RealDate = Real;
    const realStart = Real.now();
    const nowMs = () => start + (Real.now() - realStart);
    class MovedDate extends Real {
      constructor(...args: unknown[]) {
        if (args.length === 0) super(nowMs());
        else super(...(args as [number]));
      }
      static override now() {
        return nowMs();
      }
    }
    g.Date = MovedDate as unknown as DateConstructor;
  }, at);
}

beforeAll(async () => {
  ext = await launchWithExtension({ extensionDir: resolve('.output/chrome-mv3-e2e') });
  page = (await Dashboard.open(ext, { empty: true })).page;
  await seedHistory(page, {
    relationships: [rel],
    sessions: [],
    commitments: [
      commitment('due-today', 'Send the draft CV', '2099-12-04'),
      commitment('due-tomorrow', 'Book the workshop', '2099-12-05'),
    ],
  });
});
afterAll(() => ext?.close());

describe('reminders', () => {
  it('fires at the chosen time with the clock moved, naming what is due that day, and opens the relationship', async () => {
    await setWorkerClock(BEFORE);
    await page.reload();
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Remind me each day of the commitments due that day').click();
    await page.getByRole('status').filter({ hasText: 'Reminders on: each day at 09:00' }).waitFor();

    // Set by the worker's clock for 9:00 that day.
    const alarm = () =>
      ext.worker.evaluate(async () => (await chrome.alarms.get('attune-reminder'))?.scheduledTime ?? null);
    await expect.poll(alarm).toBe(NINE);
    expect(await ext.worker.evaluate(() => chrome.notifications.getAll())).toEqual({});

    // The clock moves past 9:00 and the alarm rings (rung now by the real clock, as the browser would at 9:00).
    await setWorkerClock(AFTER);
    await ext.worker.evaluate(() => {
      const Real = (globalThis as unknown as { RealDate: DateConstructor }).RealDate;
      return chrome.alarms.create('attune-reminder', { when: Real.now() });
    });
    await expect
      .poll(() => ext.worker.evaluate(async () => Object.keys(await chrome.notifications.getAll())))
      .toEqual([`attune-reminder:2099-12-04:${rel.id}`]);
    // Tomorrow's is set.
    await expect.poll(alarm).toBe(TOMORROW_NINE);

    // The notification opens the dashboard at its relationship (a headless browser cannot click it: its address is opened as the click does).
    const { page: opened } = await Dashboard.open(ext, { hash: `relationship=${rel.id}` });
    const row = opened
      .getByRole('list', { name: 'Relationships' })
      .locator(':scope > li')
      .filter({ hasText: 'Priya Shah' });
    await expect.poll(() => row.locator('details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await opened.close();

    // Turned off: the alarm goes.
    await page.getByLabel('Remind me each day of the commitments due that day').click();
    await expect.poll(alarm).toBeNull();
  });
});
