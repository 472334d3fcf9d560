/**
 * The room-condition scenarios of issue 15, built in memory from the seeded synthesiser: open-plan
 * chatter at -10..-35 dB under the mentor, a TV talk show in the mentor's room, music in the call
 * tab, a very deep voice, a whispering and a very quiet mentor, automatic gain on the mic, rapid
 * short turns, and a 30-minute session. Truth comes from the clean mentor and mentee tracks before
 * any mixing, measured the way scripts/make-talk-corpus.ts measures the espeak corpus.
 * Same seed, same samples, on every machine: the unit tests build them too.
 */
import { readFileSync } from 'node:fs';
import type { SpeakerSegments } from '../../utils/talk-time/types';
import { readWav } from '../../utils/talk-time/wav';
import { createRandom, gaussian, synthUtterance, SYNTH_RATE_HZ, type VoiceParams } from './synth-voice';

export const ROOM_RATE_HZ = SYNTH_RATE_HZ;
const FRAME = ROOM_RATE_HZ / 100;
const TRUTH_ACTIVE_BELOW_PEAK_DB = 40;
const TRUTH_PAUSE_FILL_MS = 500;
const TAIL_SECONDS = 1;

export interface RoomScenario {
  name: string;
  description: string;
  sampleRate: number;
  mic: Float32Array;
  tab: Float32Array;
  truth: SpeakerSegments;
  durationSeconds: number;
}

type Who = 'mentor' | 'mentee';
export interface Turn {
  who: Who;
  /** Length of speech, in seconds (the utterance is cut to its sound, so a little shorter). */
  seconds: number;
  /** Seconds after the previous turn ends (negative: overlap). */
  gap?: number;
}

export const VOICES = {
  mentor: { f0Hz: 120, formantScale: 0.95, syllablesPerSecond: 4.5 },
  mentorAlt: { f0Hz: 105, formantScale: 0.9, syllablesPerSecond: 5.2, intonation: 0.18 },
  mentee: { f0Hz: 205, formantScale: 1.12, syllablesPerSecond: 5 },
  menteeAlt: { f0Hz: 140, formantScale: 1.0, syllablesPerSecond: 4.2 },
  deep: { f0Hz: 76, formantScale: 0.86, syllablesPerSecond: 4, intonation: 0.08 },
  whisper: { f0Hz: 0, formantScale: 1.0, syllablesPerSecond: 4.5, whisper: true },
} satisfies Record<string, VoiceParams>;

/**
 * A recorded voice: the clips of one speaker in tests/fixtures/voices/ (espeak-ng in several
 * languages, or the alsa-utils prompts), made by scripts/talk-corpus/make-voice-clips.ts.
 */
export interface ClipVoice {
  /** The `voice` field of clips.json: `de-m2`, `cmn-f3`, `en-deep`, `alsa`… */
  clips: string;
}

export type Speaker = VoiceParams | ClipVoice;

const CLIPS_DIR = new URL('../../tests/fixtures/voices/', import.meta.url);
const loadedClips = new Map<string, Float32Array[]>();

/** The clips of one voice at the corpus rate, each set to -22 dBFS over its active part. */
export function voiceClips(voice: string): Float32Array[] {
  const cached = loadedClips.get(voice);
  if (cached) return cached;
  const index = JSON.parse(readFileSync(new URL('clips.json', CLIPS_DIR), 'utf8')) as Array<{
    file: string;
    voice: string;
  }>;
  const clips = index
    .filter((c) => c.voice === voice)
    .map((c) => {
      const wav = readWav(readFileSync(new URL(c.file, CLIPS_DIR)));
      if (wav.sampleRate !== ROOM_RATE_HZ) throw new Error(`${c.file}: ${wav.sampleRate} Hz, expected ${ROOM_RATE_HZ}`);
      return setLevel(wav.samples, -22);
    });
  if (clips.length === 0) throw new Error(`No clips for voice ${voice} in tests/fixtures/voices/clips.json`);
  loadedClips.set(voice, clips);
  return clips;
}

/** Shorter turns than this are cut from inside one clip (a "yes", a quick reply). */
const CUT_BELOW_SECONDS = 1.2;
const CUT_FADE_SAMPLES = Math.round(0.02 * ROOM_RATE_HZ);

/**
 * About `seconds` of one recorded voice: whole clips one after another with short breaths between
 * them (under the 500 ms that ends a turn), or for a short turn a piece of one clip.
 */
