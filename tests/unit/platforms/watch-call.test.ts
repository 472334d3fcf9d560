// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchCall } from '@/utils/platforms/watch-call';
import { MEET_SELECTORS } from '@/utils/platforms/meet';
import { TEAMS_SELECTORS } from '@/utils/platforms/teams';
import type { CallSnapshot } from '@/utils/platforms/types';

describe('watchCall', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    document.title = 'Meet - Demo';
    document.body.innerHTML = '<h2>Ready to join?</h2><button>Join now</button>';
  });
  afterEach(() => vi.useRealTimers());

  it('reports the state at once and again when the page changes', async () => {
    const seen: CallSnapshot[] = [];
    const stop = watchCall(MEET_SELECTORS, { onChange: (s) => seen.push(s), throttleMs: 100 });
    expect(seen.map((s) => s.state)).toEqual(['lobby']);

    // The Leave button alone is Meet's waiting room; a participant tile shows the user was let in.
    document.body.innerHTML = '<div role="toolbar"><button aria-label="Leave call">x</button></div>';
    await vi.advanceTimersByTimeAsync(150);
    document.body.insertAdjacentHTML('afterbegin', '<div data-participant-id="spaces/1/devices/1"></div>');
    await vi.advanceTimersByTimeAsync(150);
    expect(seen.map((s) => s.state)).toEqual(['lobby', 'in-call']);
    stop();
  });

  it('collapses a storm of mutations into one read per window and repeats nothing unchanged', async () => {
    const onChange = vi.fn();
    const stop = watchCall(MEET_SELECTORS, { onChange, throttleMs: 200, pollMs: 60_000 });
    for (let i = 0; i < 1_000; i += 1) document.body.append(document.createElement('span'));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(onChange).toHaveBeenCalledTimes(1);
    stop();
  });

  it('stops reading once stopped', async () => {
    const onChange = vi.fn();
    const stop = watchCall(MEET_SELECTORS, { onChange, throttleMs: 50 });
    stop();
    document.body.innerHTML = '<h1>You left the meeting</h1>';
    await vi.advanceTimersByTimeAsync(5_000);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('takes Teams’ hang-up button vanishing after the call was on for the end, and its return for a rejoin', async () => {
    const bar =
      '<div data-tid="call-control-bar" role="toolbar"><button id="hangup-button" data-tid="hangup-main-btn" aria-label="Leave">Leave</button></div>';
    document.title = 'Mentoring | Microsoft Teams';
    document.body.innerHTML = bar;
    const seen: CallSnapshot[] = [];
    const stop = watchCall(TEAMS_SELECTORS, { onChange: (s) => seen.push(s), throttleMs: 100, pollMs: 1_000 });
    expect(seen.map((s) => s.state)).toEqual(['in-call']);

    // A re-render that drops the bar for a moment is not the end.
    document.body.innerHTML = '<div class="loading"></div>';
    await vi.advanceTimersByTimeAsync(1_500);
    document.body.innerHTML = bar;
    await vi.advanceTimersByTimeAsync(1_500);
    expect(seen.map((s) => s.state).filter((s) => s === 'left')).toEqual([]);

    // The call bar goes and nothing Teams names replaces it.
    document.body.innerHTML = '<div class="app-shell"></div>';
    await vi.advanceTimersByTimeAsync(6_000);
    expect(seen.at(-1)?.state).toBe('left');

    document.body.innerHTML = bar;
    await vi.advanceTimersByTimeAsync(1_500);
    expect(seen.at(-1)?.state).toBe('in-call');
    stop();
  });

  it('does not call a Teams page that never showed the call bar ended', async () => {
    document.title = 'Chat | Microsoft Teams';
    document.body.innerHTML = '<div class="app-shell"></div>';
    const seen: CallSnapshot[] = [];
    const stop = watchCall(TEAMS_SELECTORS, { onChange: (s) => seen.push(s), throttleMs: 100, pollMs: 1_000 });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(seen.map((s) => s.state)).toEqual(['unknown']);
    stop();
  });
});
