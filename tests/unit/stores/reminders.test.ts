import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { useRemindersStore } from '@/stores/dashboard/reminders';
import { installServices, type PermissionsApi } from '@/utils/services';
import { REMINDER_SETTINGS_KEY } from '@/utils/reminders/schedule';
import { memoryArea } from '../../support/memory-area';

function permissionsThat(answer: boolean): PermissionsApi & { granted: boolean } {
  const api = {
    granted: false,
    request: vi.fn(async () => {
      api.granted = answer;
      return answer;
    }),
    contains: vi.fn(async () => api.granted),
    remove: vi.fn(async () => {
      api.granted = false;
      return true;
    }),
  };
  return api;
}

describe('reminders store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('is off by default and asks for nothing until turned on', async () => {
    const permissions = permissionsThat(true);
    const store = useRemindersStore();
    installServices({ local: memoryArea(), permissions });
    await store.load();
    expect(store.enabled).toBe(false);
    expect(store.time).toBe('09:00');
    expect(permissions.request).not.toHaveBeenCalled();
  });

  it('asks for the notifications permission when turned on, then saves; gives it back when turned off', async () => {
    const area = memoryArea();
    const permissions = permissionsThat(true);
    const store = useRemindersStore();
    installServices({ local: area, permissions });
    expect(await store.setTime('07:30')).toBe(true);
    expect(await store.turnOn()).toBe(true);
    expect(permissions.request).toHaveBeenCalledWith({ permissions: ['notifications'] });
    expect((await area.get(REMINDER_SETTINGS_KEY))[REMINDER_SETTINGS_KEY]).toEqual({ enabled: true, time: '07:30' });
    expect(store.message).toContain('07:30');
    await store.turnOff();
    expect((await area.get(REMINDER_SETTINGS_KEY))[REMINDER_SETTINGS_KEY]).toEqual({ enabled: false, time: '07:30' });
    expect(permissions.remove).toHaveBeenCalledWith({ permissions: ['notifications'] });
  });

  it('stays off, saying why, when the browser does not give the permission', async () => {
    const area = memoryArea();
    const store = useRemindersStore();
    installServices({ local: area, permissions: permissionsThat(false) });
    expect(await store.turnOn()).toBe(false);
    expect(store.enabled).toBe(false);
    expect(store.error).toMatch(/permission/);
    expect((await area.get(REMINDER_SETTINGS_KEY))[REMINDER_SETTINGS_KEY]).toBeUndefined();
  });

  it('shows reminders off when the permission was withdrawn in the browser', async () => {
    const area = memoryArea();
    await area.set({ [REMINDER_SETTINGS_KEY]: { enabled: true, time: '08:00' } });
    const store = useRemindersStore();
    installServices({ local: area, permissions: permissionsThat(true) });
    await store.load();
    expect(store.enabled).toBe(false);
    expect(store.time).toBe('08:00');
  });

  it('refuses a time that is not one, and keeps the old', async () => {
    const store = useRemindersStore();
    installServices({ local: memoryArea(), permissions: permissionsThat(true) });
    expect(await store.setTime('soon')).toBe(false);
    expect(store.error).toMatch(/time of day/);
    expect(store.time).toBe('09:00');
  });
});
