import { rollingMeanOfPresent, smoothingWindow } from './trends';
import type { BucketedTrend, TalkTarget, TrendBucket, TrendGrain, TrendPoint, TrendSeries } from './types';

/**
 * At most this many points on a trend chart before sessions are grouped. A chart is about 600 px
 * wide, so 120 points are 5 px apart: each still its own dot to hover. More is a smear that costs
 * time to draw: uPlot drawing 5,000 dots on each of the four charts took 50–85 ms of the main
 * thread on this project's 2-core machine (commit 0650a5d, reverted in 9fd5091).
 */
export const MAX_CHART_POINTS = 120;

export interface Period {
  start: number;
  /** Exclusive. */
  end: number;
}

/** Where calendar weeks and months begin and end: the user's own clock, or UTC for tests. */
export interface Calendar {
  week(at: number): Period;
  month(at: number): Period;
}

// Weeks start on Monday (ISO 8601), wherever the user lives: a simple rule that reads the same
// in every locale, and the readout names the days, so nobody has to guess.
const daysSinceMonday = (weekday: number) => (weekday + 6) % 7;

/** Calendar periods in the browser's time zone: a week is seven local days even across a clock change. */
export const localCalendar: Calendar = {
  week(at) {
    const d = new Date(at);
    const start = new Date(d.getFullYear(), d.getMonth(), d.getDate() - daysSinceMonday(d.getDay()));
    const end = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 7);
    return { start: start.getTime(), end: end.getTime() };
  },
  month(at) {
    const d = new Date(at);
    return { start: new Date(d.getFullYear(), d.getMonth(), 1).getTime(), end: new Date(d.getFullYear(), d.getMonth() + 1, 1).getTime() };
  },
};

/** Calendar periods in UTC: the same answer on every machine. */
export const utcCalendar: Calendar = {
  week(at) {
    const d = new Date(at);
    const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - daysSinceMonday(d.getUTCDay()));
    return { start, end: start + 7 * 86_400_000 };
  },
  month(at) {
    const d = new Date(at);
    return { start: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1), end: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) };
  },
};

export interface TrendBucketOptions {
  calendar?: Calendar;
  maxPoints?: number;
}

/**
 * A trend as its chart draws it: one point a session when there are at most `maxPoints`
 * (120) of them, otherwise the mean of each calendar week, or of each month when even the weeks
 * are more than `maxPoints`. The series' points must be oldest first, as `trendSeries` makes them.
 */
export function trendBuckets(series: TrendSeries, options: TrendBucketOptions = {}): BucketedTrend {
  const { calendar = localCalendar, maxPoints = MAX_CHART_POINTS } = options;
  const bands = rollingBands(series.points);
  if (series.points.length <= maxPoints) return { grain: 'session', buckets: sessionBuckets(series, bands) };
  const weeks = periodBuckets(series, bands, (at) => calendar.week(at));
  if (weeks.length <= maxPoints) return { grain: 'week', buckets: weeks };
  return { grain: 'month', buckets: periodBuckets(series, bands, (at) => calendar.month(at)) };
}

/** The targets' rolling mean session by session, over the window of the series' own rolling mean. */
function rollingBands(points: readonly TrendPoint[]): Array<TalkTarget | null> {
  if (!points.some((p) => p.band)) return [];
  const window = smoothingWindow(points.length);
  const mins = rollingMeanOfPresent(points.map((p) => p.band?.minMentorShare ?? null), window);
  const maxes = rollingMeanOfPresent(points.map((p) => p.band?.maxMentorShare ?? null), window);
  return mins.map((min, i) => {
    const max = maxes[i];
    return min === null || max === null || max === undefined ? null : { minMentorShare: min, maxMentorShare: max };
  });
}

function sessionBuckets(series: TrendSeries, bands: ReadonlyArray<TalkTarget | null>): TrendBucket[] {
  return series.points.map((p, i) => ({
    at: p.at,
    start: p.at,
    end: p.at,
    value: p.value,
    sessions: 1,
    band: p.band,
    smoothed: series.smoothed[i] ?? p.value,
    smoothedBand: bands[i] ?? null,
    newestSessionId: p.sessionId,
  }));
}

/** Sums of one period's sessions, turned into a bucket once the period is over. */
interface Tally {
  period: Period;
  sum: number;
  count: number;
  bandMin: number;
  bandMax: number;
  banded: number;
  last: number;
  newest: TrendPoint;
}

function periodBuckets(series: TrendSeries, bands: ReadonlyArray<TalkTarget | null>, periodOf: (at: number) => Period): TrendBucket[] {
  const buckets: TrendBucket[] = [];
  let tally: Tally | null = null;
  const close = (t: Tally) => buckets.push(bucketOf(t, series.smoothed[t.last] ?? t.sum / t.count, bands[t.last] ?? null));
  for (let i = 0; i < series.points.length; i += 1) {
    const p = series.points[i];
    if (!p) continue;
    // Points are oldest first, so a period is asked for only when a point leaves the last one.
    if (!tally || p.at >= tally.period.end || p.at < tally.period.start) {
      if (tally) close(tally);
      tally = { period: periodOf(p.at), sum: 0, count: 0, bandMin: 0, bandMax: 0, banded: 0, last: i, newest: p };
    }
    tally.sum += p.value;
    tally.count += 1;
    if (p.band) {
      tally.bandMin += p.band.minMentorShare;
      tally.bandMax += p.band.maxMentorShare;
      tally.banded += 1;
    }
    tally.last = i;
    tally.newest = p;
  }
  if (tally) close(tally);
  return buckets;
}

function bucketOf(t: Tally, smoothed: number, smoothedBand: TalkTarget | null): TrendBucket {
  const band: TalkTarget | null = t.banded === 0 ? null : { minMentorShare: t.bandMin / t.banded, maxMentorShare: t.bandMax / t.banded };
  return {
    at: (t.period.start + t.period.end) / 2,
    start: t.period.start,
    end: t.period.end,
    value: t.sum / t.count,
    sessions: t.count,
    band,
    smoothed,
    smoothedBand,
    newestSessionId: t.newest.sessionId,
  };
}

export interface PeriodLabelOptions {
  locale?: string;
  timeZone?: string;
}

/** The bucket's date for people: "3 Nov 2026" for a session, "3–9 Nov 2026" for a week, "November 2026" for a month. */
export function bucketPeriodLabel(bucket: TrendBucket, grain: TrendGrain, options: PeriodLabelOptions = {}): string {
  const { locale, timeZone } = options;
  if (grain === 'month') return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone }).format(bucket.start);
  const days = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone });
  if (grain === 'session') return days.format(bucket.start);
  // The week's last day: its end is the next Monday's first instant.
  return days.formatRange(bucket.start, bucket.end - 1);
}
