import { describe, expect, it } from 'vitest';
import { speechTimestamps } from '../../../scripts/bench/speech-timestamps';

const FRAME = 0.032;
/** Probabilities for `seconds` of audio: high inside the given spans, low elsewhere. */
function probs(seconds: number, spans: Array<[number, number]>, high = 0.9, low = 0.05): number[] {
  return Array.from({ length: Math.round(seconds / FRAME) }, (_, i) =>
    spans.some(([a, b]) => i * FRAME >= a && i * FRAME < b) ? high : low,
  );
}
/** Segments as [start, end], each within a frame and the padding of the spans expected. */
function expectSpans(segments: { start: number; end: number }[], spans: Array<[number, number]>) {
  expect(segments).toHaveLength(spans.length);
  segments.forEach((s, i) => {
    expect(Math.abs(s.start - (spans[i]?.[0] ?? NaN))).toBeLessThanOrEqual(FRAME + 0.03);
    expect(Math.abs(s.end - (spans[i]?.[1] ?? NaN))).toBeLessThanOrEqual(FRAME + 0.03);
  });
}

describe('Silero-style speech timestamps', () => {
  it('finds each stretch of speech, padded a little', () => {
    expectSpans(
      speechTimestamps(
        probs(6, [
          [1, 2],
          [3, 5],
        ]),
        FRAME,
      ),
      [
        [1, 2],
        [3, 5],
      ],
    );
  });

  it('bridges a dip shorter than the minimum silence, and ends on a longer one', () => {
    const p = probs(4, [[0.5, 3]]);
    p[40] = 0.1; // one 32 ms frame below the off threshold at 1.28 s
    expect(speechTimestamps(p, FRAME)).toHaveLength(1);
    expect(
      speechTimestamps(
        probs(4, [
          [0.5, 1.2],
          [1.5, 3],
        ]),
        FRAME,
      ),
    ).toHaveLength(2);
  });

  it('keeps speaking while the probability sits between the off and on thresholds', () => {
    const p = probs(3, [[0.5, 1]]).map((x, i) => (i * FRAME >= 1 && i * FRAME < 2 ? 0.4 : x));
    expectSpans(speechTimestamps(p, FRAME), [[0.5, 2]]);
  });

  it('drops blips shorter than the minimum speech, and runs to the end when speech does', () => {
    expect(speechTimestamps(probs(3, [[1, 1.1]]), FRAME)).toEqual([]);
    expectSpans(speechTimestamps(probs(3, [[2, 3]]), FRAME), [[2, 3]]);
  });
});
