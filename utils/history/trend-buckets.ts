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
    return {
      start: new Date(d.getFullYear(), d.getMonth(), 1).getTime(),
      end: new Date(d.getFullYear(), d.getMonth() + 1, 1).getTime(),
    };
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
    return {
      start: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1),
      end: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1),
    };
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
 *
 * The line is a rolling mean over the points drawn: per session, the series' own; per week or
 * month, the mean of the sessions in the last few periods (`smoothingWindow` of the periods), so
 * the line is smoother than the points it runs through. The band the chart draws averages the
 * targets over the same sessions.
 */
export function trendBuckets(series: TrendSeries, options: TrendBucketOptions = {}): BucketedTrend {
  const { calendar = localCalendar, maxPoints = MAX_CHART_POINTS } = options;
  if (series.points.length <= maxPoints) return sessionTrend(series);
  const weeks = tallies(series.points, (at) => calendar.week(at));
  if (weeks.length <= maxPoints) return periodTrend('week', weeks);
  return periodTrend(
    'month',
    tallies(series.points, (at) => calendar.month(at)),
  );
}

function sessionTrend(series: TrendSeries): BucketedTrend {
  const { points } = series;
  const smoothing = smoothingWindow(points.length);
  const bands = rollingBands(points, smoothing);
  const buckets = points.map((p, i) => ({
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
  return { grain: 'session', smoothing, buckets };
}

/** The targets' rolling mean session by session, skipping sessions without one. */
function rollingBands(points: readonly TrendPoint[], window: number): Array<TalkTarget | null> {
  if (!points.some((p) => p.band)) return [];
  const mins = rollingMeanOfPresent(
    points.map((p) => p.band?.minMentorShare ?? null),
    window,
  );
  const maxes = rollingMeanOfPresent(
    points.map((p) => p.band?.maxMentorShare ?? null),
    window,
  );
  return mins.map((min, i) => {
    const max = maxes[i];
    return min === null || max === null || max === undefined ? null : { minMentorShare: min, maxMentorShare: max };
  });
}

/** Sums of one period's sessions. */
interface Tally {
  period: Period;
  sum: number;
  count: number;
  bandMin: number;
  bandMax: number;
  banded: number;
  newestSessionId: string;
}

/** The sessions summed period by period, oldest first. */
function tallies(points: readonly TrendPoint[], periodOf: (at: number) => Period): Tally[] {
  const out: Tally[] = [];
  let tally: Tally | undefined;
  for (const p of points) {
    // Points are oldest first, so a period is asked for only when a point leaves the last one.
    if (!tally || p.at >= tally.period.end || p.at < tally.period.start) {
      tally = {
        period: periodOf(p.at),
        sum: 0,
        count: 0,
        bandMin: 0,
        bandMax: 0,
        banded: 0,
        newestSessionId: p.sessionId,
      };
      out.push(tally);
    }
    tally.sum += p.value;
    tally.count += 1;
    if (p.band) {
      tally.bandMin += p.band.minMentorShare;
      tally.bandMax += p.band.maxMentorShare;
      tally.banded += 1;
    }
    tally.newestSessionId = p.sessionId;
  }
  return out;
}

function meanBand(t: Pick<Tally, 'bandMin' | 'bandMax' | 'banded'>): TalkTarget | null {
  return t.banded === 0 ? null : { minMentorShare: t.bandMin / t.banded, maxMentorShare: t.bandMax / t.banded };
}

function periodTrend(grain: Exclude<TrendGrain, 'session'>, periods: readonly Tally[]): BucketedTrend {
  const smoothing = smoothingWindow(periods.length);
  const buckets = periods.map((t, i) => {
    // The sessions of this period and the ones before it in the window, each session weighing the same.
    const recent = { sum: 0, count: 0, bandMin: 0, bandMax: 0, banded: 0 };
    for (const r of periods.slice(Math.max(0, i - smoothing + 1), i + 1)) {
      recent.sum += r.sum;
      recent.count += r.count;
      recent.bandMin += r.bandMin;
      recent.bandMax += r.bandMax;
      recent.banded += r.banded;
    }
    return {
      at: (t.period.start + t.period.end) / 2,
      start: t.period.start,
      end: t.period.end,
      value: t.sum / t.count,
      sessions: t.count,
      band: meanBand(t),
      smoothed: recent.sum / recent.count,
      smoothedBand: meanBand(recent),
      newestSessionId: t.newestSessionId,
    };
  });
  return { grain, smoothing, buckets };
}

export interface PeriodLabelOptions {
  locale?: string;
  timeZone?: string;
}

/** The bucket's date for people: "3 Nov 2026" for a session, "3–9 Nov 2026" for a week, "November 2026" for a month. */
export function bucketPeriodLabel(bucket: TrendBucket, grain: TrendGrain, options: PeriodLabelOptions = {}): string {
  const { locale, timeZone } = options;
  if (grain === 'month')
    return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone }).format(bucket.start);
  const days = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone });
  if (grain === 'session') return days.format(bucket.start);
  // The week's last day: its end is the next Monday's first instant.
  return days.formatRange(bucket.start, bucket.end - 1);
}
