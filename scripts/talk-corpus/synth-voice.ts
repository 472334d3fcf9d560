/**
 * A small seeded formant synthesiser for the room-condition corpus: a glottal buzz (or breath, for
 * a whisper) through three vocal-tract resonances that move from vowel to vowel, with fricative
 * and plosive noise between them, syllables grouped into words and phrases. It is not meant to be
 * intelligible; it has what a voice-activity analyser hears in speech: a pitch that wanders and
 * falls over a phrase, formant structure, syllabic loudness changes at 3–7 Hz, unvoiced consonants
 * and pauses. Used where espeak-ng is not installed, and for voices espeak-ng cannot make
 * (a fundamental of 65–78 Hz, a true whisper).
 */

export const SYNTH_RATE_HZ = 8000;

/** mulberry32: a small seeded generator, so every machine hears the same voices. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

export interface VoiceParams {
  /** Typical fundamental at the start of a phrase, in Hz. */
  f0Hz: number;
  /** Formants scaled by this (about 0.85 for a long vocal tract, 1.15 for a short one). */
  formantScale: number;
  /** Syllables per second. */
  syllablesPerSecond: number;
  /** Breath instead of a buzz: a whisper. */
  whisper?: boolean;
  /** How far the pitch moves over a phrase, as a fraction of f0 (0.15 = lively). */
  intonation?: number;
}

/** First three formants of a few vowels (Hz), for an average adult voice. */
const VOWELS: Array<[number, number, number]> = [
  [730, 1090, 2440],
  [270, 2290, 3010],
  [530, 1840, 2480],
  [660, 1720, 2410],
  [570, 840, 2410],
  [440, 1020, 2240],
  [300, 870, 2240],
  [640, 1190, 2390],
  [490, 1350, 1690],
];

/** Two-pole resonator (a formant) with unity gain at its centre. */
class Resonator {
  private y1 = 0;
  private y2 = 0;
  private a1 = 0;
  private a2 = 0;
  private g = 0;
  set(freqHz: number, bandwidthHz: number): void {
    const r = Math.exp((-Math.PI * bandwidthHz) / SYNTH_RATE_HZ);
    this.a1 = 2 * r * Math.cos((2 * Math.PI * freqHz) / SYNTH_RATE_HZ);
    this.a2 = -r * r;
    this.g = 1 - r;
  }
  step(x: number): number {
    const y = this.g * x + this.a1 * this.y1 + this.a2 * this.y2;
    this.y2 = this.y1;
    this.y1 = y;
    return y;
  }
}

interface Segment {
  kind: 'vowel' | 'fricative' | 'plosive' | 'pause';
  samples: number;
  formants?: [number, number, number];
  /** Centre of a fricative's noise band. */
  noiseHz?: number;
}

/** The plan of one utterance lasting about `seconds`: words of 1–3 syllables, short gaps between them. */
function plan(seconds: number, voice: VoiceParams, random: () => number): Segment[] {
  const segments: Segment[] = [];
  const total = Math.round(seconds * SYNTH_RATE_HZ);
  let used = 0;
  const syllable = 1 / voice.syllablesPerSecond;
  while (used < total) {
    const syllables = 1 + Math.floor(random() * 3);
    for (let s = 0; s < syllables && used < total; s += 1) {
      const onset = random();
      if (onset < 0.35) {
        const n = Math.round(SYNTH_RATE_HZ * syllable * (0.2 + random() * 0.15));
        segments.push({ kind: 'fricative', samples: n, noiseHz: 1800 + random() * 1800 });
        used += n;
      } else if (onset < 0.6) {
        const n = Math.round(SYNTH_RATE_HZ * (0.015 + random() * 0.02));
        segments.push({ kind: 'plosive', samples: n, noiseHz: 1000 + random() * 2500 });
        used += n;
      }
      const vowel = VOWELS[Math.floor(random() * VOWELS.length)] ?? [500, 1500, 2500];
      const n = Math.round(SYNTH_RATE_HZ * syllable * (0.55 + random() * 0.5));
      const scale = voice.formantScale * (0.95 + random() * 0.1);
      segments.push({
        kind: 'vowel',
        samples: n,
        formants: [vowel[0] * scale, vowel[1] * scale, Math.min(3600, vowel[2] * scale)],
      });
      used += n;
    }
    const gap = Math.round(SYNTH_RATE_HZ * (random() < 0.7 ? 0.02 + random() * 0.06 : 0.1 + random() * 0.12));
    segments.push({ kind: 'pause', samples: gap });
    used += gap;
  }
  return segments;
}

