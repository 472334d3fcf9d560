import type { SessionExport } from './types';

// Written by hand: the `ics` package writes events only, and a commitment is a to-do (VTODO).
// RFC 5545: CRLF line ends, lines folded at 75 octets, text escaped, stable UIDs.

function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets without splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (size + bytes > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function utcStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** A calendar with a to-do per commitment that has a due date and an event for the next check-in. */
export function sessionCalendar({ session, relationship, commitments, nextCheckIn }: SessionExport, now: number, checkInMinutes = 60): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Attune//Mentoring session//EN', 'CALSCALE:GREGORIAN'];
  const stamp = utcStamp(now);
  for (const c of commitments.filter((x) => x.due)) {
    const details = [c.obstacles && `What might get in the way: ${c.obstacles}`, c.support && `Support: ${c.support}`].filter(Boolean).join('\n');
    lines.push(
      'BEGIN:VTODO',
      `UID:${c.id}@attune.invalid`,
      `DTSTAMP:${stamp}`,
      `SUMMARY:${escapeText(`${c.owner}: ${c.action}`)}`,
      `DUE;VALUE=DATE:${(c.due ?? '').replace(/-/g, '')}`,
      `STATUS:${c.status === 'done' ? 'COMPLETED' : c.status === 'dropped' ? 'CANCELLED' : 'NEEDS-ACTION'}`,
      ...(details ? [`DESCRIPTION:${escapeText(details)}`] : []),
      'END:VTODO',
    );
  }
  if (nextCheckIn) {
    const [date = '', time = '09:00'] = nextCheckIn.split('T');
    const start = `${date.replace(/-/g, '')}T${time.replace(':', '')}00`;
    const end = new Date(`${date}T${time}:00`);
    end.setMinutes(end.getMinutes() + checkInMinutes);
    const pad = (n: number) => String(n).padStart(2, '0');
    const endLocal = `${end.getFullYear()}${pad(end.getMonth() + 1)}${pad(end.getDate())}T${pad(end.getHours())}${pad(end.getMinutes())}00`;
    const who = relationship ? `${relationship.mentorName} & ${relationship.menteeName}` : 'mentoring';
    lines.push(
      'BEGIN:VEVENT',
      `UID:${session.id}-check-in@attune.invalid`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${start}`,
      `DTEND:${endLocal}`,
      `SUMMARY:${escapeText(`Check-in: ${who}`)}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
