import { beforeEach, describe, expect, it, vi } from 'vitest';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { createPinia, setActivePinia } from 'pinia';
import { openAttuneDb } from '@/utils/db/open';
import { createIdbHistoryRepo } from '@/utils/db/history-repo';
import { backupJson } from '@/utils/history/backup';
import { RETENTION_KEY } from '@/utils/history';
import { TALK_TARGETS_KEY } from '@/utils/talk-time/target-band';
import { CALENDAR_STYLE_KEY } from '@/utils/export/calendar-style';
import { CUSTOMISATION_KEY, IMPORTED_MODELS_KEY } from '@/utils/frameworks/customise';
import { SUMMARY_SETTINGS_KEY } from '@/utils/summary/settings';
import { fakeHistory } from '../../support/fake-history';
import { fakeModel } from '../../support/records';
import { memoryArea } from '../../support/memory-area';
import { idbRepos } from '../../support/repos';
import { wireDashboard } from '../../support/dashboard';

const NOW = Date.UTC(2026, 5, 1);
const history = fakeHistory({ sessions: 6, commitmentsPerSession: 1, relationships: 2, now: NOW });
const model = fakeModel({ summary: '', source: '' });
const settingsHere = {
  [TALK_TARGETS_KEY]: { mentoring: { minMentorShare: 0.15, maxMentorShare: 0.3 } },
  [RETENTION_KEY]: 730,
  [CALENDAR_STYLE_KEY]: 'all-day',
  [SUMMARY_SETTINGS_KEY]: {
    enabled: true,
    baseURL: 'https://llm.example.org/v1',
    model: 'small',
    apiKey: 'sk-never-exported',
  },
  [CUSTOMISATION_KEY]: {
    grow: {
      added: { goal: [{ id: 'mine-1', text: 'What would a good hour look like?', custom: true }] },
      hidden: [],
      minutes: {},
    },
  },
  [IMPORTED_MODELS_KEY]: [model],
};

async function dashboard(settings = memoryArea(), afterSettingsRestored = vi.fn(async () => undefined)) {
  setActivePinia(createPinia());
  const db = await openAttuneDb(new IDBFactory());
  const store = wireDashboard({ ...idbRepos(db), settings, afterSettingsRestored });
  return { db, store, settings, afterSettingsRestored };
}

describe('dashboard backups with settings, questions and models', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('restores them in another browser: settings, the mentor’s questions, imported models', async () => {
    const from = await dashboard(memoryArea({ initial: settingsHere }));
    await createIdbHistoryRepo(from.db).merge(history);
    await from.store.history.load(NOW);
    const text = (await from.store.backup.exportAll(NOW)) ?? '';
    expect(from.store.notice.message).toBe(
      'Exported 2 relationships, 6 sessions, 6 commitments, your settings, 1 question of your own and 1 imported model.',
    );
    expect(text).not.toContain('sk-never-exported');

    const to = await dashboard();
    await to.store.history.load(NOW);
    await to.store.backup.importAll(text);
    expect(to.store.notice.error).toBeNull();
    expect(await to.db.count('sessions')).toBe(6);
    expect(to.settings.data.get(TALK_TARGETS_KEY)).toEqual(settingsHere[TALK_TARGETS_KEY]);
    expect(to.settings.data.get(RETENTION_KEY)).toBe(730);
    expect(to.settings.data.get(CALENDAR_STYLE_KEY)).toBe('all-day');
    expect(to.settings.data.get(SUMMARY_SETTINGS_KEY)).toEqual({
      enabled: false,
      baseURL: 'https://llm.example.org/v1',
      model: 'small',
      apiKey: '',
    });
    expect(to.settings.data.get(CUSTOMISATION_KEY)).toEqual(settingsHere[CUSTOMISATION_KEY]);
    expect(to.settings.data.get(IMPORTED_MODELS_KEY)).toEqual([model]);
    // The dashboard's own settings are read again, and the other stores are told.
    expect(to.store.history.talkTargets.mentoring).toEqual({ minMentorShare: 0.15, maxMentorShare: 0.3 });
    expect(to.store.settings.retentionDays).toBe(730);
    expect(to.afterSettingsRestored).toHaveBeenCalledOnce();
    expect(to.store.notice.message).toMatch(
      /^Imported 14 records\. Restored 4 settings, 1 question of your own, 1 model\.$/,
    );
  });

  it('imports an older backup without them and leaves this browser’s settings alone', async () => {
    const to = await dashboard(memoryArea({ initial: { [CALENDAR_STYLE_KEY]: 'timed' } }));
    await to.store.history.load(NOW);
    await to.store.backup.importAll(backupJson(history, NOW));
    expect(await to.db.count('sessions')).toBe(6);
    expect(to.settings.data.get(CALENDAR_STYLE_KEY)).toBe('timed');
    expect(to.afterSettingsRestored).not.toHaveBeenCalled();
    expect(to.store.notice.message).toBe('Imported 14 records.');
  });

  it('imports nothing, settings included, when a part is damaged', async () => {
    const to = await dashboard();
    await to.store.history.load(NOW);
    const raw = JSON.parse(backupJson(history, NOW)) as Record<string, unknown>;
    raw.settings = { retentionDays: 'forever' };
    await to.store.backup.importAll(JSON.stringify(raw));
    expect(to.store.notice.error).toMatch(/settings\.retentionDays.*Nothing was imported/);
    expect(await to.db.count('sessions')).toBe(0);
    expect(to.settings.data.size).toBe(0);
  });

  it('says so, and keeps the imported sessions, when the settings cannot be written', async () => {
    const from = await dashboard(memoryArea({ initial: settingsHere }));
    await from.store.history.load(NOW);
    const text = (await from.store.backup.exportAll(NOW)) ?? '';
    const to = await dashboard(memoryArea({ failWrites: true }));
    await to.store.history.load(NOW);
    await to.store.backup.importAll(text);
    expect(to.store.notice.message).toMatch(/could not be saved here; the sessions were imported/);
  });
});
