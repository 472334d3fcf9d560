import { describe, expect, it } from 'vitest';
import { createSegmenter } from '@/utils/talk-time/segmenter';

/** The analyser's settings, in 10 ms frames: pauses to 500 ms, 150 ms onsets, 250 ms codas, 50 ms voiced. */
const OPTIONS = { maxPauseFrames: 50, onsetFrames: 15, offsetFrames: 25, minAnchorFrames: 5 };

type Frame = 'voice' | 'consonant' | 'other-voice' | 'silence';

function segmentsOf(frames: Array<[Frame, number]>) {
  const segmenter = createSegmenter(OPTIONS);
  for (const [kind, count] of frames) {
    for (let i = 0; i < count; i += 1) {
      if (kind === 'voice') segmenter.push(true, true, true);
      else if (kind === 'consonant') segmenter.push(false, true, false);
      else if (kind === 'other-voice') segmenter.push(false, true, true);
      else segmenter.push(false, false, false);
    }
  }
  segmenter.finish();
  return segmenter.segments;
}

describe('talk segments from frame decisions', () => {
  it('ends a word at the release of its final stop, heard after a short closure', () => {
    // "…left": the vowel, 80 ms of closure, a 40 ms release, then silence.
    const segments = segmentsOf([
      ['silence', 10],
      ['voice', 30],
      ['silence', 8],
      ['consonant', 4],
      ['silence', 60],
    ]);
    expect(segments).toEqual([{ start: 10, end: 52 }]);
  });

  it('measures a pause from the end of the last consonant, not from the last voiced frame', () => {
    // Voiced to voiced is 580 ms, but the silence between the sounds is 420 ms: one stretch of talk.
    const segments = segmentsOf([
      ['voice', 30],
      ['consonant', 16],
      ['silence', 42],
      ['voice', 30],
      ['silence', 10],
    ]);
    expect(segments).toEqual([{ start: 0, end: 118 }]);
  });

  it('still splits at a silence longer than the pause limit', () => {
    const segments = segmentsOf([
      ['voice', 30],
      ['consonant', 10],
      ['silence', 55],
      ['voice', 30],
    ]);
    expect(segments).toEqual([
      { start: 0, end: 40 },
      { start: 95, end: 125 },
    ]);
  });

  it("does not stretch a speaker's talk over someone else's voice heard in the pause", () => {
    // Another voice (periodic, not this speaker's) 100 ms after the speaker stops, then silence.
    const segments = segmentsOf([
      ['voice', 30],
      ['silence', 10],
      ['other-voice', 12],
      ['silence', 60],
    ]);
    expect(segments).toEqual([{ start: 0, end: 30 }]);
  });

  it('joins quieter sound straight after the voice, voiced or not, up to the coda limit', () => {
    const segments = segmentsOf([
      ['voice', 30],
      ['other-voice', 40],
      ['silence', 60],
    ]);
    expect(segments).toEqual([{ start: 0, end: 55 }]);
  });
});
