import { describe, expect, it } from 'vitest';
import { byteSize, countOf, durationText, safeDate, statusWord } from '@/utils/format';

describe('formatting for people', () => {
  it.each([
    [0, '0 sessions'],
    [1, '1 session'],
    [2, '2 sessions'],
    [10_242, '10,242 sessions'],
  ])('counts %i as “%s”', (n, text) => {
    expect(countOf(n, 'session', 'sessions', 'en')).toBe(text);
  });

  it.each([
    [512, '512 bytes'],
    [2_048, '2 kB'],
    [1_572_864, '1.5 MB'],
    [10_242 * 1_048_576, '10 GB'],
  ])('gives %i bytes as “%s”, never thousands of a smaller unit', (bytes, text) => {
    expect(byteSize(bytes, 'en')).toBe(text);
  });

  it('says a status as a person would', () => {
    expect(statusWord('in-progress')).toBe('in progress');
    expect(statusWord('done')).toBe('done');
  });

  it('never throws on an impossible date', () => {
    expect(safeDate(1e300, { dateStyle: 'medium' }, 'en')).toBe('unknown date');
    expect(safeDate(Number.NaN, { dateStyle: 'medium' }, 'en')).toBe('unknown date');
    expect(
      safeDate(
        Date.UTC(2026, 11, 4, 12),
        { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' },
        'en-GB',
      ),
    ).toBe('4 Dec 2026');
  });

  it('gives a session’s length', () => {
    expect(durationText(0, 45 * 60_000, 'en')).toBe('45 min');
    expect(durationText(0, 65 * 60_000, 'en')).toBe('1 hr 5 min');
    expect(durationText(0, 20_000, 'en')).toBe('under a minute');
    expect(durationText(0, null, 'en')).toBeNull();
  });
});
