import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { sessionCalendar } from '@/utils/export/ics';
import { CALENDAR_STYLES, parseCalendarStyle, type CalendarStyle } from '@/utils/export/calendar-style';
import type { SessionExport } from '@/utils/export/types';
import { fakeCommitment, fakeSession, fakeSessionExport } from '../../support/records';

const NOW = Date.UTC(2026, 10, 25, 12);
const data: SessionExport = fakeSessionExport({
  session: fakeSession({ id: 'ses-9' }),
  commitments: [
    fakeCommitment({ id: 'timed', due: '2026-12-01', dueTime: '15:00' }),
    fakeCommitment({ id: 'day', due: '2026-12-31', action: 'Year-end review', support: 'Alex reads it' }),
    fakeCommitment({ id: 'undated', due: null }),
    fakeCommitment({ id: 'late', due: '2026-12-02', dueTime: '23:45', status: 'dropped' }),
  ],
  nextCheckIn: '2026-12-09T14:30',
});

function parsed(ics: string) {
  return new ICAL.Component(ICAL.parse(ics));
}
function time(c: ICAL.Component | undefined, name: string): ICAL.Time {
  return c?.getFirstPropertyValue(name) as ICAL.Time;
}
function actionEvents(calendar: ICAL.Component): ICAL.Component[] {
  return calendar
    .getAllSubcomponents('vevent')
    .filter((e) => !String(e.getFirstPropertyValue('uid')).includes('check-in'));
}
const styles = CALENDAR_STYLES.map((s) => s.id);

