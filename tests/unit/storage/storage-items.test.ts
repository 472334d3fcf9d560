import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { localItems, sessionItems, STORAGE_ITEMS_VERSION } from '@/utils/storage-items';
import { DEFAULT_SUMMARY_SETTINGS } from '@/utils/summary/settings';
import { fakeModel } from '../../support/records';

// What a profile holds from before the typed items existed: written straight under each key, with
// no version record beside it.
const STORED_BEFORE_ITEMS: Record<string, unknown> = {
  'modes.talkTargets': { mentoring: { minMentorShare: 0.2, maxMentorShare: 0.35 } },
  'listening.targets': { mentoring: 0.6, 'specialist-coaching': 0.4, 'co-coaching': 0.5 },
  'export.calendarStyle': 'timed',
  'summary-settings': { enabled: true, baseURL: 'http://localhost:11434/v1', model: 'llama3', apiKey: 'k' },
  reminders: { enabled: true, time: '07:30' },
  'reminders:last-day': '2026-11-30',
  'dashboard.retentionDays': 365,
  'models.customisations': { grow: { added: {}, hidden: ['q1'], minutes: {} } },
  'models.imported': [fakeModel({ id: 'mine', name: 'Mine' })],
  'privacy.pendingJob': 'seal',
  'prepare.pendingPlans': {
    r1: {
      relationshipId: 'r1',
      tabId: 4,
      modelId: 'grow',
      stageMinutes: { goal: 10 },
      openingQuestion: 'Q?',
      setAt: 1,
    },
  },
};

describe('storage items', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads every value a profile stored before the items existed, unchanged', async () => {
    await fakeBrowser.storage.local.set(STORED_BEFORE_ITEMS);
    expect(await localItems.talkTargets.read()).toEqual(STORED_BEFORE_ITEMS['modes.talkTargets']);
    expect(await localItems.listeningTargets.read()).toEqual(STORED_BEFORE_ITEMS['listening.targets']);
    expect(await localItems.calendarStyle.read()).toBe('timed');
    expect(await localItems.summarySettings.read()).toEqual(STORED_BEFORE_ITEMS['summary-settings']);
    expect(await localItems.reminders.read()).toEqual({ enabled: true, time: '07:30' });
    expect(await localItems.remindedDay.read()).toBe('2026-11-30');
    expect(await localItems.retentionDays.read()).toBe(365);
    expect(await localItems.modelCustomisations.read()).toEqual(STORED_BEFORE_ITEMS['models.customisations']);
    expect(await localItems.importedModels.read()).toEqual(STORED_BEFORE_ITEMS['models.imported']);
    expect(await localItems.passphraseJob.read()).toBe('seal');
    expect(await localItems.pendingPlans.read()).toEqual(STORED_BEFORE_ITEMS['prepare.pendingPlans']);
    // Nothing was rewritten or dropped on the way.
    expect(await fakeBrowser.storage.local.get(null)).toEqual(STORED_BEFORE_ITEMS);
  });

  it('treats a value without a version record as version 1, so no migration touches it', async () => {
    await fakeBrowser.storage.local.set({ 'export.calendarStyle': 'all-day' });
    expect(STORAGE_ITEMS_VERSION).toBe(1);
    expect(await localItems.calendarStyle.item.getMeta()).toEqual({});
    expect(await localItems.calendarStyle.read()).toBe('all-day');
  });

  it('writes under the keys the older readers (backups, the background) still read', async () => {
    await localItems.reminders.write({ enabled: false, time: '18:00' });
    await localItems.retentionDays.write(90);
    const stored = await fakeBrowser.storage.local.get(['reminders', 'dashboard.retentionDays']);
    expect(stored).toEqual({ reminders: { enabled: false, time: '18:00' }, 'dashboard.retentionDays': 90 });
  });

  it('falls back to the defaults where a value is absent or damaged', async () => {
    await fakeBrowser.storage.local.set({ 'export.calendarStyle': '<script>', 'summary-settings': 42 });
    expect(await localItems.calendarStyle.read()).toBe('todo');
    expect(await localItems.summarySettings.read()).toEqual(DEFAULT_SUMMARY_SETTINGS);
    expect(await localItems.passphraseJob.read()).toBeNull();
    expect(await localItems.modelCustomisations.read()).toEqual({});
    expect(await localItems.importedModels.read()).toEqual([]);
  });

  it('keeps per-tab and per-session values apart in storage.session', async () => {
    await fakeBrowser.storage.session.set({ 'capture:7': 1_000, 'captions:s1': true });
    expect(await sessionItems.captureRequest(7).read()).toBe(1_000);
    expect(await sessionItems.captureRequest(8).read()).toBeNull();
    expect(await sessionItems.captionsOptIn('s1').read()).toBe(true);
    expect(await sessionItems.captionsOptIn('s2').read()).toBe(false);
    expect(await sessionItems.tabState(7).read()).toBeNull();
  });

  it('tells a watcher the parsed value when another page changes it', async () => {
    const seen: unknown[] = [];
    const unwatch = localItems.calendarStyle.watch((style) => seen.push(style));
    await fakeBrowser.storage.local.set({ 'export.calendarStyle': 'all-day' });
    await fakeBrowser.storage.local.set({ 'export.calendarStyle': 'nonsense' });
    unwatch();
    await fakeBrowser.storage.local.set({ 'export.calendarStyle': 'timed' });
    expect(seen).toEqual(['all-day', 'todo']);
  });
});
