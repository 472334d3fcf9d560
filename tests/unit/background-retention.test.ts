import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyRetention, RETENTION_ALARM, scheduleRetention } from '@/entrypoints/background/retention';
import { RETENTION_KEY } from '@/utils/history/retention';
import { openAttuneDb } from '@/utils/db/open';
import { fakeCommitment, fakeSession } from '../support/records';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 1);

async function seed() {
  const db = await openAttuneDb(indexedDB);
  await db.put('sessions', fakeSession({ id: 'old', startedAt: NOW - 400 * DAY, lastCheckpointAt: NOW - 400 * DAY }));
  await db.put('sessions', fakeSession({ id: 'recent', startedAt: NOW - 10 * DAY, lastCheckpointAt: NOW - 10 * DAY }));
  await db.put('commitments', fakeCommitment({ id: 'of-old', sessionId: 'old' }));
  await db.put('commitments', fakeCommitment({ id: 'of-recent', sessionId: 'recent' }));
  return db;
}

describe('retention in the background', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // A fresh database for each test.
    globalThis.indexedDB = new IDBFactory();
  });

  it('deletes the sessions past the period, with their commitments, and keeps the rest', async () => {
    const db = await seed();
    await fakeBrowser.storage.local.set({ [RETENTION_KEY]: 365 });
    expect(await applyRetention(NOW)).toBe(1);
    expect(await db.getAllKeys('sessions')).toEqual(['recent']);
    expect(await db.getAllKeys('commitments')).toEqual(['of-recent']);
  });

  it('keeps everything when no period is set, without opening the database', async () => {
    await seed();
    const open = vi.spyOn(indexedDB, 'open');
    expect(await applyRetention(NOW)).toBe(0);
    expect(open).not.toHaveBeenCalled();
  });

  it('deletes nothing and does not throw when the database cannot be opened', async () => {
    await fakeBrowser.storage.local.set({ [RETENTION_KEY]: 90 });
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('The disk is gone', 'UnknownError');
    });
    expect(await applyRetention(NOW)).toBe(0);
  });

  it('checks once a day, keeping the alarm it has across restarts, and applies the period when it rings', async () => {
    // The alarm reads the clock: only Date is faked, so IndexedDB's own timers still run.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    onTestFinished(() => void vi.useRealTimers());
    const db = await seed();
    await fakeBrowser.storage.local.set({ [RETENTION_KEY]: 365 });
    scheduleRetention();
    await vi.waitFor(async () =>
      expect(await fakeBrowser.alarms.get(RETENTION_ALARM)).toMatchObject({ periodInMinutes: 24 * 60 }),
    );
    const first = await fakeBrowser.alarms.get(RETENTION_ALARM);
    // A restarted service worker schedules again: the alarm it finds is kept, not pushed back.
    scheduleRetention();
    await new Promise((r) => setTimeout(r, 10));
    expect(await fakeBrowser.alarms.get(RETENTION_ALARM)).toEqual(first);

    await fakeBrowser.alarms.onAlarm.trigger({ name: 'something-else', scheduledTime: Date.now() });
    await new Promise((r) => setTimeout(r, 20));
    expect(await db.count('sessions')).toBe(2);
    await fakeBrowser.alarms.onAlarm.trigger({ name: RETENTION_ALARM, scheduledTime: Date.now() });
    await vi.waitFor(async () => expect(await db.getAllKeys('sessions')).toEqual(['recent']));
  });
});
