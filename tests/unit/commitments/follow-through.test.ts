import { describe, expect, it } from 'vitest';
import { addDays, dueThisWeek, isDueOn, isOverdue, localDay } from '@/utils/commitments/follow-through';
import { fakeCommitment, fakeRelationship } from '../../support/records';

// Friday 4 December 2026, 10:00 local time: a fixed clock, never today's.
const NOW = new Date(2026, 11, 4, 10, 0);

describe('overdue', () => {
  it.each([
    ['due yesterday', { due: '2026-12-03' }, true],
    ['due today, no time', { due: '2026-12-04' }, false],
    ['due today at 9:00, now 10:00', { due: '2026-12-04', dueTime: '09:00' }, true],
    ['due today at 15:00', { due: '2026-12-04', dueTime: '15:00' }, false],
    ['due tomorrow', { due: '2026-12-05' }, false],
    ['no date', { due: null }, false],
    ['done, due last month', { due: '2026-11-01', status: 'done' as const }, false],
    ['dropped, due last month', { due: '2026-11-01', status: 'dropped' as const }, false],
    ['in progress, due last month', { due: '2026-11-01', status: 'in-progress' as const }, true],
  ])('%s: %s', (_, fields, expected) => {
    expect(isOverdue(fakeCommitment(fields), NOW)).toBe(expected);
  });

  it('counts the whole due day as on time until midnight', () => {
    const c = fakeCommitment({ due: '2026-12-04' });
    expect(isOverdue(c, new Date(2026, 11, 4, 23, 59))).toBe(false);
    expect(isOverdue(c, new Date(2026, 11, 5, 0, 0))).toBe(true);
  });

  it('knows what is due on a day', () => {
    expect(isDueOn(fakeCommitment({ due: '2026-12-04' }), '2026-12-04')).toBe(true);
    expect(isDueOn(fakeCommitment({ due: '2026-12-04', status: 'done' }), '2026-12-04')).toBe(false);
  });
});

describe('days', () => {
  it('writes the local day and steps across months and years', () => {
    expect(localDay(NOW)).toBe('2026-12-04');
    expect(addDays('2026-12-29', 7)).toBe('2027-01-05');
    expect(addDays('2027-03-27', 2)).toBe('2027-03-29');
  });
});

describe('due this week', () => {
  const rels = new Map([
    ['rel-1', fakeRelationship({ id: 'rel-1', menteeName: 'Priya Shah' })],
    ['rel-2', fakeRelationship({ id: 'rel-2', menteeName: 'Jo Lee' })],
  ]);
  const items = [
    fakeCommitment({ id: 'late-old', due: '2026-11-20', relationshipId: 'rel-2' }),
    fakeCommitment({ id: 'late-today', due: '2026-12-04', dueTime: '08:30' }),
    fakeCommitment({ id: 'today', due: '2026-12-04', relationshipId: 'rel-2' }),
    fakeCommitment({ id: 'today-3pm', due: '2026-12-04', dueTime: '15:00' }),
    fakeCommitment({ id: 'thursday', due: '2026-12-10' }),
    fakeCommitment({ id: 'next-friday', due: '2026-12-11' }),
    fakeCommitment({ id: 'done', due: '2026-12-05', status: 'done' }),
    fakeCommitment({ id: 'undated', due: null }),
    fakeCommitment({ id: 'monday', due: '2026-12-07', relationshipId: null }),
  ];

  it('puts the overdue first, then a group a day up to six days ahead, each sorted by when it falls due', () => {
    const groups = dueThisWeek(items, rels, NOW);
    expect(groups.map((g) => [g.key, g.items.map((i) => i.commitment.id)])).toEqual([
      ['overdue', ['late-old', 'late-today']],
      ['2026-12-04', ['today-3pm', 'today']],
      ['2026-12-07', ['monday']],
      ['2026-12-10', ['thursday']],
    ]);
  });

  it('names each one’s relationship, or none for a session never linked', () => {
    const groups = dueThisWeek(items, rels, NOW);
    const all = groups.flatMap((g) => g.items);
    expect(all.find((i) => i.commitment.id === 'late-old')).toMatchObject({
      relationshipId: 'rel-2',
      relationshipLabel: 'Alex Morgan & Jo Lee',
      overdue: true,
    });
    expect(all.find((i) => i.commitment.id === 'monday')).toMatchObject({
      relationshipId: null,
      relationshipLabel: null,
      overdue: false,
    });
  });

  it('leaves out the commitments of an archived relationship', () => {
    const archived = new Map([
      ...rels,
      ['rel-2', fakeRelationship({ id: 'rel-2', menteeName: 'Jo Lee', archivedAt: 1 })],
    ]);
    const ids = dueThisWeek(items, archived, NOW).flatMap((g) => g.items.map((i) => i.commitment.id));
    expect(ids).not.toContain('late-old');
    expect(ids).not.toContain('today');
    expect(ids).toContain('thursday');
  });

  it('is empty when nothing open has a date this week', () => {
    expect(dueThisWeek([fakeCommitment({ due: '2027-01-20' })], rels, NOW)).toEqual([]);
  });
});