describe('calendar export styles', () => {
  it.each(styles)('writes a calendar a standard parser reads, as %s', (style) => {
    const calendar = parsed(sessionCalendar(data, NOW, { style }));
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    // Three dated actions, whatever their form, and the check-in.
    const actions = style === 'todo' ? calendar.getAllSubcomponents('vtodo') : actionEvents(calendar);
    expect(actions).toHaveLength(3);
    expect(
      calendar.getAllSubcomponents('vevent').filter((e) => String(e.getFirstPropertyValue('uid')).includes('check-in')),
    ).toHaveLength(1);
    for (const c of calendar.getAllSubcomponents()) expect(c.getFirstPropertyValue('dtstamp')).not.toBeNull();
  });

  it('writes to-dos by default, and no action events', () => {
    const calendar = parsed(sessionCalendar(data, NOW));
    expect(calendar.getAllSubcomponents('vtodo').map((t) => t.getFirstPropertyValue('uid'))).toEqual([
      'timed@attune.invalid',
      'day@attune.invalid',
      'late@attune.invalid',
    ]);
    expect(actionEvents(calendar)).toEqual([]);
  });

  it('writes all-day events that end the next day, a due time kept in the description', () => {
    const calendar = parsed(sessionCalendar(data, NOW, { style: 'all-day' }));
    expect(calendar.getAllSubcomponents('vtodo')).toEqual([]);
    const [timed, yearEnd] = actionEvents(calendar);
    expect(time(timed, 'dtstart').isDate).toBe(true);
    expect(time(timed, 'dtstart').toString()).toBe('2026-12-01');
    expect(time(timed, 'dtend').toString()).toBe('2026-12-02');
    expect(timed?.getFirstPropertyValue('description')).toBe('Due by 15:00.');
    // The day after 31 December is in the next year.
    expect(time(yearEnd, 'dtend').toString()).toBe('2027-01-01');
    const ics = sessionCalendar(data, NOW, { style: 'all-day' });
    expect(ics).toContain('DTSTART;VALUE=DATE:20261201\r\n');
    expect(ics).toContain('DTEND;VALUE=DATE:20261202\r\n');
  });

  it('writes timed events at the agreed time for 30 minutes, and all-day ones where no time was agreed', () => {
    const calendar = parsed(sessionCalendar(data, NOW, { style: 'timed' }));
    const [timed, yearEnd, late] = actionEvents(calendar);
    expect(time(timed, 'dtstart').isDate).toBe(false);
    expect(time(timed, 'dtstart').toString()).toBe('2026-12-01T15:00:00');
    expect(time(timed, 'dtend').toString()).toBe('2026-12-01T15:30:00');
    expect(time(yearEnd, 'dtstart').isDate).toBe(true);
    // Past midnight: the end is on the next day.
    expect(time(late, 'dtend').toString()).toBe('2026-12-03T00:15:00');
    // Floating local time, like the check-in: 15:00 wherever the calendar is.
    expect(sessionCalendar(data, NOW, { style: 'timed' })).toContain('DTSTART:20261201T150000\r\n');
  });

  it('lasts as long as asked', () => {
    const calendar = parsed(sessionCalendar(data, NOW, { style: 'timed', actionMinutes: 90, checkInMinutes: 45 }));
    expect(time(actionEvents(calendar)[0], 'dtend').toString()).toBe('2026-12-01T16:30:00');
    const checkIn = calendar
      .getAllSubcomponents('vevent')
      .find((e) => String(e.getFirstPropertyValue('uid')).includes('check-in'));
    expect(time(checkIn, 'dtend').toString()).toBe('2026-12-09T15:15:00');
  });

  it('marks dropped actions as cancelled events, free rather than busy', () => {
    const [, yearEnd, late] = actionEvents(parsed(sessionCalendar(data, NOW, { style: 'timed' })));
    expect(late?.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(late?.getFirstPropertyValue('description')).toMatch(/^Dropped\./);
    expect(yearEnd?.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(yearEnd?.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
    expect(yearEnd?.getFirstPropertyValue('description')).toBe('Support: Alex reads it');
  });

  it('keeps UIDs from one export to the next, shared by all-day and timed events, apart from the to-dos’', () => {
    const uids = (style: CalendarStyle, at: number) =>
      parsed(sessionCalendar(data, at, { style }))
        .getAllSubcomponents()
        .map((c) => String(c.getFirstPropertyValue('uid')));
    for (const style of styles) expect(uids(style, NOW)).toEqual(uids(style, NOW + 86_400_000));
    expect(uids('all-day', NOW)).toEqual(uids('timed', NOW));
    const todos = new Set(uids('todo', NOW).filter((u) => !u.includes('check-in')));
    for (const uid of uids('all-day', NOW)) expect(todos.has(uid)).toBe(false);
    expect(new Set(uids('timed', NOW)).size).toBe(4);
  });

  it.each(styles)('escapes commas, semicolons, backslashes and newlines (%s)', (style) => {
    const action = 'Call Sam, Jo; then\nwrite it up \\ send';
    const ics = sessionCalendar(
      { ...data, commitments: [fakeCommitment({ action, obstacles: 'Time; money, energy' })] },
      NOW,
      { style },
    );
    expect(ics).toContain('Call Sam\\, Jo\\; then\\nwrite it up \\\\ send');
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const calendar = parsed(ics);
    const action0 = (style === 'todo' ? calendar.getAllSubcomponents('vtodo') : actionEvents(calendar))[0];
    expect(action0?.getFirstPropertyValue('summary')).toBe(`Priya: ${action}`);
    expect(action0?.getFirstPropertyValue('description')).toContain('What might get in the way: Time; money, energy');
  });

  it('reads back any owner and action in every style', () => {
    const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 });
    fc.assert(
      fc.property(text, text, fc.constantFrom(...styles), (owner, action, style) => {
        const calendar = parsed(
          sessionCalendar(
            { ...data, commitments: [fakeCommitment({ owner, action, dueTime: '09:05' })], nextCheckIn: null },
            NOW,
            { style },
          ),
        );
        const [item] =
          style === 'todo' ? calendar.getAllSubcomponents('vtodo') : calendar.getAllSubcomponents('vevent');
        expect(item?.getFirstPropertyValue('summary')).toBe(`${owner}: ${action}`);
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseCalendarStyle', () => {
  it.each([
    ['todo', 'todo'],
    ['all-day', 'all-day'],
    ['timed', 'timed'],
    [undefined, 'todo'],
    ['vevent', 'todo'],
    [3, 'todo'],
  ])('reads %s as %s', (raw, style) => {
    expect(parseCalendarStyle(raw)).toBe(style);
  });
});
