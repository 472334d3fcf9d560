import { openAttuneDb } from '@/utils/db/open';
import { createIdbHistoryRepo } from '@/utils/db/history-repo';
import { deletePastRetention, RETENTION_DAYS } from '@/utils/history/retention';
import { readStored } from '@/utils/storage-area';

export const RETENTION_ALARM = 'attune-retention';
const DAILY_MINUTES = 24 * 60;
/** The first check a minute after the browser starts or Attune is installed, out of their way. */
const FIRST_CHECK_MINUTES = 1;

/**
 * The retention period applied once a day, whether or not the dashboard is opened: a mentor who
 * chose to keep a year of sessions should not find older ones still there. Returns how many
 * sessions were deleted; on any failure nothing is deleted and the next day tries again.
 */
export async function applyRetention(now: number): Promise<number> {
  try {
    const days = await readStored(browser.storage.local, RETENTION_DAYS);
    // Keeping everything (the default): the database is not even opened.
    if (days === null) return 0;
    const db = await openAttuneDb(indexedDB);
    try {
      return (await deletePastRetention(createIdbHistoryRepo(db), days, now))?.sessions.length ?? 0;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

export function scheduleRetention(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void applyRetention(Date.now());
  });
  // Alarms outlive the service worker; one is made only when none exists (each start would otherwise push it back).
  void browser.alarms.get(RETENTION_ALARM).then((existing) => {
    if (!existing)
      void browser.alarms.create(RETENTION_ALARM, {
        delayInMinutes: FIRST_CHECK_MINUTES,
        periodInMinutes: DAILY_MINUTES,
      });
  });
}
