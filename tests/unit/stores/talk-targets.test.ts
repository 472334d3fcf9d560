import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { installServices } from '@/utils/services';
import { useTalkTargetsStore } from '@/stores/panel/talk-targets';
import { TALK_TARGETS_KEY } from '@/utils/talk-time/target-band';

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
});
