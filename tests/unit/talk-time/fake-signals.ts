/** Synthetic signals for the talk-time tests: seeded, so every run hears the same thing. */
export const RATE_HZ = 16000;

export function fakeRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function fakeSilence(seconds: number): Float32Array {
  return new Float32Array(Math.round(seconds * RATE_HZ));
}

/** White noise at an RMS level in dBFS. */
export function fakeNoise(seconds: number, dbfs: number, seed = 1): Float32Array {
  const random = fakeRandom(seed);
  const amplitude = 10 ** (dbfs / 20) * Math.sqrt(3);
  return Float32Array.from({ length: Math.round(seconds * RATE_HZ) }, () => (random() * 2 - 1) * amplitude);
}

/**
 * Something voice-like: a 130 Hz buzz with falling harmonics, its loudness rising and falling
 * four times a second like syllables, peaking near `dbfs`. Between "words" it never quite stops.
 */
export function fakeVoice(seconds: number, dbfs: number, pitchHz = 130): Float32Array {
  const amplitude = 10 ** (dbfs / 20);
  return Float32Array.from({ length: Math.round(seconds * RATE_HZ) }, (_, i) => {
    const t = i / RATE_HZ;
    let buzz = 0;
    for (let h = 1; h <= 12; h += 1) buzz += Math.sin(2 * Math.PI * pitchHz * h * t) / h;
    const syllables = 0.55 + 0.45 * Math.sin(2 * Math.PI * 4 * t);
    return amplitude * 0.6 * buzz * syllables;
  });
}

/** Key clicks: sharp decaying bursts of noise, `perSecond` of them, peaking near full scale/3. */
export function fakeClicks(seconds: number, perSecond: number, seed = 2): Float32Array {
  const random = fakeRandom(seed);
  const out = new Float32Array(Math.round(seconds * RATE_HZ));
  const step = Math.round(RATE_HZ / perSecond);
  for (let at = step / 2; at < out.length; at += step) {
    for (let i = 0; i < 0.012 * RATE_HZ && at + i < out.length; i += 1) {
      out[at + i] = (random() * 2 - 1) * 0.35 * Math.exp(-i / (0.0018 * RATE_HZ));
    }
  }
  return out;
}

export function concat(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Sample-wise sum; the result is as long as the longest input. */
export function mix(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(Math.max(...parts.map((p) => p.length)));
  for (const part of parts) part.forEach((v, i) => (out[i] = (out[i] ?? 0) + v));
  return out;
}

/** The signal as heard later and quieter: `delayMs` late, `gainDb` down. */
export function delayed(signal: Float32Array, delayMs: number, gainDb: number): Float32Array {
  const shift = Math.round((delayMs / 1000) * RATE_HZ);
  const gain = 10 ** (gainDb / 20);
  const out = new Float32Array(signal.length);
  for (let i = shift; i < out.length; i += 1) out[i] = (signal[i - shift] ?? 0) * gain;
  return out;
}
