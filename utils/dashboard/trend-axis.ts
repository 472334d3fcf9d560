import type { TrendSeries } from './types';

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
