import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createPinia, setActivePinia } from 'pinia';
import { installServices } from '@/utils/services';
import { useTalkTargetsStore } from '@/stores/shared/talk-targets';
import { openAttuneDb } from '@/utils/db/open';
import { MODES } from '@/utils/frameworks/modes';
import { TALK_TARGETS_KEY } from '@/utils/talk-time/target-band';
import { memoryArea } from '../../support/memory-area';
import { idbRepos } from '../../support/repos';
import { wireDashboard } from '../../support/dashboard';

async function dashboardOver(settings: ReturnType<typeof memoryArea>) {
  const db = await openAttuneDb(new IDBFactory());
  const store = wireDashboard({ ...idbRepos(db), settings });
  await store.history.load(Date.UTC(2026, 5, 1));
  return store;
}

describe('talk targets saved in the dashboard', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('store only the mode the mentor changed: the other modes keep following Attune’s defaults', async () => {
    const settings = memoryArea({
      initial: { [TALK_TARGETS_KEY]: { 'co-coaching': { minMentorShare: 0.4, maxMentorShare: 0.6 } } },
    });
    const store = await dashboardOver(settings);
    await useTalkTargetsStore().setTarget('mentoring', { minMentorShare: 0.1, maxMentorShare: 0.25 });
    expect(settings.data.get(TALK_TARGETS_KEY)).toEqual({
      'co-coaching': { minMentorShare: 0.4, maxMentorShare: 0.6 },
      mentoring: { minMentorShare: 0.1, maxMentorShare: 0.25 },
    });
    expect(store.history.talkTargets['specialist-coaching']).toEqual(MODES['specialist-coaching'].talkTarget);
    expect(store.history.talkTargets.mentoring).toEqual({ minMentorShare: 0.1, maxMentorShare: 0.25 });
  });

  it('are read by the panel as the same overrides, so its Default still brings back the mode’s own band', async () => {
    const settings = memoryArea();
    await dashboardOver(settings);
    await useTalkTargetsStore().setTarget('mentoring', { minMentorShare: 0.1, maxMentorShare: 0.25 });
    // The panel: another page, with a Pinia of its own over the same storage.
    setActivePinia(createPinia());
    const talk = useTalkTargetsStore();
    installServices({ local: settings });
    await talk.loadSettings();
    expect(talk.overrides).toEqual({ mentoring: { minMentorShare: 0.1, maxMentorShare: 0.25 } });
  });
});
