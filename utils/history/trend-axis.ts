import type { BucketedTrend, TrendSeries } from './types';

/** The top of the value axis: shares run 0..1; seconds up to a round number above the highest value drawn. */
export function valueCeiling(unit: TrendSeries['unit'], values: Iterable<number>): number {
  if (unit === 'share') return 1;
  let max = 0;
  for (const v of values) if (v > max) max = v;
  // Whole minutes up to ten minutes, then five-minute steps, so the middle label stays round too.
  const step = max > 600 ? 300 : 60;
  return Math.max(step, Math.ceil(max / step) * step);
}

/** Where the value axis is labelled: the floor, the middle and the ceiling. */
export function valueTicks(ceiling: number): number[] {
  return [0, ceiling / 2, ceiling];
}

const HALF_DAY_MS = 43_200_000;
// Room either side of the first and last session, as a share of the span, so their dots are whole.
const SESSION_MARGIN = 0.03;

/**
 * The time axis' range, ms: from the first week's or month's start to the last one's end, or
 * from the first session to the last with a margin (at least half a day, so one session, or
 * several on one day, still have an axis).
 */
export function timeRange(trend: Pick<BucketedTrend, 'grain' | 'buckets'>): [number, number] {
  const first = trend.buckets[0];
  const last = trend.buckets[trend.buckets.length - 1];
  if (!first || !last) return [0, 1];
  if (trend.grain !== 'session') return [first.start, last.end];
  const margin = Math.max(HALF_DAY_MS, (last.at - first.at) * SESSION_MARGIN);
  return [first.at - margin, last.at + margin];
}
