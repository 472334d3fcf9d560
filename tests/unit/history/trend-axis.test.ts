import { describe, expect, it } from 'vitest';
import { timeRange, valueCeiling, valueTicks } from '@/utils/history/trend-axis';

describe('value axis', () => {
  it('runs shares from 0 to 100%', () => {
    expect(valueCeiling('share', [0.3, 0.9])).toBe(1);
  });

  it.each([
    [[50, 130], 180],
    [[], 60],
    [[700], 900],
  ])('scales seconds %j to a round ceiling of %i above the longest value', (values, ceiling) => {
    expect(valueCeiling('seconds', values)).toBe(ceiling);
  });

  it('labels the floor, the middle and the ceiling', () => {
    expect(valueTicks(180)).toEqual([0, 90, 180]);
  });
});

describe('time axis', () => {
  const DAY = 86_400_000;
  const bucket = (at: number, start = at, end = at) => ({
    at,
    start,
    end,
    value: 0.3,
    sessions: 1,
    band: null,
    smoothed: 0.3,
    smoothedBand: null,
    newestSessionId: 's',
  });

  it('runs from the first week’s start to the last week’s end', () => {
    expect(
      timeRange({ grain: 'week', buckets: [bucket(3.5 * DAY, 0, 7 * DAY), bucket(10.5 * DAY, 7 * DAY, 14 * DAY)] }),
    ).toEqual([0, 14 * DAY]);
  });

  it('leaves a margin around the first and last session, at least half a day', () => {
    expect(timeRange({ grain: 'session', buckets: [bucket(0), bucket(100 * DAY)] })).toEqual([-3 * DAY, 103 * DAY]);
    expect(timeRange({ grain: 'session', buckets: [bucket(DAY)] })).toEqual([DAY / 2, 1.5 * DAY]);
    expect(timeRange({ grain: 'session', buckets: [] })).toEqual([0, 1]);
  });
});
