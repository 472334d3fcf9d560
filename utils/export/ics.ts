import ICAL from 'ical.js';
import type { SessionExport } from './types';

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

/** A to-do per commitment that has a due date, and an event for the next check-in (local time). */
export function sessionCalendar({ session, relationship, commitments, nextCheckIn }: SessionExport, now: number, checkInMinutes = 60): string {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.updatePropertyWithValue('prodid', '-//Attune//Mentoring session//EN');
  calendar.updatePropertyWithValue('version', '2.0');
  calendar.updatePropertyWithValue('calscale', 'GREGORIAN');
  const stamp = ICAL.Time.fromJSDate(new Date(now), true);

  for (const c of commitments) {
    if (!c.due) continue;
    const todo = new ICAL.Component('vtodo');
    // Stable UIDs: a second export updates the same to-dos instead of adding copies.
    todo.updatePropertyWithValue('uid', `${c.id}@attune.invalid`);
    todo.updatePropertyWithValue('dtstamp', stamp);
    todo.updatePropertyWithValue('summary', `${c.owner}: ${c.action}`);
    todo.updatePropertyWithValue('due', dueTime(c.due, c.dueTime ?? null));
    todo.updatePropertyWithValue('status', STATUS[c.status]);
    const details = [c.obstacles && `What might get in the way: ${c.obstacles}`, c.support && `Support: ${c.support}`].filter(Boolean).join('\n');
    if (details) todo.updatePropertyWithValue('description', details);
    calendar.addSubcomponent(todo);
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
    event.updatePropertyWithValue('summary', `Check-in: ${relationship ? `${relationship.mentorName} & ${relationship.menteeName}` : 'mentoring'}`);
    calendar.addSubcomponent(event);
  }
  return `${calendar.toString()}\r\n`;
}
