import { readStored, writeStored, type KeyValueArea } from '@/utils/storage-area';
import type { CommitmentRecord, RelationshipRecord } from '@/utils/db/types';
import { localDay } from '@/utils/commitments/follow-through';
import {
  dashboardPathFor,
  nextReminderAt,
  relationshipOfNotification,
  REMINDED_DAY,
  REMINDER_ALARM,
  REMINDER_PERMISSION,
  REMINDER_SETTINGS,
  remindersFor,
  shouldRemind,
  timeHasPassedToday,
  type ReminderNotice,
} from '@/utils/reminders/schedule';

/** What reminders need of chrome.notifications: there only once the mentor has granted it. */
export interface NotificationsApi {
  create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string }): Promise<string>;
  clear(id: string): Promise<boolean>;
}

export interface ReminderDeps {
  alarms: {
    create(name: string, info: { when: number }): Promise<void> | void;
    clear(name: string): Promise<boolean>;
  };
  /** storage.local: the mentor's settings and the last day reminded. */
  storage: Pick<KeyValueArea, 'get' | 'set'>;
  /** chrome.notifications, or null while the permission is not granted. */
  notifications(): NotificationsApi | null;
  /** The open commitments and the relationships, read when the reminder rings. */
  readOpen(): Promise<{ commitments: CommitmentRecord[]; relationships: RelationshipRecord[] }>;
  /** Opens an extension page (a path such as /dashboard.html#relationship=…) in a tab. */
  openPage(path: string): Promise<void>;
  iconUrl: string;
}

/**
 * Reminders of the commitments due each day, at the time the mentor chose: one alarm, set for the
 * next time and set again each time it rings (a daily period would drift an hour at each clock
 * change). Every `now` is passed in, so tests run on a fixed clock.
 */
export function createReminders(deps: ReminderDeps) {
  const settings = () => readStored(deps.storage, REMINDER_SETTINGS);

  /** Sets the alarm for the next reminder, or clears it when reminders are off; returns when it rings, or null. */
  async function schedule(now: Date): Promise<number | null> {
    const current = await settings();
    if (!current.enabled) {
      await deps.alarms.clear(REMINDER_ALARM);
      return null;
    }
    const when = nextReminderAt(current.time, now);
    await deps.alarms.create(REMINDER_ALARM, { when });
    return when;
  }

  /** The alarm rang: tells today's commitments once (if it is time and not done yet), then sets the next alarm. */
  async function ring(now: Date): Promise<ReminderNotice[]> {
    try {
      const current = await settings();
      const last = await readStored(deps.storage, REMINDED_DAY);
      const api = deps.notifications();
      if (!api || !shouldRemind(current, last, now)) return [];
      const { commitments, relationships } = await deps.readOpen();
      const notices = remindersFor(commitments, new Map(relationships.map((r) => [r.id, r])), now);
      for (const n of notices)
        await api.create(n.id, { type: 'basic', iconUrl: deps.iconUrl, title: n.title, message: n.message });
      await writeStored(deps.storage, REMINDED_DAY, localDay(now));
      return notices;
    } catch {
      // Storage or the database could not be read: no reminder today rather than a broken one.
      return [];
    } finally {
      await schedule(now).catch(() => null);
    }
  }

  /**
   * The mentor turned reminders on or changed the time: when today's time has already passed,
   * today counts as told (they are looking at their commitments now), and the alarm is set.
   */
  async function settingsChanged(now: Date): Promise<number | null> {
    const current = await settings();
    if (current.enabled && timeHasPassedToday(current.time, now))
      await writeStored(deps.storage, REMINDED_DAY, localDay(now));
    return schedule(now);
  }

  /** A reminder was clicked: the dashboard opens at its relationship. False for another notification. */
  async function clicked(id: string): Promise<boolean> {
    const relationshipId = relationshipOfNotification(id);
    if (relationshipId === undefined) return false;
    await deps.openPage(dashboardPathFor(relationshipId));
    await deps.notifications()?.clear(id);
    return true;
  }

  return { schedule, settingsChanged, ring, clicked };
}

export type Reminders = ReturnType<typeof createReminders>;

/** The browser's notifications API when the optional permission is granted, else null. */
function grantedNotifications(): NotificationsApi | null {
  const api = (browser as unknown as { notifications?: NotificationsApi }).notifications;
  return api ?? null;
}

/** Wires reminders to the browser: the alarm, the settings, the permission and clicks on a reminder. */
export function registerReminders(readOpen: ReminderDeps['readOpen']): Reminders {
  const reminders = createReminders({
    alarms: browser.alarms,
    storage: browser.storage.local,
    notifications: grantedNotifications,
    readOpen,
    openPage: async (path) =>
      void (await browser.tabs.create({ url: browser.runtime.getURL(path as '/dashboard.html') })),
    iconUrl: browser.runtime.getURL('/icon/128.png'),
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REMINDER_ALARM) void reminders.ring(new Date());
  });
  browser.storage.local.onChanged.addListener((changes) => {
    if (REMINDER_SETTINGS.key in changes) void reminders.settingsChanged(new Date());
  });
  // The API appears only once granted: listen for clicks now if it is there, or when it is granted.
  let listening = false;
  function listenForClicks() {
    const api = (
      browser as unknown as { notifications?: { onClicked?: { addListener(f: (id: string) => void): void } } }
    ).notifications;
    if (listening || !api?.onClicked) return;
    listening = true;
    api.onClicked.addListener((id) => void reminders.clicked(id));
  }
  listenForClicks();
  browser.permissions.onAdded.addListener((added) => {
    if (added.permissions?.includes(REMINDER_PERMISSION)) listenForClicks();
  });
  // At each start of the service worker: a reminder missed while the browser was closed or the
  // computer asleep goes out now (once a day at most), and the next alarm is set.
  void reminders.ring(new Date());
  return reminders;
}
