import { describe, expect, it } from 'vitest';
import { dueCue, plannedMinutes, promptWindow, stageByClock, stagesForToday } from '@/utils/frameworks/plan';
import { GROW } from '@/utils/frameworks';

const MIN = 60_000;

describe('stageByClock', () => {
  it.each([
    [0, 'goal'],
    [9.9 * MIN, 'goal'],
    [10 * MIN, 'reality'],
    [44 * MIN, 'options'],
    [59 * MIN, 'way-forward'],
    [90 * MIN, 'way-forward'],
  ])('after %d ms suggests %s for GROW', (ms, stage) => {
    expect(stageByClock(GROW.stages, ms)).toBe(stage);
  });

  it('has nothing to suggest without stages', () => {
    expect(stageByClock([], 5)).toBeNull();
  });
});

describe('dueCue', () => {
  const plan = plannedMinutes(GROW.stages);
  it('opens with the agenda cue, reminds to summarise, and asks for actions before the end', () => {
    expect(dueCue(GROW.cues, 30_000, plan, new Set())?.id).toBe('grow-agenda');
    expect(dueCue(GROW.cues, 5 * MIN, plan, new Set())).toBeNull();
    expect(dueCue(GROW.cues, 15.5 * MIN, plan, new Set())?.id).toBe('grow-summarise');
    expect(dueCue(GROW.cues, 51 * MIN, plan, new Set())?.id).toBe('grow-close');
  });

  it('stays away once dismissed', () => {
    expect(dueCue(GROW.cues, 30_000, plan, new Set(['grow-agenda']))).toBeNull();
  });
});

describe('promptWindow', () => {
  const qs = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));
  it('shows three at a time and wraps round as the mentor asks for more', () => {
    expect(promptWindow(qs, 0, 3, new Set()).map((q) => q.id)).toEqual(['a', 'b', 'c']);
    expect(promptWindow(qs, 3, 3, new Set()).map((q) => q.id)).toEqual(['d', 'e', 'a']);
  });

  it('keeps pinned questions in view, first', () => {
    expect(promptWindow(qs, 3, 3, new Set(['b'])).map((q) => q.id)).toEqual(['b', 'e', 'a']);
  });
});

describe('stagesForToday: the plan set before the call drives the stepper', () => {
  const ids = GROW.stages.map((st) => st.id);
  const first = ids[0] ?? '';
  const second = ids[1] ?? '';

  it('gives the planned stages their minutes, so the suggestion moves on when the plan says', () => {
    const plan = { modelId: GROW.id, stageMinutes: { [first]: 2 } };
    const today = stagesForToday(GROW.id, GROW.stages, plan);
    expect(today[0]?.defaultMinutes).toBe(2);
    expect(today.slice(1).map((st) => st.defaultMinutes)).toEqual(GROW.stages.slice(1).map((st) => st.defaultMinutes));
    // Three minutes in: past the two planned for the first stage.
    expect(stageByClock(today, 3 * 60_000)).toBe(second);
    expect(stageByClock(GROW.stages, 3 * 60_000)).toBe(first);
    expect(plannedMinutes(today)).toBe(plannedMinutes(GROW.stages) - (GROW.stages[0]?.defaultMinutes ?? 0) + 2);
  });

  it('keeps the model’s minutes without a plan, or with a plan for another model', () => {
    expect(stagesForToday(GROW.id, GROW.stages, null)).toEqual(GROW.stages);
    expect(stagesForToday(GROW.id, GROW.stages, { modelId: 'six-layer', stageMinutes: { [first]: 2 } })).toEqual(
      GROW.stages,
    );
  });
});
