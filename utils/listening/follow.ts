import type { RelationshipMode } from '../db/types';
import { classifyMove } from './classify';
import { LISTENING_MOVES, type ListeningMove, type MoveCounts } from './types';

/** One mentor turn behind a count: when it ended, so the report can find it in a kept transcript. */
export interface MoveTurn {
  at: number;
  move: ListeningMove;
}

/** What a session keeps of its listening moves (times and moves only: no words). */
export interface SessionMoves {
  counts: MoveCounts;
  turns: MoveTurn[];
}

export type ListeningCueKind = 'restate' | 'summarise' | 'ask';

export interface ListeningCue {
  kind: ListeningCueKind;
  sentence: string;
  at: number;
}

export interface ListeningState {
  moves: SessionMoves;
  /** The mentee's turns since the mentor last spoke, oldest first: the next mentor turn's context. */
  context: string[];
  /** Advice and leading turns in a row, without a listening move between them. */
  adviceRun: number;
  lastCueAt: number | null;
}

export interface FollowedTurn {
  mentor: boolean;
  text: string;
  startedAt: number;
  endedAt: number;
}

// A mentee turn this long has a lot in it to reflect back (about half a minute of speech).
export const LONG_MENTEE_TURN_WORDS = 70;
export const LONG_MENTEE_TURN_MS = 45_000;
// Three pieces of advice in a row: the mentor has taken over the thinking.
export const ADVICE_RUN_FOR_CUE = 3;
// At most one listening cue every three minutes, so the cues stay gentle.
export const CUE_GAP_MS = 180_000;
// Offer a summary in the last two minutes of a stage's planned time.
export const SUMMARY_CUE_BEFORE_END_MS = 120_000;
const MAX_CONTEXT_TURNS = 8;

export const EMPTY_MOVE_COUNTS: MoveCounts = Object.freeze(
  Object.fromEntries(LISTENING_MOVES.map((m) => [m, 0])) as MoveCounts,
);

export function emptyListeningState(saved?: SessionMoves | null): ListeningState {
  return {
    moves: { counts: { ...EMPTY_MOVE_COUNTS, ...(saved?.counts ?? {}) }, turns: [...(saved?.turns ?? [])] },
    context: [],
    adviceRun: 0,
    lastCueAt: null,
  };
}

/**
 * Listening moves over advice: restating, summarising and open questions against advice and
 * leading questions, 0..1; null before any of them.
 */
export function listeningRatio(counts: Partial<MoveCounts>): number | null {
  const listening = (counts.restating ?? 0) + (counts.summarising ?? 0) + (counts.open ?? 0);
  const telling = (counts.advice ?? 0) + (counts.leading ?? 0);
  return listening + telling === 0 ? null : listening / (listening + telling);
}

/**
 * The least listening ratio each mode asks for. Specialist coaching draws the answers out of the
 * coachee (little advice); mentoring, executive mentoring included, allows advice as a deliberate
 * choice but counts it; in co-coaching the one coaching holds back like a coach.
 */
export const DEFAULT_LISTENING_TARGETS: Readonly<Record<RelationshipMode, number>> = Object.freeze({
  'specialist-coaching': 0.8,
  mentoring: 0.6,
  'co-coaching': 0.75,
});

function cueAllowed(state: ListeningState, now: number): boolean {
  return state.lastCueAt === null || now - state.lastCueAt >= CUE_GAP_MS;
}

function withCue(
  state: ListeningState,
  kind: ListeningCueKind,
  sentence: string,
  at: number,
): { state: ListeningState; cue: ListeningCue } {
  return { state: { ...state, lastCueAt: at }, cue: { kind, sentence, at } };
}

/**
 * Follows one finished caption turn: a mentor turn is classified with the mentee's turns since
 * the mentor last spoke as context and counted; a cue comes back when one is due (rate-limited).
 */
export function followTurn(
  state: ListeningState,
  turn: FollowedTurn,
): { state: ListeningState; cue: ListeningCue | null; move: ListeningMove | null } {
  if (!turn.mentor) {
    const next = { ...state, context: [...state.context, turn.text].slice(-MAX_CONTEXT_TURNS) };
    const words = turn.text.split(/\s+/).filter(Boolean).length;
    const long = words >= LONG_MENTEE_TURN_WORDS || turn.endedAt - turn.startedAt >= LONG_MENTEE_TURN_MS;
    if (long && cueAllowed(next, turn.endedAt)) {
      return {
        ...withCue(
          next,
          'restate',
          'That was a lot to take in. Try reflecting back what you heard: “So what matters to you is…”',
          turn.endedAt,
        ),
        move: null,
      };
    }
    return { state: next, cue: null, move: null };
  }
  const { move } = classifyMove(turn.text, state.context);
  const counts = { ...state.moves.counts, [move]: state.moves.counts[move] + 1 };
  const telling = move === 'advice' || move === 'leading';
  const listening = move === 'restating' || move === 'summarising' || move === 'open';
  const adviceRun = telling ? state.adviceRun + 1 : listening ? 0 : state.adviceRun;
  const next: ListeningState = {
    ...state,
    moves: { counts, turns: [...state.moves.turns, { at: turn.endedAt, move }] },
    context: [],
    adviceRun,
  };
  if (adviceRun >= ADVICE_RUN_FOR_CUE && cueAllowed(next, turn.endedAt)) {
    return {
      ...withCue(
        { ...next, adviceRun: 0 },
        'ask',
        'Several suggestions in a row. Ask what they think: “What’s your own take on this?”',
        turn.endedAt,
      ),
      move,
    };
  }
  return { state: next, cue: null, move };
}

/**
 * Near the end of a stage's planned time, offer a summary unless one was made during the stage
 * or a cue was shown lately.
 */
export function summaryCueNearStageEnd(
  state: ListeningState,
  now: number,
  stage: { startedAt: number; endsAt: number },
): { state: ListeningState; cue: ListeningCue } | null {
  if (now < stage.endsAt - SUMMARY_CUE_BEFORE_END_MS || now > stage.endsAt) return null;
  const summarisedInStage = state.moves.turns.some((t) => t.move === 'summarising' && t.at >= stage.startedAt);
  if (summarisedInStage || !cueAllowed(state, now)) return null;
  return withCue(state, 'summarise', 'This stage is nearly over. Draw it together: “So far we’ve covered…”', now);
}

/**
 * In co-coaching the two peers swap roles: the panel's user coaches first and after every even
 * number of swaps, and only turns made while coaching count as listening moves.
 */
export function coachingAt(roleSwaps: readonly number[], at: number): boolean {
  return roleSwaps.filter((swappedAt) => swappedAt <= at).length % 2 === 0;
}
