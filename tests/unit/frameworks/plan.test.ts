import { describe, expect, it } from 'vitest';
import { dueCue, plannedMinutes, promptWindow, stageByClock } from '@/utils/frameworks/plan';
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