function clipUtterance(seconds: number, voice: ClipVoice, random: () => number): Float32Array {
  const clips = voiceClips(voice.clips);
  let next = Math.floor(random() * clips.length);
  const take = () => clips[next++ % clips.length] as Float32Array;
  const wanted = Math.round(seconds * ROOM_RATE_HZ);
  if (seconds < CUT_BELOW_SECONDS) {
    const clip = take();
    const length = Math.min(wanted, clip.length);
    const from = Math.floor(random() * (clip.length - length));
    return clip
      .slice(from, from + length)
      .map((v, i) => v * Math.min(1, i / CUT_FADE_SAMPLES, (length - 1 - i) / CUT_FADE_SAMPLES));
  }
  const parts: Float32Array[] = [];
  let total = 0;
  while (total < wanted * 0.85) {
    const clip = take();
    if (parts.length > 0 && total + clip.length > wanted * 1.3) break;
    if (parts.length > 0) {
      const breath = new Float32Array(Math.round((0.12 + random() * 0.18) * ROOM_RATE_HZ));
      parts.push(breath);
      total += breath.length;
    }
    // Each sentence a little louder or softer, as people speak.
    const gain = fromDb(-2 + random() * 4);
    parts.push(clip.map((v) => v * gain));
    total += clip.length;
  }
  const out = new Float32Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function utterance(seconds: number, speaker: Speaker, random: () => number): Float32Array {
  return 'clips' in speaker ? clipUtterance(seconds, speaker, random) : synthUtterance(seconds, speaker, random);
}

/** A mentoring exchange of about a minute, with one mentor monologue of about 18 s. */
export const STANDARD_TURNS: Turn[] = [
  { who: 'mentee', seconds: 4, gap: 0.6 },
  { who: 'mentor', seconds: 3, gap: 0.8 },
  { who: 'mentee', seconds: 6.5, gap: 0.7 },
  { who: 'mentor', seconds: 6, gap: 0.9 },
  { who: 'mentor', seconds: 5.5, gap: 0.35 },
  { who: 'mentor', seconds: 6, gap: 0.4 },
  { who: 'mentee', seconds: 5, gap: 1.0 },
  { who: 'mentor', seconds: 2.5, gap: 0.7 },
  { who: 'mentee', seconds: 7, gap: 0.9 },
  { who: 'mentor', seconds: 4, gap: 0.8 },
  { who: 'mentee', seconds: 3, gap: 0.8 },
];

/** 22 alternating short turns of 0.35–1.5 s with 0.1–0.25 s gaps, then an 8 s mentor stretch. */
const RAPID_TURNS: Turn[] = [
  ...Array.from({ length: 22 }, (_, i): Turn =>
    i % 2
      ? { who: 'mentee', seconds: 0.35 + ((i * 7) % 4) * 0.08, gap: 0.1 + ((i * 3) % 4) * 0.05 }
      : { who: 'mentor', seconds: 0.7 + ((i * 5) % 4) * 0.25, gap: 0.1 + ((i * 3) % 4) * 0.05 },
  ),
  { who: 'mentor', seconds: 8, gap: 0.6 },
  { who: 'mentee', seconds: 3, gap: 0.8 },
];

const fromDb = (db: number) => 10 ** (db / 20);

interface Placed {
  who: Who;
  start: number;
  samples: Float32Array;
}

function place(turns: Turn[], voices: Record<Who, Speaker>, random: () => number, lead = 0.5): Placed[] {
  const placed: Placed[] = [];
  let end = Math.round(lead * ROOM_RATE_HZ);
  for (const turn of turns) {
    const samples = utterance(turn.seconds, voices[turn.who], random);
    const start = Math.max(0, end + Math.round((turn.gap ?? 0.6) * ROOM_RATE_HZ));
    placed.push({ who: turn.who, start, samples });
    end = start + samples.length;
  }
  return placed;
}

function track(placed: Placed[], who: Who, length: number): Float32Array {
  const out = new Float32Array(length);
  for (const p of placed) {
    if (p.who !== who) continue;
    for (let i = 0; i < p.samples.length && p.start + i < length; i += 1)
      out[p.start + i] = (out[p.start + i] ?? 0) + (p.samples[i] ?? 0);
  }
  return out;
}

function frameDb(samples: Float32Array, frame: number): number {
  let sum = 0;
  for (let i = frame * FRAME; i < (frame + 1) * FRAME; i += 1) sum += (samples[i] ?? 0) ** 2;
  return 10 * Math.log10(sum / FRAME + 1e-12);
}

/** Speaking spans of one clean voice: frames within 40 dB of each utterance's loudest, pauses under 500 ms filled. */
export function truthSegments(placed: Placed[], who: Who, length: number): Array<{ start: number; end: number }> {
  const frames = Math.ceil(length / FRAME);
  const active = new Uint8Array(frames);
  for (const p of placed) {
    if (p.who !== who) continue;
    const count = Math.floor(p.samples.length / FRAME);
    const levels = Array.from({ length: count }, (_, f) => frameDb(p.samples, f));
    const peak = Math.max(...levels);
    const offset = Math.floor(p.start / FRAME);
    levels.forEach((db, f) => {
      if (db > peak - TRUTH_ACTIVE_BELOW_PEAK_DB) active[offset + f] = 1;
    });
  }
  const segments: Array<{ start: number; end: number }> = [];
  const fill = TRUTH_PAUSE_FILL_MS / 10;
  for (let f = 0; f < frames; f += 1) {
    if (!active[f]) continue;
    const last = segments[segments.length - 1];
    if (last && f - last.end < fill) last.end = f + 1;
    else segments.push({ start: f, end: f + 1 });
  }
  return segments.map((s) => ({ start: s.start / 100, end: s.end / 100 }));
}

// ---- Room acoustics and devices -------------------------------------------------------------

export function lowpass(samples: Float32Array, cutoffHz: number): Float32Array {
  const a = Math.exp((-2 * Math.PI * cutoffHz) / ROOM_RATE_HZ);
  let y = 0;
  return samples.map((x) => (y = (1 - a) * x + a * y));
}

export function highpass(samples: Float32Array, cutoffHz: number): Float32Array {
  const low = lowpass(samples, cutoffHz);
  return samples.map((x, i) => x - (low[i] ?? 0));
}

/** A room's reverberation: four feedback combs and two all-passes (Schroeder), wet mixed over dry. */
export function reverb(samples: Float32Array, rt60Seconds: number, wet: number): Float32Array {
  const combs = [29.7, 37.1, 41.1, 43.7].map((ms) => Math.round((ms / 1000) * ROOM_RATE_HZ));
  const out = new Float32Array(samples.length);
  for (const delay of combs) {
    const g = 10 ** ((-3 * delay) / (rt60Seconds * ROOM_RATE_HZ));
    const buffer = new Float32Array(delay);
    let damp = 0;
    for (let i = 0; i < samples.length; i += 1) {
      const y = buffer[i % delay] ?? 0;
      damp = damp * 0.3 + y * 0.7;
      buffer[i % delay] = (samples[i] ?? 0) + damp * g;
      out[i] = (out[i] ?? 0) + y / combs.length;
    }
  }
  let wetSignal = out;
  for (const [ms, g] of [
    [5, 0.7],
    [1.7, 0.7],
  ] as Array<[number, number]>) {
    const delay = Math.max(1, Math.round((ms / 1000) * ROOM_RATE_HZ));
    const buffer = new Float32Array(delay);
    const next = new Float32Array(wetSignal.length);
    for (let i = 0; i < wetSignal.length; i += 1) {
      const delayed = buffer[i % delay] ?? 0;
      const x = wetSignal[i] ?? 0;
      const v = x + g * delayed;
      next[i] = delayed - g * v;
      buffer[i % delay] = v;
    }
    wetSignal = next;
  }
  return samples.map((x, i) => x * (1 - wet) + (wetSignal[i] ?? 0) * wet * 2.5);
}

function rmsActiveDb(samples: Float32Array): number {
  const frames = Math.floor(samples.length / FRAME);
  const powers = Array.from({ length: frames }, (_, f) => 10 ** (frameDb(samples, f) / 10));
  const peak = powers.reduce((m, p) => Math.max(m, p), 0);
  const active = powers.filter((p) => p > peak * 1e-4);
  return 10 * Math.log10(active.reduce((s, p) => s + p, 0) / Math.max(1, active.length) + 1e-12);
}

function setLevel(samples: Float32Array, dbfs: number): Float32Array {
  const gain = fromDb(dbfs - rmsActiveDb(samples));
  return samples.map((v) => v * gain);
}

function addInto(out: Float32Array, part: Float32Array, gain = 1, offset = 0): void {
  for (let i = 0; i < part.length && i + offset < out.length; i += 1)
    out[i + offset] = (out[i + offset] ?? 0) + (part[i] ?? 0) * gain;
}

function addNoise(out: Float32Array, dbfs: number, random: () => number): void {
  const amplitude = fromDb(dbfs);
  for (let i = 0; i < out.length; i += 1) out[i] = (out[i] ?? 0) + gaussian(random) * amplitude;
}

/** Voices talking on and off, each with its own gaps, across `length` samples. */
function voicesTalking(
  length: number,
  voices: Speaker[],
  random: () => number,
  gapSeconds: [number, number],
): Float32Array {
  const out = new Float32Array(length);
  for (const voice of voices) {
    let at = Math.round(random() * 2 * ROOM_RATE_HZ);
    while (at < length) {
      const said = utterance(1.5 + random() * 4, voice, random);
      addInto(out, said, fromDb(-3 + random() * 6), at);
      at += said.length + Math.round((gapSeconds[0] + random() * (gapSeconds[1] - gapSeconds[0])) * ROOM_RATE_HZ);
    }
  }
  return out;
}

/** Colleagues a few metres away in an open-plan office: several voices, dull and reverberant. */
export function officeChatter(
  length: number,
  random: () => number,
  voices: Speaker[] = [
    { f0Hz: 115, formantScale: 0.95, syllablesPerSecond: 4.8 },
    { f0Hz: 195, formantScale: 1.1, syllablesPerSecond: 5.3 },
    { f0Hz: 140, formantScale: 1.0, syllablesPerSecond: 4.2 },
  ],
): Float32Array {
  const dry = voicesTalking(length, voices, random, [0.2, 1.5]);
  return reverb(lowpass(dry, 2800), 0.6, 0.4);
}

/** A TV or radio talk show across the room: two hosts, a small speaker, the room's reverberation, some laughter. */
export function talkShow(length: number, random: () => number): Float32Array {
  const hosts: VoiceParams[] = [
    { f0Hz: 110, formantScale: 0.93, syllablesPerSecond: 5.5, intonation: 0.2 },
    { f0Hz: 215, formantScale: 1.12, syllablesPerSecond: 5.8, intonation: 0.2 },
  ];
  const out = new Float32Array(length);
  let at = Math.round(0.3 * ROOM_RATE_HZ);
  let host = 0;
  while (at < length) {
    const utterance = synthUtterance(2 + random() * 5, hosts[host % 2] as VoiceParams, random);
    addInto(out, utterance, 1, at);
    at += utterance.length + Math.round((0.15 + random() * 0.5) * ROOM_RATE_HZ);
    host += 1;
    if (random() < 0.15) {
      // Studio laughter: a second of shaped noise.
      const laugh = Float32Array.from(
        { length: ROOM_RATE_HZ },
        (_, i) =>
          gaussian(random) *
          0.05 *
          Math.sin((Math.PI * i) / ROOM_RATE_HZ) *
          (0.6 + 0.4 * Math.sin((2 * Math.PI * 6 * i) / ROOM_RATE_HZ)),
      );
      addInto(out, lowpass(laugh, 3000), 1, at);
      at += ROOM_RATE_HZ;
    }
  }
  return reverb(highpass(lowpass(out, 3500), 180), 0.5, 0.45);
}

const noteHz = (midi: number) => 440 * 2 ** ((midi - 69) / 12);

/** Background music: chords, a bass line, a melody and a beat, about `seconds` long. */
export function music(seconds: number, random: () => number): Float32Array {
  const length = Math.round(seconds * ROOM_RATE_HZ);
  const out = new Float32Array(length);
  const progression = [
    [57, 60, 64],
    [53, 57, 60],
    [48, 52, 55],
    [55, 59, 62],
  ];
  const tone = (hz: number, from: number, samples: number, gain: number, harmonics: number) => {
    for (let i = 0; i < samples && from + i < length; i += 1) {
      const t = i / ROOM_RATE_HZ;
      const env = Math.min(1, t / 0.02) * Math.exp(-t * 1.2);
      let v = 0;
      for (let h = 1; h <= harmonics && hz * h < ROOM_RATE_HZ / 2; h += 1) v += Math.sin(2 * Math.PI * hz * h * t) / h;
      out[from + i] = (out[from + i] ?? 0) + v * env * gain;
    }
  };
  const bar = Math.round(2 * ROOM_RATE_HZ);
  for (let b = 0; b * bar < length; b += 1) {
    const chord = progression[b % progression.length] ?? [60, 64, 67];
    for (const note of chord) tone(noteHz(note), b * bar, bar, 0.12, 6);
    tone(noteHz((chord[0] ?? 48) - 12), b * bar, bar / 2, 0.2, 4);
    tone(noteHz((chord[0] ?? 48) - 12), b * bar + bar / 2, bar / 2, 0.2, 4);
    for (let q = 0; q < 8; q += 1) {
      const at = b * bar + (q * bar) / 8;
      const pitch = (chord[Math.floor(random() * 3)] ?? 60) + 12;
      if (random() < 0.8) tone(noteHz(pitch), at, bar / 4, 0.1, 3);
      // Kick on the beat, hi-hat off it.
      const hit = Math.round(0.08 * ROOM_RATE_HZ);
      for (let i = 0; i < hit && at + i < length; i += 1) {
        const t = i / ROOM_RATE_HZ;
        out[at + i] =
          (out[at + i] ?? 0) +
          (q % 2 === 0
            ? Math.sin(2 * Math.PI * 60 * t) * Math.exp(-t * 30) * 0.4
            : gaussian(random) * Math.exp(-t * 80) * 0.05);
      }
    }
  }
  return out;
}

/** The laptop's speakers playing the call into the mic: thin, late, with echoes. */
export function speakerLeak(tab: Float32Array, gainDb: number, delayMs: number): Float32Array {
  const thin = lowpass(highpass(highpass(tab, 350), 350), 3500);
  const out = new Float32Array(tab.length);
  const delay = Math.round((delayMs / 1000) * ROOM_RATE_HZ);
  const echoes: Array<[number, number]> = [
    [0, 1],
    [9, 0.45],
    [23, 0.3],
    [41, 0.2],
    [67, 0.12],
    [97, 0.07],
  ];
  for (const [ms, g] of echoes) addInto(out, thin, g * fromDb(gainDb), delay + Math.round((ms / 1000) * ROOM_RATE_HZ));
  return out;
}

/**
 * Automatic gain control as an OS or headset applies it: the gain chases a target level, quickly
 * down when the input gets loud, slowly up in quiet (so the room's noise swells in the pauses).
 */
export function automaticGain(samples: Float32Array, targetDbfs: number, maxGainDb: number): Float32Array {
  const attack = Math.exp(-1 / (0.05 * ROOM_RATE_HZ));
  const release = Math.exp(-1 / (1.5 * ROOM_RATE_HZ));
  let envelope = 1e-4;
  let gainDb = 0;
  const gainStep = 1 / (0.4 * ROOM_RATE_HZ);
  return samples.map((x) => {
    const level = Math.abs(x);
    envelope = level > envelope ? attack * envelope + (1 - attack) * level : release * envelope + (1 - release) * level;
    const wanted = Math.max(-12, Math.min(maxGainDb, targetDbfs - 20 * Math.log10(envelope * 1.41 + 1e-9)));
    gainDb += (wanted - gainDb) * (wanted < gainDb ? gainStep * 8 : gainStep);
    return x * fromDb(gainDb);
  });
}

// ---- Scenarios -----------------------------------------------------------------------------

interface Build {
  name: string;
  description: string;
  seed: number;
  turns?: Turn[];
  voices?: Partial<Record<Who, Speaker>>;
  mentorGainDb?: number;
  micNoiseDbfs?: number;
  tabNoiseDbfs?: number;
  /** Adds the room or the devices, given the clean tracks. */
  room?: (parts: {
    mic: Float32Array;
    tab: Float32Array;
    mentor: Float32Array;
    length: number;
    random: () => number;
  }) => Float32Array | void;
}

function build(spec: Build): RoomScenario {
  const random = createRandom(spec.seed);
  const voices: Record<Who, Speaker> = { mentor: VOICES.mentor, mentee: VOICES.mentee, ...spec.voices };
  const placed = place(spec.turns ?? STANDARD_TURNS, voices, random);
  const end = Math.max(...placed.map((p) => p.start + p.samples.length));
  const length = end + TAIL_SECONDS * ROOM_RATE_HZ;
  const mentor = track(placed, 'mentor', length);
  const mentee = track(placed, 'mentee', length);
  const tab = mentee.slice();
  addNoise(tab, spec.tabNoiseDbfs ?? -72, random);
  const gain = fromDb(spec.mentorGainDb ?? 0);
  let mic: Float32Array = mentor.map((v) => v * gain);
  const changed = spec.room?.({ mic, tab, mentor, length, random });
  addNoise(mic, spec.micNoiseDbfs ?? -66, random);
  if (changed) mic = changed;
  return {
    name: spec.name,
    description: spec.description,
    sampleRate: ROOM_RATE_HZ,
    mic,
    tab,
    truth: { mentor: truthSegments(placed, 'mentor', length), mentee: truthSegments(placed, 'mentee', length) },
    durationSeconds: length / ROOM_RATE_HZ,
  };
}

/**
 * Music in the call tab: a shared video's soundtrack as loud as the voices while the mentor talks
 * over it, `underMenteeDb` under the mentee's turn that follows it, 12 dB under the rest; quiet
 * speakers leak it into the mic. Exported to probe the analyser at other levels.
 */
export function tabMusic(underMenteeDb: number, seed = 1520): RoomScenario {
  return build({
    name: 'tab-music',
    description: `Music in the call tab: a shared video's soundtrack as loud as the voices while the mentor talks over it, then ${-underMenteeDb} and 12 dB under the mentee; quiet speakers leak it into the mic.`,
    seed,
    room: ({ mic, tab, length, random }) => {
      const song = setLevel(music(length / ROOM_RATE_HZ, random), -24);
      const span = (from: number, to: number, db: number) => {
        for (let i = Math.round(from * ROOM_RATE_HZ); i < Math.min(length, Math.round(to * ROOM_RATE_HZ)); i += 1)
          tab[i] = (tab[i] ?? 0) + (song[i] ?? 0) * fromDb(db);
      };
      span(17, 36.5, 0);
      span(36.5, 43, underMenteeDb);
      span(43, length / ROOM_RATE_HZ, -12);
      addInto(mic, speakerLeak(tab, -25, 40));
    },
  });
}

// ---- Recorded voices in several languages (tests/fixtures/voices/) ---------------------------

const clipVoice = (clips: string): ClipVoice => ({ clips });

/** Colleagues talking in languages other than the mentor's, a few metres away. */
const FOREIGN_COLLEAGUES = ['de-m2', 'es-f1', 'cmn-m3', 'ar-f1'].map(clipVoice);

/**
 * The standard exchange spoken by espeak-ng voices in eight languages (male and female, pitches
 * from 64 to 235 Hz) and by the real recorded voice of the alsa-utils prompts, over the usual
 * devices; and open-plan chatter made of other-language clips at -10, -20 and -35 dB.
 */
const VOICE_SCENARIOS: Record<string, () => RoomScenario> = {
  ...Object.fromEntries(
    [-10, -20, -35].map((db, i) => [
      `chatter-languages${db}`,
      () =>
        build({
          name: `chatter-languages${db}`,
          description: `An English mentor and mentee (espeak-ng) with four colleagues talking German, Spanish, Mandarin and Arabic a few metres away, ${-db} dB under the mentor on the mic, dull and reverberant.`,
          seed: 1600 + i,
          voices: { mentor: clipVoice('en-m3'), mentee: clipVoice('en-f3') },
          room: ({ mic, length, random }) =>
            addInto(mic, setLevel(officeChatter(length, random, FOREIGN_COLLEAGUES), -22 + db)),
        }),
    ]),
  ),
  'voices-german': () =>
    build({
      name: 'voices-german',
      description:
        'German: a male mentor (espeak-ng de+m2) and a female mentee (de+f2), laptop speakers leaking her 25 dB down.',
      seed: 1610,
      voices: { mentor: clipVoice('de-m2'), mentee: clipVoice('de-f2') },
      room: ({ mic, tab }) => addInto(mic, speakerLeak(tab, -25, 40)),
    }),
  'voices-french-spanish': () =>
    build({
      name: 'voices-french-spanish',
      description: 'A French-speaking female mentor (fr+f4) and a Spanish-speaking male mentee (es+m1), on a headset.',
      seed: 1611,
      voices: { mentor: clipVoice('fr-f4'), mentee: clipVoice('es-m1') },
    }),
  'voices-mandarin': () =>
    build({
      name: 'voices-mandarin',
      description:
        'Mandarin (tonal): a female mentor (cmn+f3) and a male mentee (cmn+m3), speakers leaking him 18 dB down.',
      seed: 1612,
      voices: { mentor: clipVoice('cmn-f3'), mentee: clipVoice('cmn-m3') },
      room: ({ mic, tab }) => addInto(mic, speakerLeak(tab, -18, 45)),
    }),
  'voices-hindi-arabic': () =>
    build({
      name: 'voices-hindi-arabic',
      description:
        'A Hindi-speaking male mentor (hi+m2) and an Arabic-speaking female mentee (ar+f1), a laptop fan 30 dB under the mentor.',
      seed: 1613,
      voices: { mentor: clipVoice('hi-m2'), mentee: clipVoice('ar-f1') },
      room: ({ mic, length, random }) => {
        const fan = lowpass(
          lowpass(
            Float32Array.from({ length }, () => gaussian(random)),
            500,
          ),
          900,
        );
        addInto(mic, setLevel(fan, -52));
      },
    }),
  'voices-arabic-hindi-women': () =>
    build({
      name: 'voices-arabic-hindi-women',
      description:
        'Two women: an Arabic-speaking mentor (ar+f1) and a Hindi-speaking mentee (hi+f5), speakers leaking the mentee 22 dB down.',
      seed: 1614,
      voices: { mentor: clipVoice('ar-f1'), mentee: clipVoice('hi-f5') },
      room: ({ mic, tab }) => addInto(mic, speakerLeak(tab, -22, 35)),
    }),
  'voices-japanese': () =>
    build({
      name: 'voices-japanese',
      description:
        'Japanese: a low male mentor (ja+m6, about 80 Hz) and a female mentee (ja+f2), speakers leaking her 20 dB down.',
      seed: 1615,
      voices: { mentor: clipVoice('ja-m6'), mentee: clipVoice('ja-f2') },
      room: ({ mic, tab }) => addInto(mic, speakerLeak(tab, -20, 50)),
    }),
  'voices-deep-espeak': () =>
    build({
      name: 'voices-deep-espeak',
      description:
        'A very deep English voice from espeak-ng (en-gb+m1 at pitch 0: 64–68 Hz) as the mentor, speakers leaking the mentee 20 dB down.',
      seed: 1616,
      voices: { mentor: clipVoice('en-deep'), mentee: clipVoice('en-f3') },
      room: ({ mic, tab }) => addInto(mic, speakerLeak(tab, -20, 50)),
    }),
  'voices-recorded-mentor': () =>
    build({
      name: 'voices-recorded-mentor',
      description:
        'A real recorded voice (the alsa-utils prompts) as the mentor and an espeak-ng mentee (en-gb+m3), speakers leaking the mentee 22 dB down.',
      seed: 1617,
      voices: { mentor: clipVoice('alsa'), mentee: clipVoice('en-m3') },
      room: ({ mic, tab }) => addInto(mic, speakerLeak(tab, -22, 40)),
    }),
  'voices-recorded-mentee': () =>
    build({
      name: 'voices-recorded-mentee',
      description:
        'The real recorded voice (alsa-utils prompts) as the mentee on the call, a German male mentor (de+m2) on a headset, a noisy line.',
      seed: 1618,
      voices: { mentor: clipVoice('de-m2'), mentee: clipVoice('alsa') },
      tabNoiseDbfs: -55,
    }),
  'voices-rapid-spanish': () =>
    build({
      name: 'voices-rapid-spanish',
      description:
        'Rapid short turns in Spanish (es+f1 mentor, es+m1 mentee), pieces of sentences of 0.35–1.5 s, then the mentor talks for 8 s.',
      seed: 1619,
      voices: { mentor: clipVoice('es-f1'), mentee: clipVoice('es-m1') },
      turns: RAPID_TURNS,
    }),
};

export const ROOM_SCENARIOS: Record<string, () => RoomScenario> = {
  ...Object.fromEntries(
    [-10, -20, -35].map((db, i) => [
      `office-chatter${db}`,
      () =>
        build({
          name: `office-chatter${db}`,
          description: `Open-plan office: three colleagues talking on and off a few metres away, ${-db} dB under the mentor on the mic, dull and reverberant.`,
          seed: 1500 + i,
          room: ({ mic, length, random }) => addInto(mic, setLevel(officeChatter(length, random), -22 + db)),
        }),
    ]),
  ),
  'tv-talk-show': () =>
    build({
      name: 'tv-talk-show',
      description:
        "A TV talk show in the mentor's room, 12 dB under the mentor: two hosts, a small speaker, reverberation, laughter.",
      seed: 1510,
      voices: { mentor: VOICES.mentorAlt, mentee: VOICES.menteeAlt },
      room: ({ mic, length, random }) => addInto(mic, setLevel(talkShow(length, random), -34)),
    }),
  'tab-music': () => tabMusic(-6),
  'tab-hold-music': () => {
    const scenario = build({
      name: 'tab-hold-music',
      description: 'Twenty seconds of hold music in the call tab before the conversation starts, with headphones.',
      seed: 1525,
      turns: [{ who: 'mentor', seconds: 2, gap: 20 }, ...STANDARD_TURNS.slice(0, 6)],
      room: ({ tab, random }) => addInto(tab, setLevel(music(20, random), -20), 1, Math.round(0.5 * ROOM_RATE_HZ)),
    });
    return scenario;
  },
  'deep-voice': () =>
    build({
      name: 'deep-voice',
      description: 'A mentor with a very deep voice (fundamental 65–78 Hz), on speakers leaking the mentee 20 dB down.',
      seed: 1530,
      voices: { mentor: VOICES.deep },
      room: ({ mic, tab }) => addInto(mic, speakerLeak(tab, -20, 50)),
    }),
  whisper: () =>
    build({
      name: 'whisper',
      description: 'A whispering mentor (no voicing at all), 10 dB under a normal voice, headset.',
      seed: 1540,
      voices: { mentor: VOICES.whisper },
      mentorGainDb: -10,
      micNoiseDbfs: -70,
    }),
  'very-quiet': () =>
    build({
      name: 'very-quiet',
      description:
        'A very quiet mentor: soft voice 26 dB under the usual level (-48 dBFS), a laptop fan 18 dB under it.',
      seed: 1545,
      mentorGainDb: -26,
      micNoiseDbfs: -70,
      room: ({ mic, length, random }) => {
        const fan = lowpass(
          lowpass(
            Float32Array.from({ length }, () => gaussian(random)),
            500,
          ),
          900,
        );
        addInto(mic, setLevel(fan, -66));
      },
    }),
  'auto-gain': () =>
    build({
      name: 'auto-gain',
      description:
        'The OS applies automatic gain to the mic (fast down, slow up, up to +18 dB in pauses) while the laptop speakers leak the mentee 8 dB down.',
      seed: 1550,
      mentorGainDb: -8,
      micNoiseDbfs: -64,
      room: ({ mic, tab, length, random }) => {
        addInto(mic, speakerLeak(tab, -8, 60));
        const noise = Float32Array.from({ length }, () => gaussian(random) * fromDb(-64));
        addInto(mic, noise);
        return automaticGain(mic, -24, 18);
      },
    }),
  'rapid-turns': () =>
    build({
      name: 'rapid-turns',
      description:
        'Rapid short turns: mentor and mentee alternate every 0.5–1.5 s for half a minute, then the mentor talks for 8 s.',
      seed: 1560,
      turns: RAPID_TURNS,
    }),
  ...VOICE_SCENARIOS,
};

/** Thirty minutes of the standard exchange with varying voices and a colleague now and then: drift. */
function longTurns(minutes: number): Turn[] {
  const turns: Turn[] = [];
  for (let i = 0; turns.reduce((s, t) => s + t.seconds + (t.gap ?? 0.6), 0) < minutes * 60 - 60; i += 1) {
    turns.push(...STANDARD_TURNS.map((t, k) => ({ ...t, seconds: t.seconds * (0.7 + (((i + k) * 13) % 7) / 10) })));
  }
  return turns;
}

export function longSession(minutes = 30): RoomScenario {
  const turns = longTurns(minutes);
  return build({
    name: `session-${minutes}-min`,
    description: `${minutes} minutes of conversation on quiet speakers, with an office murmur 30 dB under the mentor.`,
    seed: 1570,
    turns,
    room: ({ mic, tab, length, random }) => {
      addInto(mic, speakerLeak(tab, -25, 35));
      addInto(mic, setLevel(officeChatter(length, random), -52));
    },
  });
}

/**
 * The same length of conversation in recorded voices: a German mentor and a Spanish-speaking
 * mentee on quiet speakers, colleagues talking other languages 20 dB under the mentor.
 */
export function longVoicesSession(minutes = 30): RoomScenario {
  return build({
    name: `session-${minutes}-min-voices`,
    description: `${minutes} minutes in recorded voices (de+m2 mentor, es+f1 mentee) on quiet speakers, with colleagues talking German, Spanish, Mandarin and Arabic 20 dB under the mentor.`,
    seed: 1575,
    turns: longTurns(minutes),
    voices: { mentor: clipVoice('de-m2'), mentee: clipVoice('es-f1') },
    room: ({ mic, tab, length, random }) => {
      addInto(mic, speakerLeak(tab, -25, 35));
      addInto(mic, setLevel(officeChatter(length, random, FOREIGN_COLLEAGUES), -42));
    },
  });
}

/**
 * Rooms where colleagues talk as loud as the mentor or louder, close by: no level rule can tell the
 * voices apart there, and the analyser must say so (`roomTooLoud`) rather than report a share.
 */
export const TOO_LOUD_SCENARIOS: Record<string, () => RoomScenario> = Object.fromEntries(
  [3, 6].map((db, i) => [
    `office-chatter+${db}`,
    () =>
      build({
        name: `office-chatter+${db}`,
        description: `Colleagues talking close by, ${db} dB over the mentor on the mic.`,
        seed: 1590 + i,
        room: ({ mic, length, random }) => addInto(mic, setLevel(officeChatter(length, random), -22 + db)),
      }),
  ]),
);
