import { describe, expect, it } from 'vitest';
import {
  dashboardPathFor,
  nextReminderAt,
  parseReminderSettings,
  relationshipFromHash,
  relationshipOfNotification,
  reminderNotificationId,
  reminderTime,
  remindersFor,
  ReminderSettingsError,
  shouldRemind,
} from '@/utils/reminders/schedule';
import { fakeCommitment, fakeRelationship } from '../../support/records';

// A fixed clock: Friday 4 December 2026, local time.
const at = (day: number, hour: number, minute = 0) => new Date(2026, 11, day, hour, minute);

describe('when the next reminder rings', () => {
  it('is today when the chosen time is still ahead, else tomorrow', () => {
    expect(nextReminderAt('09:00', at(4, 8, 59))).toBe(at(4, 9).getTime());
    expect(nextReminderAt('09:00', at(4, 9))).toBe(at(5, 9).getTime());
    expect(nextReminderAt('09:00', at(4, 17))).toBe(at(5, 9).getTime());
  });

  it('crosses the month and the year by the calendar', () => {
    expect(nextReminderAt('07:30', new Date(2026, 11, 31, 8))).toBe(new Date(2027, 0, 1, 7, 30).getTime());
  });

  it('keeps the hour across a clock change', () => {
    // Whatever the zone's rules, the next ring is 9:00 on the next local day, not 24 hours on.
    const ring = new Date(nextReminderAt('09:00', new Date(2027, 2, 27, 12)));
    expect([ring.getDate(), ring.getHours(), ring.getMinutes()]).toEqual([28, 9, 0]);
  });
});

describe('whether to remind now', () => {
  const on = { enabled: true, time: '09:00' };
  it.each([
    ['at the time, not yet told today', on, null, at(4, 9), true],
    ['late (the computer slept), not yet told today', on, '2026-12-03', at(4, 15), true],
    ['already told today', on, '2026-12-04', at(4, 15), false],
    ['before the time', on, null, at(4, 8, 59), false],
    ['reminders off', { ...on, enabled: false }, null, at(4, 9), false],
  ])('%s', (_, settings, lastDay, now, expected) => {
    expect(shouldRemind(settings, lastDay, now)).toBe(expected);
  });
});

describe('settings', () => {
  it('reads anything unexpected as off at 09:00', () => {
    expect(parseReminderSettings(undefined)).toEqual({ enabled: false, time: '09:00' });
    expect(parseReminderSettings({ enabled: 'yes', time: '25:00' })).toEqual({ enabled: false, time: '09:00' });
    expect(parseReminderSettings({ enabled: true, time: '07:45' })).toEqual({ enabled: true, time: '07:45' });
  });

  it('takes a time of day and refuses anything else with a sentence', () => {
    expect(reminderTime(' 18:30 ')).toBe('18:30');
    expect(() => reminderTime('6pm')).toThrow(ReminderSettingsError);
    expect(() => reminderTime('24:00')).toThrow(ReminderSettingsError);
  });
});

describe('what the reminders say', () => {
  const rels = new Map([
    ['rel-1', fakeRelationship({ id: 'rel-1', menteeName: 'Priya Shah' })],
    ['rel-2', fakeRelationship({ id: 'rel-2', menteeName: 'Jo Lee' })],
  ]);
  const now = at(4, 9);

  it('gives one notification per relationship with open commitments due that day, and none for other days', () => {
    const notices = remindersFor(
      [
        fakeCommitment({
          id: 'a',
          relationshipId: 'rel-1',
          due: '2026-12-04',
          action: 'Send the CV',
          dueTime: '15:00',
        }),
        fakeCommitment({ id: 'b', relationshipId: 'rel-1', due: '2026-12-04', action: 'Book the room' }),
        fakeCommitment({
          id: 'c',
          relationshipId: 'rel-2',
          due: '2026-12-04',
          owner: 'Jo',
          action: 'Read the chapter',
        }),
        fakeCommitment({ id: 'd', relationshipId: 'rel-2', due: '2026-12-05' }),
        fakeCommitment({ id: 'e', relationshipId: 'rel-2', due: '2026-12-04', status: 'done' }),
        fakeCommitment({ id: 'f', relationshipId: 'rel-2', due: '2026-12-03' }),
      ],
      rels,
      now,
    );
    expect(notices).toEqual([
      {
        id: 'attune-reminder:2026-12-04:rel-1',
        relationshipId: 'rel-1',
        title: '2 commitments due today · Alex Morgan & Priya Shah',
        message: 'Priya: Send the CV (by 15:00)\nPriya: Book the room',
      },
      {
        id: 'attune-reminder:2026-12-04:rel-2',
        relationshipId: 'rel-2',
        title: '1 commitment due today · Alex Morgan & Jo Lee',
        message: 'Jo: Read the chapter',
      },
    ]);
  });

  it('names three and counts the rest, and gathers those of no relationship in one', () => {
    const many = Array.from({ length: 5 }, (_, i) =>
      fakeCommitment({ id: `m${i}`, relationshipId: null, due: '2026-12-04', action: `Step ${i}`, createdAt: i }),
    );
    const [notice] = remindersFor(many, rels, now);
    expect(notice?.relationshipId).toBeNull();
    expect(notice?.message.split('\n')).toEqual(['Priya: Step 0', 'Priya: Step 1', 'Priya: Step 2', 'and 2 more']);
  });

  it('says nothing of an archived relationship', () => {
    const archived = new Map([['rel-1', fakeRelationship({ id: 'rel-1', archivedAt: 1 })]]);
    expect(remindersFor([fakeCommitment({ relationshipId: 'rel-1', due: '2026-12-04' })], archived, now)).toEqual([]);
  });

  it('says nothing when nothing is due', () => {
    expect(remindersFor([fakeCommitment({ due: '2026-12-09' })], rels, now)).toEqual([]);
  });
});

describe('opening a relationship from a reminder', () => {
  it('reads the relationship back from the notification and the dashboard address', () => {
    expect(relationshipOfNotification(reminderNotificationId('rel-1', '2026-12-04'))).toBe('rel-1');
    expect(relationshipOfNotification(reminderNotificationId(null, '2026-12-04'))).toBeNull();
    expect(relationshipOfNotification('something-else')).toBeUndefined();
    expect(dashboardPathFor('rel 1')).toBe('/dashboard.html#relationship=rel%201');
    expect(relationshipFromHash('#relationship=rel%201')).toBe('rel 1');
    expect(dashboardPathFor(null)).toBe('/dashboard.html');
    expect(relationshipFromHash('')).toBeNull();
    expect(relationshipFromHash('#relationship=%E0')).toBeNull();
  });
});
