import { describe, expect, it } from 'vitest';
import { talkMetrics } from '@/utils/talk-time/metrics';
import {
  dismissNudge,
  MONOLOGUE_NUDGE_SECONDS,
  NO_NUDGES,
  NUDGE_GAP_MS,
  NUDGE_REPEAT_MS,
  nextNudges,
  type NudgeState,
} from '@/utils/talk-time/nudges';
import type { TalkSegment } from '@/utils/talk-time/types';

const band = { minMentorShare: 0, maxMentorShare: 0.4 };
const MIN = 60_000;

/** The mentor talking from `start` to `now` seconds, after the mentee talked until `start`. */
function monologue(start: number, now: number) {
  const mentee: TalkSegment[] = [{ start: 0, end: start }];
  return talkMetrics({ mentor: [{ start, end: now }], mentee }, now);
}

describe('nudges', () => {
  it('raises the monologue nudge once the mentor has held the floor long enough', () => {
    expect(nextNudges(NO_NUDGES, monologue(200, 200 + MONOLOGUE_NUDGE_SECONDS - 5), band, 0).active).toBeNull();
    const shown = nextNudges(NO_NUDGES, monologue(200, 200 + MONOLOGUE_NUDGE_SECONDS + 1), band, 0);
    expect(shown.active?.kind).toBe('monologue');
  });

  it('does not raise the monologue nudge during two minutes of rapid short turns', () => {
    // The mentor talks 2.5 s, the mentee replies with 0.6 s, again and again.
    const mentor: TalkSegment[] = [];
    const mentee: TalkSegment[] = [];
    for (let t = 0; t < 120; t += 3.5) mentor.push({ start: t, end: t + 2.5 });
    mentor.slice(0, -1).forEach((s) => mentee.push({ start: s.end + 0.2, end: s.end + 0.8 }));
    // Now: half a second after the mentor's latest 2.5 s, the floor still theirs.
    const metrics = talkMetrics({ mentor, mentee }, (mentor[mentor.length - 1]?.end ?? 0) + 0.5);
    expect(metrics.currentMentorMonologueSeconds).toBeLessThan(3);
    expect(nextNudges(NO_NUDGES, metrics, band, 0).active).toBeNull();
  });

  it('keeps a shown nudge until dismissed, then rests that kind for the repeat time', () => {
    const long = monologue(200, 340);
    let state: NudgeState = nextNudges(NO_NUDGES, long, band, 0);
    state = nextNudges(state, long, band, 5_000);
    expect(state.active?.kind).toBe('monologue');
    state = dismissNudge(state, 10_000);
    expect(state.active).toBeNull();
    expect(nextNudges(state, long, band, 10_000 + NUDGE_REPEAT_MS - 1).active).toBeNull();
    expect(nextNudges(state, long, band, 10_000 + NUDGE_REPEAT_MS + 1).active?.kind).toBe('monologue');
  });

  it('clears the monologue nudge when the mentee takes the floor', () => {
    const shown = nextNudges(NO_NUDGES, monologue(200, 340), band, 0);
    const replied = talkMetrics(
      {
        mentor: [{ start: 200, end: 340 }],
        mentee: [
          { start: 0, end: 200 },
          { start: 341, end: 350 },
        ],
      },
      350,
    );
    expect(nextNudges(shown, replied, band, 10_000).active).toBeNull();
  });

  it('raises the airtime nudge when the mentor held most of the last five minutes, with many short turns', () => {
    const mentor: TalkSegment[] = [];
    const mentee: TalkSegment[] = [];
    for (let t = 0; t < 300; t += 30) {
      mentor.push({ start: t, end: t + 25 });
      mentee.push({ start: t + 26, end: t + 29 });
    }
    const state = nextNudges(NO_NUDGES, talkMetrics({ mentor, mentee }, 300), band, 0);
    expect(state.active?.kind).toBe('airtime');
  });

  it('does not raise the airtime nudge over a quiet stretch', () => {
    const metrics = talkMetrics({ mentor: [{ start: 0, end: 40 }], mentee: [{ start: 41, end: 45 }] }, 300);
    expect(nextNudges(NO_NUDGES, metrics, band, 0).active).toBeNull();
  });

  it('waits the gap between any two nudges', () => {
    let state = nextNudges(NO_NUDGES, monologue(200, 340), band, 0);
    state = dismissNudge(state, 1_000);
    const mentor: TalkSegment[] = [];
    const mentee: TalkSegment[] = [];
    for (let t = 0; t < 300; t += 30) {
      mentor.push({ start: t, end: t + 25 });
      mentee.push({ start: t + 26, end: t + 29 });
    }
    const airtime = talkMetrics({ mentor, mentee }, 300);
    expect(nextNudges(state, airtime, band, NUDGE_GAP_MS - 1).active).toBeNull();
    expect(nextNudges(state, airtime, band, NUDGE_GAP_MS + 1).active?.kind).toBe('airtime');
    expect(NUDGE_GAP_MS).toBeLessThan(NUDGE_REPEAT_MS);
    expect(NUDGE_REPEAT_MS).toBeGreaterThanOrEqual(5 * MIN);
  });
});
