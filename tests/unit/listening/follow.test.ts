import { describe, expect, it } from 'vitest';
import {
  ADVICE_RUN_FOR_CUE,
  coachingAt,
  CUE_GAP_MS,
  emptyListeningState,
  followTurn,
  listeningRatio,
  summaryCueNearStageEnd,
  type FollowedTurn,
  type ListeningState,
} from '../../../utils/listening/follow';

const T0 = Date.UTC(2026, 2, 3, 10, 0, 0);
const mentee = (text: string, at: number, seconds = 5): FollowedTurn => ({
  mentor: false,
  text,
  startedAt: at - seconds * 1000,
  endedAt: at,
});
const mentor = (text: string, at: number): FollowedTurn => ({ mentor: true, text, startedAt: at - 3000, endedAt: at });

function play(turns: FollowedTurn[], from: ListeningState = emptyListeningState()) {
  let state = from;
  const cues = [];
  for (const turn of turns) {
    const r = followTurn(state, turn);
    state = r.state;
    if (r.cue) cues.push(r.cue);
  }
  return { state, cues };
}

describe('followTurn', () => {
  it('classifies a mentor turn against the mentee turns since the mentor last spoke', () => {
    const { state } = play([
      mentee("I've worked every weekend since June.", T0),
      mentor('So the cost is your weekends.', T0 + 5000),
      mentor('so did you tell your manager', T0 + 9000),
    ]);
    expect(state.moves.counts.restating).toBe(1);
    expect(state.moves.counts.closed).toBe(1);
    expect(state.moves.turns).toEqual([
      { at: T0 + 5000, move: 'restating' },
      { at: T0 + 9000, move: 'closed' },
    ]);
  });

  it('offers a restatement after a long mentee turn', () => {
    const long = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
    const { cues } = play([mentee(long, T0, 30)]);
    expect(cues).toHaveLength(1);
    expect(cues[0]?.kind).toBe('restate');
  });

  it('asks for the mentee’s view after a run of advice, and not before', () => {
    const advice = ['You should ask for the raise.', 'Put it in writing.', "If I were you, I'd go to HR."];
    const two = play([
      mentee('My manager ignores me.', T0),
      ...advice.slice(0, 2).map((a, i) => mentor(a, T0 + (i + 1) * 10_000)),
    ]);
    expect(two.cues).toEqual([]);
    const three = play([
      mentee('My manager ignores me.', T0),
      ...advice.map((a, i) => mentor(a, T0 + (i + 1) * 10_000)),
    ]);
    expect(three.cues.map((c) => c.kind)).toEqual(['ask']);
    expect(ADVICE_RUN_FOR_CUE).toBe(3);
  });

  it('lets a listening move break the run of advice', () => {
    const { cues } = play([
      mentor('You should ask for the raise.', T0),
      mentor('Put it in writing.', T0 + 10_000),
      mentee('I am scared of her.', T0 + 15_000),
      mentor('It sounds like you are scared of her reaction.', T0 + 20_000),
      mentor('Go to HR.', T0 + 30_000),
    ]);
    expect(cues).toEqual([]);
  });

  it('shows at most one cue in any three minutes', () => {
    const long = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
    const { cues } = play([mentee(long, T0), mentee(long, T0 + 60_000), mentee(long, T0 + CUE_GAP_MS + 1)]);
    expect(cues.map((c) => c.at)).toEqual([T0, T0 + CUE_GAP_MS + 1]);
  });

  it('carries on from the counts saved with the session', () => {
    const saved = {
      counts: { ...emptyListeningState().moves.counts, advice: 2 },
      turns: [{ at: T0, move: 'advice' as const }],
    };
    const { state } = play([mentor('Try a timer.', T0 + 1000)], emptyListeningState(saved));
    expect(state.moves.counts.advice).toBe(3);
    expect(state.moves.turns).toHaveLength(2);
  });
});

describe('listeningRatio', () => {
  it('sets restating, summarising and open questions against advice and leading', () => {
    expect(
      listeningRatio({ restating: 2, summarising: 1, open: 3, advice: 1, leading: 1, closed: 5, sharing: 4 }),
    ).toBeCloseTo(0.75);
    expect(listeningRatio({ closed: 3 })).toBeNull();
  });
});

describe('summaryCueNearStageEnd', () => {
  const stage = { startedAt: T0, endsAt: T0 + 10 * 60_000 };
  it('offers a summary in the last two minutes of a stage', () => {
    expect(summaryCueNearStageEnd(emptyListeningState(), T0 + 5 * 60_000, stage)).toBeNull();
    expect(summaryCueNearStageEnd(emptyListeningState(), T0 + 9 * 60_000, stage)?.cue.kind).toBe('summarise');
  });

  it('does not offer one when the mentor already summarised during the stage', () => {
    const state = emptyListeningState({
      counts: { ...emptyListeningState().moves.counts, summarising: 1 },
      turns: [{ at: T0 + 60_000, move: 'summarising' }],
    });
    expect(summaryCueNearStageEnd(state, T0 + 9 * 60_000, stage)).toBeNull();
  });
});

describe('coachingAt', () => {
  it('has the user coaching first and after every second swap', () => {
    expect(coachingAt([], T0)).toBe(true);
    expect(coachingAt([T0 + 10], T0)).toBe(true);
    expect(coachingAt([T0 + 10], T0 + 20)).toBe(false);
    expect(coachingAt([T0 + 10, T0 + 30], T0 + 40)).toBe(true);
  });
});
