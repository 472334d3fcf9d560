import { describe, expect, it, vi } from 'vitest';
import { createReminders, type NotificationsApi, type ReminderDeps } from '@/entrypoints/background/reminders';
import { REMINDED_DAY_KEY, REMINDER_ALARM, REMINDER_SETTINGS_KEY } from '@/utils/reminders/schedule';
import { memoryArea } from './../support/memory-area';
import { fakeCommitment, fakeRelationship } from '../support/records';

// A fixed clock: Friday 4 December 2026, local time.
const at = (day: number, hour: number, minute = 0) => new Date(2026, 11, day, hour, minute);

function setUp(options: { granted?: boolean; settings?: unknown } = {}) {
  const storage = memoryArea();
  const alarms = new Map<string, number>();
  const shown: Array<{ id: string; title: string; message: string }> = [];
  const notifications: NotificationsApi = {
    create: vi.fn(async (id: string, o: { title: string; message: string }) => {
      shown.push({ id, title: o.title, message: o.message });
      return id;
    }),
    clear: vi.fn(async () => true),
  };
  const openPage = vi.fn(async () => {});
  const deps: ReminderDeps = {
    alarms: {
      create: (name, info) => void alarms.set(name, info.when),
      clear: async (name) => alarms.delete(name),
    },
    storage,
    notifications: () => (options.granted === false ? null : notifications),
    readOpen: async () => ({
      relationships: [fakeRelationship({ id: 'rel-1', menteeName: 'Priya Shah' })],
      commitments: [
        fakeCommitment({ id: 'today', relationshipId: 'rel-1', due: '2026-12-04', action: 'Send the CV' }),
        fakeCommitment({ id: 'tomorrow', relationshipId: 'rel-1', due: '2026-12-05' }),
      ],
    }),
    openPage,
    iconUrl: 'chrome-extension://x/icon/128.png',
  };
  return {
    reminders: createReminders(deps),
    storage,
    alarms,
    shown,
    notifications,
    openPage,
    settings: options.settings,
  };
}

describe('reminders in the background', () => {
  it('sets no alarm while reminders are off, and clears one when they are turned off', async () => {
    const { reminders, storage, alarms } = setUp();
    expect(await reminders.schedule(at(4, 8))).toBeNull();
    expect(alarms.size).toBe(0);
    await storage.set({ [REMINDER_SETTINGS_KEY]: { enabled: true, time: '09:00' } });
    await reminders.schedule(at(4, 8));
    expect(alarms.get(REMINDER_ALARM)).toBe(at(4, 9).getTime());
    await storage.set({ [REMINDER_SETTINGS_KEY]: { enabled: false, time: '09:00' } });
    await reminders.schedule(at(4, 8));
    expect(alarms.has(REMINDER_ALARM)).toBe(false);
  });

  it('at the chosen time, notifies of the commitments due that day, once, and sets tomorrow’s alarm', async () => {
    const { reminders, storage, alarms, shown } = setUp();
    await storage.set({ [REMINDER_SETTINGS_KEY]: { enabled: true, time: '09:00' } });
    await reminders.settingsChanged(at(4, 8));
    expect(alarms.get(REMINDER_ALARM)).toBe(at(4, 9).getTime());

    const notices = await reminders.ring(at(4, 9));
    expect(notices.map((n) => n.id)).toEqual(['attune-reminder:2026-12-04:rel-1']);
    expect(shown).toEqual([
      {
        id: 'attune-reminder:2026-12-04:rel-1',
        title: '1 commitment due today · Alex Morgan & Priya Shah',
        message: 'Priya: Send the CV',
      },
    ]);
    expect((await storage.get(REMINDED_DAY_KEY))[REMINDED_DAY_KEY]).toBe('2026-12-04');
    expect(alarms.get(REMINDER_ALARM)).toBe(at(5, 9).getTime());

    // The service worker starts again the same day: nothing twice.
    expect(await reminders.ring(at(4, 11))).toEqual([]);
    expect(shown).toHaveLength(1);
  });

  it('catches up a reminder missed while the computer slept, the same day', async () => {
    const { reminders, storage, shown } = setUp();
    await storage.set({ [REMINDER_SETTINGS_KEY]: { enabled: true, time: '09:00' }, [REMINDED_DAY_KEY]: '2026-12-03' });
    await reminders.ring(at(4, 13));
    expect(shown).toHaveLength(1);
  });

  it('does not tell today’s list when reminders are turned on after today’s time', async () => {
    const { reminders, storage, alarms, shown } = setUp();
    await storage.set({ [REMINDER_SETTINGS_KEY]: { enabled: true, time: '09:00' } });
    await reminders.settingsChanged(at(4, 10));
    expect(alarms.get(REMINDER_ALARM)).toBe(at(5, 9).getTime());
    await reminders.ring(at(4, 10, 1));
    expect(shown).toHaveLength(0);
  });

  it('shows nothing once the permission is withdrawn', async () => {
    const { reminders, storage, shown } = setUp({ granted: false });
    await storage.set({ [REMINDER_SETTINGS_KEY]: { enabled: true, time: '09:00' } });
    expect(await reminders.ring(at(4, 9))).toEqual([]);
    expect(shown).toHaveLength(0);
  });

  it('opens the dashboard at the relationship when a reminder is clicked, and ignores other notifications', async () => {
    const { reminders, openPage, notifications } = setUp();
    expect(await reminders.clicked('attune-reminder:2026-12-04:rel-1')).toBe(true);
    expect(openPage).toHaveBeenCalledWith('/dashboard.html#relationship=rel-1');
    expect(notifications.clear).toHaveBeenCalledWith('attune-reminder:2026-12-04:rel-1');
    expect(await reminders.clicked('someone-else')).toBe(false);
    expect(openPage).toHaveBeenCalledTimes(1);
  });
});
