import { describe, expect, it } from 'vitest';
import { parseRetentionDays, retentionCutoff, sessionsPastRetention } from '@/utils/history/retention';
import { dayEnd, dayStart, pageOf, toDayValue } from '@/utils/history/filters';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 1);

describe('retention', () => {
  it('deletes only sessions that started before the period', () => {
    const sessions = [
      { id: 'old', startedAt: NOW - 91 * DAY },
      { id: 'edge', startedAt: NOW - 90 * DAY },
      { id: 'new', startedAt: NOW - DAY },
    ];
    expect(sessionsPastRetention(sessions, 90, NOW)).toEqual(['old']);
    expect(sessionsPastRetention(sessions, null, NOW)).toEqual([]);
    expect(retentionCutoff(90, NOW)).toBe(NOW - 90 * DAY);
  });

  it.each([
    [365, 365],
    [null, null],
    [0, null],
    [-5, null],
    [1.5, null],
    ['365', null],
  ])('reads a stored period of %o as %o', (raw, days) => {
    expect(parseRetentionDays(raw)).toBe(days);
  });
});

describe('filters and pages', () => {
  it('turns date inputs into the start and end of local days and back', () => {
    const start = dayStart('2026-03-04');
    expect(start).toBe(new Date(2026, 2, 4).getTime());
    expect(dayEnd('2026-03-04')).toBe(new Date(2026, 2, 5).getTime() - 1);
    expect(toDayValue(start)).toBe('2026-03-04');
    expect(dayStart('')).toBeNull();
  });

  it('pages a list and clamps a page past the end', () => {
    const items = Array.from({ length: 53 }, (_, i) => i);
    expect(pageOf(items, 0, 25)).toMatchObject({ page: 0, pages: 3, items: items.slice(0, 25) });
    expect(pageOf(items, 9, 25)).toMatchObject({ page: 2, items: [50, 51, 52] });
    expect(pageOf([], 0, 25)).toMatchObject({ page: 0, pages: 1, items: [] });
  });
});
