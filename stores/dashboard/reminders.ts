import { defineStore } from 'pinia';
import { errorSentence } from '@/utils/errors';
import { ref } from 'vue';
import { useServices } from '@/utils/services';
import { readStored, writeStored } from '@/utils/storage-area';
import {
  DEFAULT_REMINDER_TIME,
  REMINDER_PERMISSION,
  REMINDER_SETTINGS,
  reminderTime,
  type ReminderSettings,
} from '@/utils/reminders/schedule';

interface NotificationsPermission {
  permissions: Array<typeof REMINDER_PERMISSION>;
}

const NOTIFICATIONS: NotificationsPermission = { permissions: [REMINDER_PERMISSION] };

/**
 * Reminders of the commitments due each day (the dashboard's Settings): off by default; turning
 * them on asks the browser for the notifications permission, and only then. The background reads
 * what is saved here and sets its alarm.
 */
export const useRemindersStore = defineStore('reminders', () => {
  const enabled = ref(false);
  const time = ref(DEFAULT_REMINDER_TIME);
  const error = ref<string | null>(null);
  const message = ref<string | null>(null);
  const need = useServices();

  async function save(next: ReminderSettings) {
    await writeStored(need('local'), REMINDER_SETTINGS, { ...next });
    enabled.value = next.enabled;
    time.value = next.time;
  }

  /** What is saved; on only while the browser still grants the permission (it can be withdrawn in its settings). */
  async function load() {
    const area = need('local');
    const permissions = need('permissions');
    try {
      const saved = await readStored(area, REMINDER_SETTINGS);
      time.value = saved.time;
      enabled.value = saved.enabled && (await permissions.contains(NOTIFICATIONS));
    } catch {
      error.value = 'Attune could not read your reminder settings. Reload the page to try again.';
    }
  }

  /** Asks for the permission first (while the click still counts as the mentor's), then saves. */
  async function turnOn(): Promise<boolean> {
    const permissions = need('permissions');
    need('local');
    try {
      const granted = await permissions.request(NOTIFICATIONS);
      if (!granted) {
        message.value = null;
        error.value =
          'Reminders need the browser’s permission to show notifications, and it was not given. Nothing changed.';
        return false;
      }
      await save({ enabled: true, time: time.value });
      error.value = null;
      message.value = `Reminders on: each day at ${time.value}, the commitments due that day.`;
      return true;
    } catch {
      error.value = 'Attune could not turn reminders on. Try again.';
      return false;
    }
  }

  /** Off, and the permission given back: nothing is asked of the browser that is not used. */
  async function turnOff() {
    const permissions = need('permissions');
    need('local');
    try {
      await save({ enabled: false, time: time.value });
      await permissions.remove(NOTIFICATIONS).catch(() => false);
      error.value = null;
      message.value = 'Reminders off.';
    } catch {
      error.value = 'Attune could not turn reminders off. Try again.';
    }
  }

  async function setTime(text: string): Promise<boolean> {
    try {
      const next = reminderTime(text);
      await save({ enabled: enabled.value, time: next });
      error.value = null;
      message.value = enabled.value ? `Reminders now at ${next}.` : null;
      return true;
    } catch (e) {
      message.value = null;
      error.value = errorSentence(e, 'Attune could not save the reminder time. Try again.');
      return false;
    }
  }

  return { enabled, time, error, message, load, turnOn, turnOff, setTime };
});
