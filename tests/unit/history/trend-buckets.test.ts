import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MAX_CHART_POINTS,
  bucketPeriodLabel,
  localCalendar,
  trendBuckets,
  utcCalendar,
} from '@/utils/history/trend-buckets';
import { rollingMean, smoothingWindow } from '@/utils/history/trends';
import type { TalkTarget, TrendPoint, TrendSeries } from '@/utils/history/types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Monday 2 November 2026, 00:00 UTC.
const MONDAY = Date.UTC(2026, 10, 2);
const narrow: TalkTarget = { minMentorShare: 0.2, maxMentorShare: 0.3 };
const wide: TalkTarget = { minMentorShare: 0.1, maxMentorShare: 0.5 };

function fakeSeries(points: Array<Pick<TrendPoint, 'at' | 'value'> & Partial<TrendPoint>>): TrendSeries {
  const full = points.map((p, i) => ({ sessionId: `s${i}`, band: null, ...p }));
  const values = full.map((p) => p.value);
  return {
    id: 'talk-share',
    title: 'Your share of the talking',
    unit: 'share',
    higherIsBetter: null,
    points: full,
    smoothed: rollingMean(values, smoothingWindow(values.length)),
  };
}

/** `count` sessions, `perDay` a day from `from`, values cycling through `values`. */
function everyDay(count: number, from: number, perDay = 1, values = [0.2, 0.4]): TrendSeries {
  return fakeSeries(
    Array.from({ length: count }, (_, i) => ({
      at: from + Math.floor(i / perDay) * DAY + (i % perDay) * HOUR,
      value: values[i % values.length] ?? 0,
    })),
  );
}

const options = { calendar: utcCalendar };

