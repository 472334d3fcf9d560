import type { TrendSeries } from './types';

export interface ChartSize {
  width: number;
  height: number;
}

export interface ChartGeometry {
  xs: number[];
  xy: Array<[number, number]>;
  /** One path of zero-length segments: a dot per session, however many, in one element. */
  dots: string;
  smoothed: string;
  band: string | null;
  ticks: Array<{ y: number; value: number }>;
}

const PAD_TOP = 8;
const PAD_BOTTOM = 8;

/** The ceiling of the value axis: shares run 0..1; seconds up to a round number above the data. */
export function valueCeiling(series: TrendSeries): number {
  if (series.unit === 'share') return 1;
  const max = series.points.reduce((m, p) => Math.max(m, p.value), 0);
  const step = max > 600 ? 300 : 60;
  return Math.max(step, Math.ceil(max / step) * step);
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Where each session's point, the rolling mean and the target band go in the SVG: x by time,
 * y by value. Pure, so the component tests check the shaping without a layout engine.
 */
export function chartGeometry(series: TrendSeries, size: ChartSize): ChartGeometry {
  const { points } = series;
  const first = points[0]?.at ?? 0;
  const last = points[points.length - 1]?.at ?? first;
  const span = Math.max(1, last - first);
  const ceiling = valueCeiling(series);
  const plotHeight = size.height - PAD_TOP - PAD_BOTTOM;
  const x = (at: number) => (points.length === 1 ? size.width / 2 : r1(((at - first) / span) * size.width));
  const y = (value: number) => r1(PAD_TOP + plotHeight * (1 - Math.min(1, Math.max(0, value / ceiling))));
  const xs = points.map((p) => x(p.at));
  const xy = points.map((p, i) => [xs[i] ?? 0, y(p.value)] as [number, number]);
  const dots = xy.map(([px, py]) => `M${px} ${py}h0`).join('');
  const smoothed = series.smoothed.map((v, i) => `${xs[i] ?? 0},${y(v)}`).join(' ');
  let band: string | null = null;
  if (points.some((p) => p.band)) {
    const upper = points.map((p, i) => `${xs[i] ?? 0},${y(p.band?.maxMentorShare ?? 0)}`);
    const lower = points.map((p, i) => `${xs[i] ?? 0},${y(p.band?.minMentorShare ?? 0)}`).reverse();
    band = `M${[...upper, ...lower].join('L')}Z`;
  }
  const ticks = [0, 0.5, 1].map((f) => ({ y: y(ceiling * f), value: ceiling * f }));
  return { xs, xy, dots, smoothed, band, ticks };
}

/** The index of the point nearest to `x` (xs ascending), by binary search; null when empty. */
export function nearestPointIndex(xs: readonly number[], x: number): number | null {
  if (xs.length === 0) return null;
  let lo = 0;
  let hi = xs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] ?? 0) < x) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && Math.abs((xs[lo - 1] ?? 0) - x) <= Math.abs((xs[lo] ?? 0) - x)) return lo - 1;
  return lo;
}
