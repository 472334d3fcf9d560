import { describe, expect, it } from 'vitest';
import { describeElapsed, formatElapsed } from '@/utils/time/format-elapsed';

describe('formatElapsed', () => {
  it.each([
    [0, '0:00'],
    [999, '0:00'],
    [65_000, '1:05'],
    [3_599_000, '59:59'],
    [3_723_000, '1:02:03'],
    [-5_000, '0:00'],
    [Number.NaN, '0:00'],
  ])('shows %d ms as %s', (ms, text) => {
    expect(formatElapsed(ms)).toBe(text);
  });

  it.each([
    [1_000, '1 second'],
    [245_000, '4 minutes 5 seconds'],
    [120_000, '2 minutes'],
    [3_720_000, '1 hour 2 minutes'],
  ])('reads %d ms aloud as "%s"', (ms, text) => {
    expect(describeElapsed(ms)).toBe(text);
  });
});
