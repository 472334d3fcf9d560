import type { QuestionTallies } from '../db/types';
import type { SessionDigest, TalkTarget, TrendPoint, TrendSeries } from './types';

/** Open questions as a share of the questions the mentor asked; null when none were asked. */
export function openQuestionRatio(tallies: QuestionTallies): number | null {
  const asked = tallies.open + tallies.closed + tallies.leading;
  return asked === 0 ? null : tallies.open / asked;
}

/** Commitments done by their due day among those that are done or overdue at `now`; null if none. */
export function onTimeRatio(
  digest: Pick<SessionDigest, 'doneOnTime' | 'doneLate' | 'pendingDue'>,
  now: number,
): number | null {
  const overdue = digest.pendingDue.filter((due) => due < now).length;
  const settled = digest.doneOnTime + digest.doneLate + overdue;
  return settled === 0 ? null : digest.doneOnTime / settled;
}

/** How many sessions a rolling mean spans: enough to show the drift, few enough to follow it. */
export function smoothingWindow(count: number): number {
  return Math.min(50, Math.max(3, Math.round(count / 20)));
}

/** A trailing rolling mean, as long as `values`. */
export function rollingMean(values: readonly number[], window: number): number[] {
  const out: number[] = [];
  let sum = 0;
  for (let i = 0; i < values.length; i += 1) {
    sum += values[i] ?? 0;
    if (i >= window) sum -= values[i - window] ?? 0;
    out.push(sum / Math.min(i + 1, window));
  }
  return out;
}

/** A trailing rolling mean that skips missing values, as long as `values`; null where the window holds none. */
export function rollingMeanOfPresent(values: ReadonlyArray<number | null>, window: number): Array<number | null> {
  const out: Array<number | null> = [];
  let sum = 0;
  let count = 0;
  for (let i = 0; i < values.length; i += 1) {
    const entering = values[i];
    if (entering !== null && entering !== undefined) {
      sum += entering;
      count += 1;
    }
    const leaving = i >= window ? values[i - window] : null;
    if (leaving !== null && leaving !== undefined) {
      sum -= leaving;
      count -= 1;
    }
    out.push(count === 0 ? null : sum / count);
  }
  return out;
}

function series(
  id: TrendSeries['id'],
  title: string,
  unit: TrendSeries['unit'],
  higherIsBetter: boolean | null,
  points: TrendPoint[],
): TrendSeries {
  const values = points.map((p) => p.value);
  return { id, title, unit, higherIsBetter, points, smoothed: rollingMean(values, smoothingWindow(values.length)) };
}

export interface TrendContext {
  /** The talk-time target for a session's relationship, or null when it has none. */
  targetFor(relationshipId: string | null): TalkTarget | null;
  now: number;
}

/** The digests oldest first: reversed when they come newest first (as the store keeps them), else sorted. */
function oldestFirstOf(digests: readonly SessionDigest[]): SessionDigest[] {
  let newestFirst = true;
  for (let i = 1; i < digests.length && newestFirst; i += 1)
    newestFirst = (digests[i - 1] as SessionDigest).startedAt >= (digests[i] as SessionDigest).startedAt;
  return newestFirst ? [...digests].reverse() : [...digests].sort((a, b) => a.startedAt - b.startedAt);
}

/**
 * Sessions shorter than this are left out of the trends: a brief visit to a call page, or a call
 * left at once, would put a dot of 100% talk share or no questions on the chart. They stay in the
 * history (and can be discarded there or in the panel).
 */
export const MIN_TREND_SESSION_MS = 2 * 60_000;

/** Whether a session ran long enough to say something about the mentor's practice; one still running (or never ended) counts. */
export function longEnoughForTrends(d: Pick<SessionDigest, 'startedAt' | 'endedAt'>): boolean {
  return d.endedAt === null || d.endedAt - d.startedAt >= MIN_TREND_SESSION_MS;
}

/**
 * The four trends across sessions, oldest first, each point one session that has the measure
 * (sessions shorter than MIN_TREND_SESSION_MS left out):
 * the mentor's talk share (with its target band), the open-question ratio, the longest
 * monologue and the commitments completed on time.
 */
export function trendSeries(digests: readonly SessionDigest[], context: TrendContext): TrendSeries[] {
  const oldestFirst = oldestFirstOf(digests);
  const talk: TrendPoint[] = [];
  const open: TrendPoint[] = [];
  const monologue: TrendPoint[] = [];
  const onTime: TrendPoint[] = [];
  const listening: TrendPoint[] = [];
  for (const d of oldestFirst) {
    if (!longEnoughForTrends(d)) continue;
    const at = d.startedAt;
    if (d.mentorShare !== null)
      talk.push({ sessionId: d.id, at, value: d.mentorShare, band: context.targetFor(d.relationshipId) });
    const ratio = openQuestionRatio(d.questions);
    if (ratio !== null) open.push({ sessionId: d.id, at, value: ratio, band: null });
    if (d.longestMonologueSeconds !== null)
      monologue.push({ sessionId: d.id, at, value: d.longestMonologueSeconds, band: null });
    const kept = onTimeRatio(d, context.now);
    if (kept !== null) onTime.push({ sessionId: d.id, at, value: kept, band: null });
    if (d.listening !== undefined && d.listening !== null)
      listening.push({ sessionId: d.id, at, value: d.listening, band: null });
  }
  return [
    series('talk-share', 'Your share of the talking', 'share', null, talk),
    series('open-questions', 'Open questions', 'share', true, open),
    series('longest-monologue', 'Longest monologue', 'seconds', false, monologue),
    series('on-time', 'Commitments done on time', 'share', true, onTime),
    series('listening', 'Listening (restating, summarising, open vs advice, leading)', 'share', true, listening),
  ];
}

export function formatTrendValue(unit: TrendSeries['unit'], value: number): string {
  if (unit === 'share') return `${Math.round(value * 100)}%`;
  const seconds = Math.round(value);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / Math.max(1, values.length);
}

/** One sentence for a screen reader: the earlier half's average against the later half's. */
export function trendSentence(s: TrendSeries): string {
  const n = s.points.length;
  if (n === 0) return `${s.title}: no sessions with this measure yet.`;
  const values = s.points.map((p) => p.value);
  if (n < 4)
    return `${s.title}: ${n} session${n === 1 ? '' : 's'}, ${formatTrendValue(s.unit, mean(values))} on average.`;
  const half = Math.floor(n / 2);
  const earlier = formatTrendValue(s.unit, mean(values.slice(0, half)));
  const later = formatTrendValue(s.unit, mean(values.slice(half)));
  return `${s.title}: ${earlier} on average in the earlier ${half} sessions, ${later} in the later ${n - half}.`;
}

/** Whether a share sits inside its target band. */
export function withinBand(value: number, band: TalkTarget | null): boolean | null {
  if (!band) return null;
  return value >= band.minMentorShare && value <= band.maxMentorShare;
}
