import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { installServices } from '@/utils/services';
import { useTalkTargetsStore } from '@/stores/shared/talk-targets';
import { TALK_TARGETS_KEY } from '@/utils/talk-time/target-band';
import { MODES } from '@/utils/frameworks/modes';
import { memoryArea } from '../../support/memory-area';

describe('talk targets store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('keeps the mentor’s own target band per mode in storage.local and refuses a reversed one', async () => {
    const store = useTalkTargetsStore();
    const area = new Map<string, unknown>();
    installServices({
      local: {
        get: async (key) => ({ [key]: area.get(key) }),
        set: async (items) => void Object.entries(items).forEach(([k, v]) => area.set(k, v)),
        remove: async (key) => void area.delete(key),
      },
    });
    await store.loadSettings();
    store.setMode('specialist-coaching');
    expect(store.band).toEqual({ minMentorShare: 0.2, maxMentorShare: 0.3 });
    await store.setTarget('specialist-coaching', { minMentorShare: 0.1, maxMentorShare: 0.25 });
    expect(store.band).toEqual({ minMentorShare: 0.1, maxMentorShare: 0.25 });
    expect(area.get(TALK_TARGETS_KEY)).toEqual({
      'specialist-coaching': { minMentorShare: 0.1, maxMentorShare: 0.25 },
    });
    await store.setTarget('specialist-coaching', { minMentorShare: 0.5, maxMentorShare: 0.25 });
    expect(store.error).toMatch(/lower end first/);
    await store.setTarget('specialist-coaching', null);
    expect(store.band).toEqual({ minMentorShare: 0.2, maxMentorShare: 0.3 });
  });

  it('gives every mode’s band for the dashboard, and puts them all back to Attune’s on reset, forgetting the stored ones', async () => {
    const area = memoryArea({
      initial: { [TALK_TARGETS_KEY]: { mentoring: { minMentorShare: 0.05, maxMentorShare: 0.15 } } },
    });
    installServices({ local: area });
    const store = useTalkTargetsStore();
    await store.loadSettings();
    expect(store.everyMode.mentoring).toEqual({ minMentorShare: 0.05, maxMentorShare: 0.15 });
    expect(store.everyMode['co-coaching']).toEqual(MODES['co-coaching'].talkTarget);
    expect(await store.resetAll()).toBe(true);
    expect(store.everyMode.mentoring).toEqual(MODES.mentoring.talkTarget);
    expect(area.data.has(TALK_TARGETS_KEY)).toBe(false);
  });

  it('keeps a reset for this page, with a sentence, when storage refuses it', async () => {
    const full = new DOMException('Quota exceeded', 'QuotaExceededError');
    installServices({ local: { ...memoryArea(), remove: () => Promise.reject(full) } });
    const store = useTalkTargetsStore();
    expect(await store.resetAll()).toBe(false);
    expect(store.error).toMatch(/could not save/);
    expect(store.everyMode.mentoring).toEqual(MODES.mentoring.talkTarget);
  });
});
