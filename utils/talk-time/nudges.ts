import type { TalkTimeMetrics } from './types';
import type { TalkTargetBand } from './target-band';

export type NudgeKind = 'monologue' | 'airtime';

export interface Nudge {
  kind: NudgeKind;
  text: string;
  since: number;
}

/** A mentor turn this long is a monologue worth a gentle word (coaching guidance: keep turns short). */
export const MONOLOGUE_NUDGE_SECONDS = 90;
/** The last-five-minutes share must exceed the band's top by this much before the airtime nudge. */
export const AIRTIME_MARGIN = 0.15;
/** …and that window must hold at least this much talk, so a quiet stretch does not trigger it. */
export const AIRTIME_MIN_TALK_SECONDS = 120;
/** At most one nudge of any kind in this long. */
export const NUDGE_GAP_MS = 3 * 60_000;
/** The same nudge again only after this long (counted from when it was shown or dismissed). */
export const NUDGE_REPEAT_MS = 10 * 60_000;

export interface NudgeState {
  active: Nudge | null;
  /** When each kind was last shown or dismissed. */
  lastAt: Partial<Record<NudgeKind, number>>;
  /** When any nudge was last raised. */
  lastAnyAt: number | null;
}

export const NO_NUDGES: NudgeState = { active: null, lastAt: {}, lastAnyAt: null };

const TEXT: Record<NudgeKind, string> = {
  monologue: 'You have been talking for a while. A question could hand the floor back.',
  airtime: 'You have held most of the airtime in the last few minutes. Let them lead for a while.',
};

function holds(kind: NudgeKind, metrics: TalkTimeMetrics, band: TalkTargetBand): boolean {
  if (kind === 'monologue') return metrics.currentMentorMonologueSeconds >= MONOLOGUE_NUDGE_SECONDS;
  const recent = metrics.lastFiveMinutes;
  return (
    recent.mentorSeconds + recent.menteeSeconds >= AIRTIME_MIN_TALK_SECONDS &&
    recent.mentorShare > band.maxMentorShare + AIRTIME_MARGIN
  );
}

/**
 * The nudge to show now. One at a time; a shown nudge stays until dismissed or until what raised
 * it is over (the monologue ended); a new one waits NUDGE_GAP_MS after the last, and the same
 * kind NUDGE_REPEAT_MS after it was last shown or dismissed.
 */
export function nextNudges(state: NudgeState, metrics: TalkTimeMetrics, band: TalkTargetBand, now: number): NudgeState {
  if (state.active) {
    if (holds(state.active.kind, metrics, band)) return state;
    return { ...state, active: null, lastAt: { ...state.lastAt, [state.active.kind]: now } };
  }
  if (state.lastAnyAt !== null && now - state.lastAnyAt < NUDGE_GAP_MS) return state;
  for (const kind of ['monologue', 'airtime'] as const) {
    const last = state.lastAt[kind];
    if (last !== undefined && now - last < NUDGE_REPEAT_MS) continue;
    if (!holds(kind, metrics, band)) continue;
    return { active: { kind, text: TEXT[kind], since: now }, lastAt: { ...state.lastAt, [kind]: now }, lastAnyAt: now };
  }
  return state;
}

/** The mentor dismissed the nudge: it goes, and its kind rests for NUDGE_REPEAT_MS. */
export function dismissNudge(state: NudgeState, now: number): NudgeState {
  if (!state.active) return state;
  return { ...state, active: null, lastAt: { ...state.lastAt, [state.active.kind]: now } };
}
