import ICAL from 'ical.js';
import type { SessionExport } from './types';
import type { CommitmentRecord } from '../db/types';
import { DEFAULT_ACTION_MINUTES, DEFAULT_CALENDAR_STYLE, type CalendarStyle } from './calendar-style';

// ical.js (Mozilla's iCalendar library) writes the file: escaping, CRLF line ends and folding
// by octets. The `ics` package was not enough: it writes events only, and a commitment is a
// to-do (VTODO). Continuation lines start with a space, so fold at 74 to stay within 75 octets.
ICAL.foldLength = 74;

const STATUS = { done: 'COMPLETED', dropped: 'CANCELLED', open: 'NEEDS-ACTION', 'in-progress': 'IN-PROCESS' } as const;

/** A due date, or with its time as floating local time ("by Tuesday 3pm" is 15:00 wherever the calendar is). */
function dueTime(due: string, time: string | null): ICAL.Time {
  if (!time) return ICAL.Time.fromDateString(due);
  const [year, month, day] = due.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  return ICAL.Time.fromData({ year, month, day, hour, minute, second: 0, isDate: false });
}

export interface CalendarOptions {
  /** Dated actions as to-dos (the default), all-day events, or timed events where a time was agreed. */
  style?: CalendarStyle;
  /** How long the check-in event lasts. */
  checkInMinutes?: number;
  /** How long a timed action event lasts. */
  actionMinutes?: number;
}

const EVENT_STATUS = {
  done: 'CONFIRMED',
  dropped: 'CANCELLED',
  open: 'CONFIRMED',
  'in-progress': 'CONFIRMED',
} as const;
const STATUS_NOTE = { done: 'Done.', dropped: 'Dropped.', open: '', 'in-progress': 'In progress.' } as const;

function actionDetails(c: CommitmentRecord): string {
  return [c.obstacles && `What might get in the way: ${c.obstacles}`, c.support && `Support: ${c.support}`]
    .filter(Boolean)
    .join('\n');
}

function actionTodo(c: CommitmentRecord & { due: string }, stamp: ICAL.Time): ICAL.Component {
  const todo = new ICAL.Component('vtodo');
  // Stable UIDs: a second export updates the same to-dos instead of adding copies.
  todo.updatePropertyWithValue('uid', `${c.id}@attune.invalid`);
  todo.updatePropertyWithValue('dtstamp', stamp);
  todo.updatePropertyWithValue('summary', `${c.owner}: ${c.action}`);
  todo.updatePropertyWithValue('due', dueTime(c.due, c.dueTime ?? null));
  todo.updatePropertyWithValue('status', STATUS[c.status]);
  const details = actionDetails(c);
  if (details) todo.updatePropertyWithValue('description', details);
  return todo;
}

/**
 * An event on the due day: all day (DTEND the next day, as RFC 5545 counts all-day ends), or at
 * the agreed time when `timed` and one was agreed. Its UID differs from the to-do's, so a
 * calendar never sees one UID as both kinds; all-day and timed share it, so switching between
 * them updates the event instead of adding a copy.
 */
function actionEvent(
  c: CommitmentRecord & { due: string },
  stamp: ICAL.Time,
  timed: boolean,
  minutes: number,
): ICAL.Component {
  const event = new ICAL.Component('vevent');
  event.updatePropertyWithValue('uid', `${c.id}-action@attune.invalid`);
  event.updatePropertyWithValue('dtstamp', stamp);
  const time = timed ? (c.dueTime ?? null) : null;
  const start = dueTime(c.due, time);
  const end = start.clone();
  end.addDuration(time ? ICAL.Duration.fromSeconds(minutes * 60) : ICAL.Duration.fromData({ days: 1 }));
  event.updatePropertyWithValue('dtstart', start);
  event.updatePropertyWithValue('dtend', end);
  event.updatePropertyWithValue('summary', `${c.owner}: ${c.action}`);
  event.updatePropertyWithValue('status', EVENT_STATUS[c.status]);
  // A deadline, not a meeting: it does not mark the mentor busy.
  event.updatePropertyWithValue('transp', 'TRANSPARENT');
  const untimedDue = !time && c.dueTime ? `Due by ${c.dueTime}.` : '';
  const details = [STATUS_NOTE[c.status], untimedDue, actionDetails(c)].filter(Boolean).join('\n');
  if (details) event.updatePropertyWithValue('description', details);
  return event;
}

/**
 * Each commitment that has a due date, as a to-do or an event (the mentor's choice: many
 * calendar apps ignore to-dos), and an event for the next check-in (local time).
 */
export function sessionCalendar(
  { session, relationship, commitments, nextCheckIn }: SessionExport,
  now: number,
  options: CalendarOptions = {},
): string {
  const style = options.style ?? DEFAULT_CALENDAR_STYLE;
  const checkInMinutes = options.checkInMinutes ?? 60;
  const actionMinutes = options.actionMinutes ?? DEFAULT_ACTION_MINUTES;
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.updatePropertyWithValue('prodid', '-//Attune//Mentoring session//EN');
  calendar.updatePropertyWithValue('version', '2.0');
  calendar.updatePropertyWithValue('calscale', 'GREGORIAN');
  const stamp = ICAL.Time.fromJSDate(new Date(now), true);

  for (const c of commitments) {
    if (!c.due) continue;
    const dated = { ...c, due: c.due };
    calendar.addSubcomponent(
      style === 'todo' ? actionTodo(dated, stamp) : actionEvent(dated, stamp, style === 'timed', actionMinutes),
    );
  }

  if (nextCheckIn) {
    const [date = '', time = '09:00'] = nextCheckIn.split('T');
    const [year, month, day] = date.split('-').map(Number);
    const [hour, minute] = time.split(':').map(Number);
    // Floating local time: the check-in is at 14:30 wherever the calendar is.
    const start = ICAL.Time.fromData({ year, month, day, hour, minute, second: 0 });
    const end = start.clone();
    end.addDuration(ICAL.Duration.fromSeconds(checkInMinutes * 60));
    const event = new ICAL.Component('vevent');
    event.updatePropertyWithValue('uid', `${session.id}-check-in@attune.invalid`);
    event.updatePropertyWithValue('dtstamp', stamp);
    event.updatePropertyWithValue('dtstart', start);
    event.updatePropertyWithValue('dtend', end);
    event.updatePropertyWithValue(
      'summary',
      `Check-in: ${relationship ? `${relationship.mentorName} & ${relationship.menteeName}` : 'mentoring'}`,
    );
    calendar.addSubcomponent(event);
  }
  return `${calendar.toString()}\r\n`;
}