/**
 * Synthesises an utterance of about `seconds` (trimmed to its sound), RMS over its active part
 * roughly at -22 dBFS before any gain the caller applies.
 */
export function synthUtterance(seconds: number, voice: VoiceParams, random: () => number): Float32Array {
  const segments = plan(seconds, voice, random);
  const length = segments.reduce((n, s) => n + s.samples, 0);
  const out = new Float32Array(length);
  const f1 = new Resonator();
  const f2 = new Resonator();
  const f3 = new Resonator();
  const noiseBand = new Resonator();
  let phase = 0;
  let at = 0;
  let glottalLow = 0;
  let current: [number, number, number] = segments.find((s) => s.formants)?.formants ?? [500, 1500, 2500];
  const intonation = voice.intonation ?? 0.12;
  const accent = random() * Math.PI * 2;
  for (const segment of segments) {
    const target = segment.formants ?? current;
    const start: [number, number, number] = [...current];
    for (let i = 0; i < segment.samples; i += 1, at += 1) {
      const progress = at / length;
      const within = i / segment.samples;
      // Pitch: declines over the utterance, with a slow accent wave and a little jitter.
      const f0 =
        voice.f0Hz *
        (1 + intonation * (0.6 * Math.sin(2 * Math.PI * 1.3 * (at / SYNTH_RATE_HZ) + accent) - 0.8 * progress)) *
        (1 + 0.01 * gaussian(random));
      // Formants glide over the first 40 ms of a vowel.
      const glide = Math.min(1, i / (0.04 * SYNTH_RATE_HZ));
      if (i % 16 === 0) {
        const f = start.map((v, k) => v + ((target[k] ?? v) - v) * glide) as [number, number, number];
        current = f;
        // A whisper's resonances are broader: the open glottis damps them.
        const widen = voice.whisper ? 3 : 1;
        f1.set(f[0], 80 * widen);
        f2.set(f[1], 110 * widen);
        f3.set(f[2], 160 * widen);
      }
      let x = 0;
      if (segment.kind === 'vowel') {
        const envelope = Math.min(1, within / 0.15, (1 - within) / 0.2);
        let source: number;
        if (voice.whisper) {
          source = gaussian(random) * 0.5;
        } else {
          phase += f0 / SYNTH_RATE_HZ;
          let pulse = 0;
          if (phase >= 1) {
            phase -= 1;
            pulse = 1 + 0.05 * gaussian(random);
          }
          // A glottal pulse train with its spectrum falling ~12 dB per octave, plus a little breath.
          glottalLow = glottalLow * 0.93 + pulse;
          source = glottalLow * 0.35 + gaussian(random) * 0.02;
        }
        x = (f1.step(source) * 1.0 + f2.step(source) * 0.6 + f3.step(source) * 0.35) * envelope * 3;
      } else if (segment.kind === 'fricative' || segment.kind === 'plosive') {
        if (i === 0) noiseBand.set(segment.noiseHz ?? 2500, 900);
        const envelope =
          segment.kind === 'plosive' ? Math.exp(-within * 4) : Math.min(1, within / 0.2, (1 - within) / 0.2);
        x = noiseBand.step(gaussian(random)) * envelope * (segment.kind === 'plosive' ? 0.5 : 0.22);
      }
      out[at] = x;
    }
  }
  // Level: -22 dBFS RMS over the frames within 40 dB of the loudest, like the espeak corpus.
  const frame = SYNTH_RATE_HZ / 100;
  const levels: number[] = [];
  for (let f = 0; f + frame <= out.length; f += frame) {
    let sum = 0;
    for (let i = f; i < f + frame; i += 1) sum += (out[i] ?? 0) ** 2;
    levels.push(sum / frame);
  }
  const peak = Math.max(...levels);
  const active = levels.filter((p) => p > peak * 1e-4);
  const rms = Math.sqrt(active.reduce((s, p) => s + p, 0) / Math.max(1, active.length));
  const gain = 10 ** (-22 / 20) / Math.max(rms, 1e-9);
  return out.map((v) => v * gain);
}
