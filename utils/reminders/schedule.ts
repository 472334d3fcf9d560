import type { CommitmentRecord, RelationshipRecord } from '../db/types';
import { isDueOn, localDay, ofArchived } from '../commitments/follow-through';
import { UserFacingError } from '../errors';
import { storedValue } from '../storage-area';

/** Where the mentor's choice is kept (storage.local). */
export const REMINDER_SETTINGS_KEY = 'reminders';
/** The day (YYYY-MM-DD) the last reminders went out (storage.local), so a day is never told twice. */
export const REMINDED_DAY_KEY = 'reminders:last-day';
export const REMINDER_ALARM = 'attune-reminder';
/** Every reminder notification's id starts with this; the rest says which relationship it opens. */
export const REMINDER_NOTIFICATION_PREFIX = 'attune-reminder:';
/** The optional permission reminders need, asked for only when the mentor turns them on. */
export const REMINDER_PERMISSION = 'notifications';
export const DEFAULT_REMINDER_TIME = '09:00';
/** How many actions a notification names before it says "and N more". */
const ACTIONS_NAMED = 3;

export interface ReminderSettings {
  enabled: boolean;
  /** Local time of day, HH:mm. */
  time: string;
}

const TIME_SHAPE = /^([01]\d|2[0-3]):[0-5]\d$/;

export class ReminderSettingsError extends UserFacingError {
  override readonly name = 'ReminderSettingsError';
}

/** A time of day as HH:mm, or a ReminderSettingsError that says what is wrong. */
export function reminderTime(text: string): string {
  const time = text.trim();
  if (!TIME_SHAPE.test(time)) throw new ReminderSettingsError('Choose a time of day for the reminder, such as 09:00.');
  return time;
}

/** Stored settings as the reminders read them: anything unexpected means off, at the default time. */
export function parseReminderSettings(raw: unknown): ReminderSettings {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<
    Record<keyof ReminderSettings, unknown>
  >;
  const time = typeof value.time === 'string' && TIME_SHAPE.test(value.time) ? value.time : DEFAULT_REMINDER_TIME;
  return { enabled: value.enabled === true, time };
}

/** Today's `time` (local) when still ahead of `now`, else tomorrow's: built from the calendar, so a clock change keeps the hour. */
export function nextReminderAt(time: string, now: Date): number {
  const [hour, minute] = time.split(':').map(Number);
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate(), hour ?? 9, minute ?? 0);
  if (today.getTime() > now.getTime()) return today.getTime();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, hour ?? 9, minute ?? 0).getTime();
}

/**
 * Whether reminders should go out at `now`: it is at or past the chosen time today, and today's
 * have not gone out yet. An alarm that rings late (the computer slept through it) still tells
 * the day; one that rings twice does not tell it twice.
 */
export function shouldRemind(settings: ReminderSettings, lastDay: string | null, now: Date): boolean {
  if (!settings.enabled || lastDay === localDay(now)) return false;
  return timeHasPassedToday(settings.time, now);
}

/** Whether `now` is at or past today's `time` (local). */
export function timeHasPassedToday(time: string, now: Date): boolean {
  const [hour, minute] = time.split(':').map(Number);
  return now.getTime() >= new Date(now.getFullYear(), now.getMonth(), now.getDate(), hour ?? 9, minute ?? 0).getTime();
}

export interface ReminderNotice {
  /** REMINDER_NOTIFICATION_PREFIX, then the relationship's id (empty for commitments of no relationship), then the day. */
  id: string;
  relationshipId: string | null;
  title: string;
  message: string;
}

/** A notification's id for a relationship's commitments due on `day`. */
export function reminderNotificationId(relationshipId: string | null, day: string): string {
  return `${REMINDER_NOTIFICATION_PREFIX}${day}:${relationshipId ?? ''}`;
}

/** The relationship a reminder notification opens (null: none, the dashboard alone), or undefined when the id is not a reminder's. */
export function relationshipOfNotification(id: string): string | null | undefined {
  if (!id.startsWith(REMINDER_NOTIFICATION_PREFIX)) return undefined;
  const rest = id.slice(REMINDER_NOTIFICATION_PREFIX.length);
  const relationshipId = rest.slice(rest.indexOf(':') + 1);
  return relationshipId || null;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * One notification per relationship (archived ones aside) with open commitments due on `now`'s
 * day: who owns what, the first few named. Commitments of sessions never linked to a relationship share one.
 */
export function remindersFor(
  commitments: readonly CommitmentRecord[],
  relationships: ReadonlyMap<string, Pick<RelationshipRecord, 'mentorName' | 'menteeName' | 'archivedAt'>>,
  now: Date,
): ReminderNotice[] {
  const day = localDay(now);
  const byRelationship = new Map<string | null, CommitmentRecord[]>();
  const due = commitments
    .filter((c) => isDueOn(c, day) && !ofArchived(c, relationships))
    .sort((a, b) => (a.dueTime ?? '24:00').localeCompare(b.dueTime ?? '24:00') || a.createdAt - b.createdAt);
  for (const c of due) {
    const key = c.relationshipId !== null && relationships.has(c.relationshipId) ? c.relationshipId : null;
    byRelationship.set(key, [...(byRelationship.get(key) ?? []), c]);
  }
  return [...byRelationship].map(([relationshipId, items]) => {
    const rel = relationshipId === null ? undefined : relationships.get(relationshipId);
    const lines = items
      .slice(0, ACTIONS_NAMED)
      .map((c) => `${c.owner}: ${c.action}${c.dueTime ? ` (by ${c.dueTime})` : ''}`);
    if (items.length > ACTIONS_NAMED) lines.push(`and ${items.length - ACTIONS_NAMED} more`);
    return {
      id: reminderNotificationId(relationshipId, day),
      relationshipId,
      title: `${plural(items.length, 'commitment')} due today${rel ? ` · ${rel.mentorName} & ${rel.menteeName}` : ''}`,
      message: lines.join('\n'),
    };
  });
}

/** The dashboard's address that opens a relationship (or just the dashboard). */
export function dashboardPathFor(relationshipId: string | null): string {
  return relationshipId ? `/dashboard.html#relationship=${encodeURIComponent(relationshipId)}` : '/dashboard.html';
}

/** The relationship a dashboard address asks to open, from its hash ("#relationship=…"), or null. */
export function relationshipFromHash(hash: string): string | null {
  const match = /^#relationship=(.+)$/.exec(hash);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/** storage.local: whether and when the morning reminder comes. */
export const REMINDER_SETTINGS = storedValue(REMINDER_SETTINGS_KEY, parseReminderSettings);
/** storage.local: the local day the last reminder was shown, so a day gets one. */
export const REMINDED_DAY = storedValue(REMINDED_DAY_KEY, (raw): string | null =>
  typeof raw === 'string' ? raw : null,
);