describe('trend buckets', () => {
  it(`keeps one point a session up to ${MAX_CHART_POINTS} sessions`, () => {
    const series = fakeSeries([
      { at: MONDAY, value: 0.25, band: narrow },
      { at: MONDAY + HOUR, value: 0.4, band: null },
      { at: MONDAY + DAY, value: 0.1, band: wide },
    ]);
    const { grain, smoothing, buckets } = trendBuckets(series, options);
    expect(grain).toBe('session');
    expect(smoothing).toBe(smoothingWindow(3));
    expect(buckets).toEqual(
      series.points.map((p, i) => ({
        at: p.at,
        start: p.at,
        end: p.at,
        value: p.value,
        sessions: 1,
        band: p.band,
        smoothed: series.smoothed[i],
        smoothedBand: expect.anything(),
        newestSessionId: p.sessionId,
      })),
    );
    expect(trendBuckets(everyDay(MAX_CHART_POINTS, MONDAY), options).grain).toBe('session');
  });

  it('groups more sessions than that by calendar week, Monday to Monday, each point the week’s mean', () => {
    // 140 sessions, two a day from a Wednesday: 70 days over 11 calendar weeks.
    const wednesday = MONDAY + 2 * DAY;
    const series = everyDay(140, wednesday, 2, [0.2, 0.4, 0.3]);
    const { grain, buckets } = trendBuckets(series, options);
    expect(grain).toBe('week');
    expect(buckets).toHaveLength(11);
    const [first, second] = buckets;
    // The first week holds Wednesday to Sunday: 5 days, 10 sessions.
    expect(first).toMatchObject({ start: MONDAY, end: MONDAY + 7 * DAY, at: MONDAY + 3.5 * DAY, sessions: 10 });
    const firstTen = series.points.slice(0, 10).map((p) => p.value);
    expect(first?.value).toBeCloseTo(firstTen.reduce((a, b) => a + b, 0) / 10);
    expect(second).toMatchObject({ start: MONDAY + 7 * DAY, sessions: 14 });
    expect(buckets.reduce((n, b) => n + b.sessions, 0)).toBe(140);
    for (const b of buckets) expect(new Date(b.start).getUTCDay()).toBe(1);
  });

  it('opens the newest session of a week', () => {
    const { buckets } = trendBuckets(everyDay(130, MONDAY, 2), options);
    // Week one is sessions s0..s13.
    expect(buckets[0]?.newestSessionId).toBe('s13');
    expect(buckets.at(-1)?.newestSessionId).toBe('s129');
  });

  it('draws the line through weeks as the mean of the sessions in the last few weeks, each session weighing the same', () => {
    // Ten weeks; week w has w + 1 sessions, each worth w / 10.
    const points = Array.from({ length: 10 }, (_, w) =>
      Array.from({ length: w + 1 }, (_, k) => ({ at: MONDAY + w * 7 * DAY + k * HOUR, value: w / 10 })),
    ).flat();
    const { grain, smoothing, buckets } = trendBuckets(fakeSeries(points), { ...options, maxPoints: 50 });
    expect(grain).toBe('week');
    expect(smoothing).toBe(smoothingWindow(10));
    expect(smoothing).toBe(3);
    expect(buckets.map((b) => b.value)).toEqual(Array.from({ length: 10 }, (_, w) => expect.closeTo(w / 10, 9)));
    // Weeks 3, 4 and 5: 4 × 0.3 + 5 × 0.4 + 6 × 0.5 over 15 sessions.
    expect(buckets[5]?.smoothed).toBeCloseTo((4 * 0.3 + 5 * 0.4 + 6 * 0.5) / 15);
    // The first week has none before it.
    expect(buckets[0]?.smoothed).toBe(0);
    expect(buckets[1]?.smoothed).toBeCloseTo((1 * 0 + 2 * 0.1) / 3);
  });

  it('averages the target band over the sessions that have one, and has none where no session has', () => {
    const points = Array.from({ length: 130 }, (_, i) => ({
      at: MONDAY + i * HOUR * 3,
      value: 0.3,
      band: i < 3 ? ([narrow, wide, null][i] ?? null) : null,
    }));
    const { buckets } = trendBuckets(fakeSeries(points), { ...options, maxPoints: 100 });
    expect(buckets[0]?.band?.minMentorShare).toBeCloseTo(0.15);
    expect(buckets[0]?.band?.maxMentorShare).toBeCloseTo(0.4);
    expect(buckets[1]?.band).toBeNull();
    // The band drawn still spans week one's targets while they are within the line's window.
    expect(buckets[1]?.smoothedBand?.minMentorShare).toBeCloseTo(0.15);
  });

  it('draws the targets’ rolling mean over the same sessions as the values’, so mixed targets do not zigzag', () => {
    // Window of 3 (the series' own): narrow, wide, narrow, wide...
    const series = fakeSeries(
      Array.from({ length: 6 }, (_, i) => ({ at: MONDAY + i * DAY, value: 0.3, band: i % 2 === 0 ? narrow : wide })),
    );
    const { buckets } = trendBuckets(series, options);
    expect(buckets.map((b) => b.band)).toEqual([narrow, wide, narrow, wide, narrow, wide]);
    const edges = buckets.map((b) => [b.smoothedBand?.minMentorShare, b.smoothedBand?.maxMentorShare]);
    expect(edges[0]).toEqual([0.2, 0.3]);
    expect(edges[1]?.[0]).toBeCloseTo(0.15);
    expect(edges[1]?.[1]).toBeCloseTo(0.4);
    // Then narrow twice and wide once, or wide twice and narrow once, in any three in a row.
    expect(edges[2]?.[1]).toBeCloseTo((0.3 + 0.5 + 0.3) / 3);
    expect(edges[3]?.[1]).toBeCloseTo((0.5 + 0.3 + 0.5) / 3);
  });

  it('draws one relationship’s target exactly, and no band where no recent session has a target', () => {
    const steady = trendBuckets(everyDay(300, MONDAY, 2), options).buckets;
    expect(steady.every((b) => b.smoothedBand === null)).toBe(true);
    const banded = fakeSeries(
      Array.from({ length: 300 }, (_, i) => ({ at: MONDAY + i * 12 * HOUR, value: 0.3, band: narrow })),
    );
    const { grain, buckets } = trendBuckets(banded, options);
    expect(grain).toBe('week');
    for (const b of buckets) {
      expect(b.smoothedBand?.minMentorShare).toBeCloseTo(0.2);
      expect(b.smoothedBand?.maxMentorShare).toBeCloseTo(0.3);
    }
  });

  it('groups by month when even the weeks would be more than the chart holds', () => {
    // 5,000 sessions, four a day: about 178 weeks, 41 months.
    const series = everyDay(5_000, Date.UTC(2023, 0, 15), 4);
    const { grain, buckets } = trendBuckets(series, options);
    expect(grain).toBe('month');
    expect(buckets.length).toBeLessThanOrEqual(MAX_CHART_POINTS);
    expect(buckets[0]).toMatchObject({ start: Date.UTC(2023, 0, 1), end: Date.UTC(2023, 1, 1), sessions: 17 * 4 });
    expect(buckets[1]).toMatchObject({ start: Date.UTC(2023, 1, 1), end: Date.UTC(2023, 2, 1), sessions: 28 * 4 });
    for (const b of buckets) expect(new Date(b.start).getUTCDate()).toBe(1);
  });

  it('honours a smaller limit', () => {
    expect(trendBuckets(everyDay(10, MONDAY), { ...options, maxPoints: 9 }).grain).toBe('week');
    expect(trendBuckets(everyDay(60, MONDAY), { ...options, maxPoints: 5 }).grain).toBe('month');
  });

  it('has nothing to draw for a series without sessions', () => {
    expect(trendBuckets(fakeSeries([]), options)).toMatchObject({ grain: 'session', buckets: [] });
  });

  it('keeps every session once, in periods that follow one another, and the same overall mean', () => {
    const sessionTimes = fc.array(fc.integer({ min: 0, max: 4 * 365 * 24 }), { minLength: 1, maxLength: 600 });
    fc.assert(
      fc.property(sessionTimes, fc.integer({ min: 2, max: 130 }), (hours, maxPoints) => {
        const points = [...hours].sort((a, b) => a - b).map((h, i) => ({ at: MONDAY + h * HOUR, value: (i % 7) / 6 }));
        const series = fakeSeries(points);
        const { grain, buckets } = trendBuckets(series, { calendar: utcCalendar, maxPoints });
        expect(buckets.reduce((n, b) => n + b.sessions, 0)).toBe(points.length);
        if (grain !== 'month') expect(buckets.length).toBeLessThanOrEqual(maxPoints);
        for (let i = 1; i < buckets.length; i += 1)
          expect(buckets[i]?.start).toBeGreaterThanOrEqual(buckets[i - 1]?.end ?? Infinity);
        const total = points.reduce((s, p) => s + p.value, 0);
        expect(buckets.reduce((s, b) => s + b.value * b.sessions, 0)).toBeCloseTo(total, 6);
      }),
      { numRuns: 200 },
    );
  });
});

