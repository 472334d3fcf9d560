import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { useExportChoicesStore } from '@/stores/shared/export-choices';
import { installServices } from '@/utils/services';
import { CALENDAR_STYLE_KEY } from '@/utils/export/calendar-style';
import { memoryArea } from '../../support/memory-area';

describe('export choices store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('reads the mentor’s calendar choice, and to-dos when there is none or it is damaged', async () => {
    const store = useExportChoicesStore();
    installServices({ local: memoryArea({ initial: { [CALENDAR_STYLE_KEY]: 'timed' } }) });
    await store.load();
    expect(store.calendarStyle).toBe('timed');
    installServices({ local: memoryArea({ initial: { [CALENDAR_STYLE_KEY]: '<script>' } }) });
    await store.load();
    expect(store.calendarStyle).toBe('todo');
  });

  it('keeps a new choice for next time', async () => {
    const area = memoryArea();
    const store = useExportChoicesStore();
    installServices({ local: area });
    await store.load();
    await store.setCalendarStyle('all-day');
    expect(store.calendarStyle).toBe('all-day');
    expect(area.data.get(CALENDAR_STYLE_KEY)).toBe('all-day');
  });

  it('uses the choice even when it cannot be kept, and says so', async () => {
    const store = useExportChoicesStore();
    installServices({ local: memoryArea({ failWrites: true }) });
    await store.load();
    await store.setCalendarStyle('timed');
    expect(store.calendarStyle).toBe('timed');
    expect(store.error).toMatch(/could not keep/);
  });
});
