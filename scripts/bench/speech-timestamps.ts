import type { TalkSegment } from '../../utils/talk-time/types';

/**
 * How Silero's own speech-timestamp helper turns per-frame speech probabilities into segments
 * (the defaults of silero-vad's get_speech_timestamps): speech starts when a frame reaches
 * `threshold`, ends after `minSilenceSeconds` below `threshold - 0.15`; segments shorter than
 * `minSpeechSeconds` are dropped and the rest padded by `padSeconds` on each side.
 */
export interface SpeechTimestampOptions {
  threshold: number;
  minSilenceSeconds: number;
  minSpeechSeconds: number;
  padSeconds: number;
}

export const SILERO_TIMESTAMP_DEFAULTS: SpeechTimestampOptions = {
  threshold: 0.5,
  minSilenceSeconds: 0.1,
  minSpeechSeconds: 0.25,
  padSeconds: 0.03,
};

export function speechTimestamps(
  probabilities: ArrayLike<number>,
  frameSeconds: number,
  options: SpeechTimestampOptions = SILERO_TIMESTAMP_DEFAULTS,
): TalkSegment[] {
  const off = options.threshold - 0.15;
  const duration = probabilities.length * frameSeconds;
  const raw: TalkSegment[] = [];
  let start: number | null = null;
  let quietSince: number | null = null;
  for (let i = 0; i < probabilities.length; i += 1) {
    const p = probabilities[i] ?? 0;
    const at = i * frameSeconds;
    if (start === null) {
      if (p >= options.threshold) start = at;
      continue;
    }
    if (p >= options.threshold) quietSince = null;
    else if (p < off) {
      quietSince ??= at;
      if (at + frameSeconds - quietSince >= options.minSilenceSeconds) {
        raw.push({ start, end: quietSince });
        start = null;
        quietSince = null;
      }
    }
  }
  if (start !== null) raw.push({ start, end: duration });
  return raw
    .filter((s) => s.end - s.start >= options.minSpeechSeconds)
    .map((s) => ({
      start: Math.max(0, s.start - options.padSeconds),
      end: Math.min(duration, s.end + options.padSeconds),
    }));
}