describe('calendars', () => {
  it('starts a local week on Monday at midnight and ends it seven days later, whatever the time zone', () => {
    for (const at of [Date.UTC(2026, 2, 29, 12), Date.UTC(2026, 9, 25, 12), Date.UTC(2026, 10, 4, 23, 30)]) {
      const { start, end } = localCalendar.week(at);
      const s = new Date(start);
      const e = new Date(end);
      expect([s.getDay(), s.getHours(), s.getMinutes()]).toEqual([1, 0, 0]);
      expect([e.getDay(), e.getHours()]).toEqual([1, 0]);
      expect(Math.round((end - start) / DAY)).toBe(7);
      expect(at).toBeGreaterThanOrEqual(start);
      expect(at).toBeLessThan(end);
    }
  });

  it('starts a local month on its first day', () => {
    const { start, end } = localCalendar.month(Date.UTC(2026, 10, 15, 12));
    expect([new Date(start).getDate(), new Date(start).getHours(), new Date(end).getDate()]).toEqual([1, 0, 1]);
    expect(new Date(end).getMonth()).toBe((new Date(start).getMonth() + 1) % 12);
  });
});

describe('period labels', () => {
  const bucket = {
    at: 0,
    start: MONDAY,
    end: MONDAY + 7 * DAY,
    value: 0,
    sessions: 3,
    band: null,
    smoothed: 0,
    smoothedBand: null,
    newestSessionId: 's',
  };
  const label = (grain: 'session' | 'week' | 'month', b = bucket) =>
    bucketPeriodLabel(b, grain, { locale: 'en-GB', timeZone: 'UTC' }).replace(/\s/g, ' ');

  it.each([
    ['session', '2 Nov 2026'],
    ['week', '2 – 8 Nov 2026'],
  ] as const)('names a %s by its days', (grain, text) => {
    expect(label(grain)).toBe(text);
  });

  it('names a month by its name', () => {
    expect(label('month', { ...bucket, start: Date.UTC(2026, 10, 1), end: Date.UTC(2026, 11, 1) })).toBe(
      'November 2026',
    );
  });
});
