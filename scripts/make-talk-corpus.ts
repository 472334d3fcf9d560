/**
 * Makes the two-channel talk-time corpus in tests/fixtures/audio/<scenario>/: mic.wav (the
 * mentor's microphone: their voice plus whatever the room adds), tab.wav (the call's audio: the
 * mentee) and truth.json (who spoke when, measured on the clean voices before mixing).
 *
 * Speech comes from espeak-ng, resampled by sox; everything else (levels, speaker leak, room
 * echo, colleague, fan, keyboard, noise) is mixed here with a seeded generator, so a rerun gives
 * the same bytes (sox runs without dither, -D, for that reason).
 * Run: npx tsx scripts/make-talk-corpus.ts   (needs: apt-get install espeak-ng sox)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWav } from '../utils/talk-time/wav';
import { encodeWav } from '../utils/talk-time/wav-encode';

const OUT_DIR = 'tests/fixtures/audio';
const SAMPLE_RATE_HZ = 8000;
const FRAME_SAMPLES = SAMPLE_RATE_HZ / 100;
/** A clean voice counts as speaking where its 10 ms level is within this of the line's loudest frame. */
const TRUTH_ACTIVE_BELOW_PEAK_DB = 40;
/** Pauses shorter than this inside one speaker's talk count as talk (people hear them as one turn). */
const TRUTH_PAUSE_FILL_MS = 500;
const TAIL_SECONDS = 1;
/** Speech level (RMS over the active frames) on the channel it belongs to, before any scenario gain. */
const SPEECH_RMS_DBFS = -22;

type Who = 'mentor' | 'mentee' | 'colleague';

interface Line {
  who: Who;
  text: string;
  /** Seconds after the previous line ends (negative: overlaps it). */
  gap?: number;
  /** Seconds after the previous line starts (for backchannels and talk over someone). */
  during?: number;
}

interface Scenario {
  name: string;
  description: string;
  lines: Line[];
  mentorGainDb?: number;
  /** The mentee from the laptop's speakers reaching the mic: level relative to the tab, delay. */
  leak?: { gainDb: number; delayMs: number };
  /** Level of the colleague on the mic relative to the mentor's voice. */
  colleagueDb?: number;
  micNoiseDbfs: number;
  tabNoiseDbfs: number;
  fanDbfs?: number;
  /** Bursts of typing: [start second, key count]. */
  typing?: Array<[number, number]>;
}

const VOICES: Record<Who, string[]> = {
  mentor: ['-v', 'en-gb+m3', '-s', '160', '-p', '40'],
  mentee: ['-v', 'en-us+f3', '-s', '165', '-p', '60'],
  colleague: ['-v', 'en-gb-scotland+m1', '-s', '170', '-p', '30'],
};

const SCENARIOS: Scenario[] = [
  {
    name: 'headphones',
    description: 'Mentor on a headset: nothing of the call reaches the mic. Alternating turns with short replies.',
    micNoiseDbfs: -66,
    tabNoiseDbfs: -72,
    lines: [
      { who: 'mentor', text: 'Good to see you again. What would you like to focus on today?', gap: 0.6 },
      { who: 'mentee', text: 'I want to talk about the promotion conversation with my manager next week.', gap: 0.8 },
      { who: 'mentor', text: 'What makes it feel important to you right now?', gap: 0.7 },
      { who: 'mentee', text: 'I think I have been waiting for someone to notice my work, and nobody has.', gap: 1.2 },
      { who: 'mentor', text: 'And what would noticing look like?', gap: 0.5 },
      { who: 'mentee', text: 'Probably a clear plan, with dates.', gap: 0.9 },
    ],
  },
  {
    name: 'speaker-leak-quiet',
    description:
      'Laptop speakers at low volume: the mentee leaks into the mic 25 dB down, 35 ms late, with a little room echo.',
    leak: { gainDb: -25, delayMs: 35 },
    micNoiseDbfs: -64,
    tabNoiseDbfs: -72,
    lines: [
      { who: 'mentee', text: 'Last week I tried the idea of asking my team before deciding.', gap: 0.5 },
      { who: 'mentor', text: 'How did that go?', gap: 0.6 },
      {
        who: 'mentee',
        text: 'Better than I expected. Two people suggested things I would never have thought of, and the meeting was shorter.',
        gap: 0.7,
      },
      { who: 'mentor', text: 'What did you learn about yourself there?', gap: 0.9 },
      { who: 'mentee', text: 'That I do not need to have every answer before I walk in.', gap: 1.1 },
    ],
  },
  {
    name: 'speaker-leak-loud',
    description:
      'Laptop speakers loud: the mentee leaks into the mic only 6 dB under the tab level, 120 ms late, with room echo; the mentor also talks over the mentee once.',
    leak: { gainDb: -6, delayMs: 120 },
    micNoiseDbfs: -62,
    tabNoiseDbfs: -70,
    lines: [
      {
        who: 'mentee',
        text: 'I keep saying yes to every request, and then I work late every evening to catch up.',
        gap: 0.5,
      },
      { who: 'mentor', text: 'What happens just before you say yes?', gap: 0.8 },
      {
        who: 'mentee',
        text: 'I think I worry that they will think I am not a team player. It is probably silly, but it feels real in the moment.',
        gap: 1.0,
      },
      { who: 'mentor', text: 'It does not sound silly to me at all.', during: 4.5 },
      { who: 'mentee', text: 'Maybe I could ask for a day to think about it before answering.', gap: 0.9 },
      { who: 'mentor', text: 'What would make that easier to say?', gap: 0.7 },
    ],
  },
  {
    name: 'room-colleague',
    description:
      'A colleague talks in the room, 20 dB under the mentor on the mic, while the mentor is silent and while the mentee speaks.',
    colleagueDb: -20,
    micNoiseDbfs: -64,
    tabNoiseDbfs: -72,
    lines: [
      { who: 'mentor', text: 'Where would you like to start today?', gap: 0.5 },
      {
        who: 'mentee',
        text: 'With the feedback I got from the design review. It was harder to hear than I expected.',
        gap: 0.8,
      },
      {
        who: 'colleague',
        text: 'Has anyone seen the charger for the meeting room screen? I left it here this morning.',
        during: 1.0,
      },
      { who: 'mentor', text: 'What part of it stayed with you?', gap: 0.8 },
      { who: 'mentee', text: 'That my proposal was too long. I spent a month on it.', gap: 0.9 },
      { who: 'colleague', text: 'Never mind, found it, it was under the desk all along.', gap: 0.6 },
      { who: 'mentor', text: 'A month of work deserves a careful look. What would a shorter version keep?', gap: 0.8 },
    ],
  },
  {
    name: 'keyboard-and-fan',
    description: 'A laptop fan hums on the mic and the mentor types notes while the mentee speaks and in the silences.',
    fanDbfs: -44,
    micNoiseDbfs: -66,
    tabNoiseDbfs: -72,
    typing: [
      [2.2, 14],
      [9.0, 22],
      [17.5, 12],
      [24.0, 10],
    ],
    lines: [
      { who: 'mentor', text: 'Let me note that down while you tell me more.', gap: 0.5 },
      {
        who: 'mentee',
        text: 'So the plan is to move the launch by two weeks, and to ask the sales team for one more review.',
        gap: 0.7,
      },
      { who: 'mentor', text: 'Who needs to agree to that?', gap: 3.0 },
      { who: 'mentee', text: 'My director, and probably the finance partner as well.', gap: 0.8 },
      { who: 'mentor', text: 'Okay. What is the first step?', gap: 4.0 },
      { who: 'mentee', text: 'Writing a one page summary tonight.', gap: 0.8 },
    ],
  },
  {
    name: 'backchannels-and-overlaps',
    description:
      'The mentee tells a story; the mentor says mm-hm and right along the way, the mentee says yeah, and the mentor cuts in once.',
    micNoiseDbfs: -66,
    tabNoiseDbfs: -72,
    lines: [
      {
        who: 'mentee',
        text: 'So the project started well, we had a clear goal and a good team, and for the first month everything was on track.',
        gap: 0.5,
      },
      { who: 'mentor', text: 'mm-hm', during: 2.6 },
      { who: 'mentor', text: 'right', during: 2.8 },
      {
        who: 'mentee',
        text: 'Then the client changed the scope twice, and nobody wanted to tell them it would cost more time.',
        gap: 0.3,
      },
      { who: 'mentor', text: 'mm-hm', during: 3.4 },
      { who: 'mentor', text: 'So what did you do then?', gap: -0.8 },
      { who: 'mentee', text: 'yeah', during: 0.6 },
      { who: 'mentee', text: 'I stayed quiet, and that is what I regret most.', gap: 0.8 },
      { who: 'mentor', text: 'What would you say now, if you could go back?', gap: 0.9 },
    ],
  },
  {
    name: 'long-monologue',
    description:
      'The mentor holds the floor for about half a minute, with the mentee backchanneling once, then the mentee replies.',
    micNoiseDbfs: -66,
    tabNoiseDbfs: -72,
    lines: [
      { who: 'mentee', text: 'How did you handle your first year as a manager?', gap: 0.5 },
      { who: 'mentor', text: 'Well, it was a long time ago, but I remember the first months very clearly.', gap: 0.8 },
      {
        who: 'mentor',
        text: 'I thought my job was to have the answers, so I answered every question myself.',
        gap: 0.4,
      },
      { who: 'mentee', text: 'mm-hm', during: 2.0 },
      {
        who: 'mentor',
        text: 'The team stopped bringing me problems early, and I only heard about them when they were already big.',
        gap: 0.4,
      },
      { who: 'mentor', text: 'It took a difficult project review before I understood what was happening.', gap: 0.4 },
      {
        who: 'mentor',
        text: 'After that I started asking what they thought first, and waiting, even when the silence felt long.',
        gap: 0.4,
      },
      { who: 'mentee', text: 'That sounds hard to learn.', gap: 0.9 },
    ],
  },
  {
    name: 'quiet-mic-long-silences',
    description:
      'A quiet microphone (the mentor 18 dB lower than usual, closer to its self-noise) and long silences after the mentor asks questions.',
    mentorGainDb: -18,
    micNoiseDbfs: -72,
    tabNoiseDbfs: -72,
    lines: [
      { who: 'mentor', text: 'What do you really want from this role?', gap: 0.5 },
      { who: 'mentee', text: 'I am not sure. Let me think.', gap: 6.0 },
      { who: 'mentor', text: 'Take your time.', gap: 1.0 },
      { who: 'mentee', text: 'I think I want to be trusted with the hard problems.', gap: 7.0 },
      { who: 'mentor', text: 'What would show you that you are trusted?', gap: 1.2 },
    ],
  },
  {
    name: 'noisy-call',
    description:
      'The call audio is noisy (a mentee on a poor line with background hiss and hum); the mentor is on a headset.',
    micNoiseDbfs: -66,
    tabNoiseDbfs: -42,
    lines: [
      { who: 'mentee', text: 'Sorry, I am on the train, the connection might be bad.', gap: 0.5 },
      { who: 'mentor', text: 'No problem, I can hear you. How are things going?', gap: 0.8 },
      { who: 'mentee', text: 'Busy. The new role started on Monday and I already have three projects.', gap: 0.9 },
      { who: 'mentor', text: 'Which one worries you most?', gap: 0.8 },
      { who: 'mentee', text: 'The migration, because nobody owns it.', gap: 1.0 },
    ],
  },
];

/** mulberry32: a small seeded generator, so the noise is the same on every machine. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

const fromDb = (db: number) => 10 ** (db / 20);

function frameDb(samples: Float32Array, frame: number): number {
  let sum = 0;
  const from = frame * FRAME_SAMPLES;
  for (let i = from; i < from + FRAME_SAMPLES; i += 1) sum += (samples[i] ?? 0) ** 2;
  return 10 * Math.log10(sum / FRAME_SAMPLES + 1e-12);
}

function speak(who: Who, text: string, dir: string, index: number): Float32Array {
  const raw = join(dir, `${index}-raw.wav`);
  const wav = join(dir, `${index}.wav`);
  execFileSync('espeak-ng', [...VOICES[who], '-w', raw, text]);
  execFileSync('sox', ['-D', raw, '-r', String(SAMPLE_RATE_HZ), '-c', '1', '-b', '16', wav]);
  const samples = readWav(new Uint8Array(readFileSync(wav))).samples;
  // Trim to the speech itself and set its level, so placement and truth refer to the voice.
  const frames = Math.floor(samples.length / FRAME_SAMPLES);
  const levels = Array.from({ length: frames }, (_, f) => frameDb(samples, f));
  const peak = Math.max(...levels);
  const active = levels.map((db) => db > peak - TRUTH_ACTIVE_BELOW_PEAK_DB);
  const first = active.indexOf(true);
  const last = active.lastIndexOf(true);
  const trimmed = samples.slice(first * FRAME_SAMPLES, (last + 1) * FRAME_SAMPLES);
  const activeLevels = levels.filter((_, f) => active[f]).map((db) => 10 ** (db / 10));
  const rmsDb = 10 * Math.log10(activeLevels.reduce((s, p) => s + p, 0) / activeLevels.length);
  const gain = fromDb(SPEECH_RMS_DBFS - rmsDb);
  return trimmed.map((v) => v * gain);
}

interface Placed {
  who: Who;
  text: string;
  start: number;
  samples: Float32Array;
}

function place(lines: Line[], dir: string): Placed[] {
  const placed: Placed[] = [];
  let previous: Placed | undefined;
  lines.forEach((line, i) => {
    const samples = speak(line.who, line.text, dir, i);
    const prevStart = previous?.start ?? 0;
    const prevEnd = previous ? previous.start + previous.samples.length : 0;
    const start =
      line.during !== undefined
        ? prevStart + Math.round(line.during * SAMPLE_RATE_HZ)
        : prevEnd + Math.round((line.gap ?? 0.5) * SAMPLE_RATE_HZ);
    const item = { who: line.who, text: line.text, start, samples };
    placed.push(item);
    previous = item;
  });
  return placed;
}

function track(placed: Placed[], who: Who, length: number): Float32Array {
  const out = new Float32Array(length);
  for (const p of placed.filter((x) => x.who === who)) {
    p.samples.forEach((v, i) => {
      out[p.start + i] = (out[p.start + i] ?? 0) + v;
    });
  }
  return out;
}

/** Speaking spans of one clean voice: active 10 ms frames, pauses under TRUTH_PAUSE_FILL_MS filled. */
function truthSegments(placed: Placed[], who: Who, length: number): Array<{ start: number; end: number }> {
  const frames = Math.ceil(length / FRAME_SAMPLES);
  const active = new Uint8Array(frames);
  for (const p of placed.filter((x) => x.who === who)) {
    const count = Math.floor(p.samples.length / FRAME_SAMPLES);
    const levels = Array.from({ length: count }, (_, f) => frameDb(p.samples, f));
    const peak = Math.max(...levels);
    levels.forEach((db, f) => {
      if (db > peak - TRUTH_ACTIVE_BELOW_PEAK_DB) active[Math.floor(p.start / FRAME_SAMPLES) + f] = 1;
    });
  }
  const segments: Array<{ start: number; end: number }> = [];
  const fillFrames = TRUTH_PAUSE_FILL_MS / 10;
  for (let f = 0; f < frames; f += 1) {
    if (!active[f]) continue;
    const last = segments[segments.length - 1];
    if (last && f - last.end < fillFrames) last.end = f + 1;
    else segments.push({ start: f, end: f + 1 });
  }
  return segments.map((s) => ({ start: s.start / 100, end: s.end / 100 }));
}

function onePoleLowpass(samples: Float32Array, cutoffHz: number): Float32Array {
  const a = Math.exp((-2 * Math.PI * cutoffHz) / SAMPLE_RATE_HZ);
  let y = 0;
  return samples.map((x) => (y = (1 - a) * x + a * y));
}

function onePoleHighpass(samples: Float32Array, cutoffHz: number): Float32Array {
  const low = onePoleLowpass(samples, cutoffHz);
  return samples.map((x, i) => x - (low[i] ?? 0));
}

/** The tab's audio as the mic hears it from laptop speakers: thin, late, with a small room's echo. */
function speakerLeak(tab: Float32Array, gainDb: number, delayMs: number): Float32Array {
  const thin = onePoleLowpass(onePoleHighpass(onePoleHighpass(tab, 350), 350), 5000);
  const out = new Float32Array(tab.length);
  const delay = Math.round((delayMs / 1000) * SAMPLE_RATE_HZ);
  const echoes: Array<[number, number]> = [
    [0, 1],
    [9, 0.45],
    [23, 0.3],
    [41, 0.2],
    [67, 0.12],
    [97, 0.07],
  ];
  const gain = fromDb(gainDb);
  for (const [echoMs, echoGain] of echoes) {
    const offset = delay + Math.round((echoMs / 1000) * SAMPLE_RATE_HZ);
    for (let i = 0; i + offset < out.length; i += 1)
      out[i + offset] = (out[i + offset] ?? 0) + (thin[i] ?? 0) * echoGain * gain;
  }
  return out;
}

function addNoise(out: Float32Array, dbfs: number, random: () => number): void {
  const amplitude = fromDb(dbfs);
  for (let i = 0; i < out.length; i += 1) out[i] = (out[i] ?? 0) + gaussian(random) * amplitude;
}

function addFan(out: Float32Array, dbfs: number, random: () => number): void {
  const white = Float32Array.from({ length: out.length }, () => gaussian(random));
  const rumble = onePoleLowpass(onePoleLowpass(white, 400), 900);
  let power = 0;
  rumble.forEach((v) => (power += v * v));
  const scale = fromDb(dbfs) / Math.sqrt(power / rumble.length);
  const hum = fromDb(dbfs - 6);
  for (let i = 0; i < out.length; i += 1) {
    out[i] = (out[i] ?? 0) + (rumble[i] ?? 0) * scale + hum * Math.sin((2 * Math.PI * 120 * i) / SAMPLE_RATE_HZ);
  }
}

/** Key presses: a sharp, quickly decaying burst, and a softer one when the key comes back up. */
function addTyping(out: Float32Array, bursts: Array<[number, number]>, random: () => number): void {
  const click = (at: number, peak: number) => {
    const length = Math.round(0.012 * SAMPLE_RATE_HZ);
    for (let i = 0; i < length && at + i < out.length; i += 1) {
      out[at + i] = (out[at + i] ?? 0) + gaussian(random) * peak * Math.exp(-i / (0.0018 * SAMPLE_RATE_HZ));
    }
  };
  for (const [startSeconds, keys] of bursts) {
    let t = startSeconds;
    for (let k = 0; k < keys; k += 1) {
      const at = Math.round(t * SAMPLE_RATE_HZ);
      const peak = 0.15 + random() * 0.2;
      click(at, peak);
      click(at + Math.round((0.06 + random() * 0.04) * SAMPLE_RATE_HZ), peak * 0.4);
      t += 0.12 + random() * 0.16;
    }
  }
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function makeScenario(scenario: Scenario, seed: number, tmp: string): { name: string; bytes: number } {
  const placed = place(scenario.lines, tmp);
  const end = Math.max(...placed.map((p) => p.start + p.samples.length));
  const length = end + TAIL_SECONDS * SAMPLE_RATE_HZ;
  const random = createRandom(seed);

  const mentor = track(placed, 'mentor', length);
  const mentee = track(placed, 'mentee', length);
  const colleague = track(placed, 'colleague', length);

  const tab = mentee.slice();
  addNoise(tab, scenario.tabNoiseDbfs, random);
  if (scenario.tabNoiseDbfs > -50) addFan(tab, scenario.tabNoiseDbfs - 3, random);

  const mentorGain = fromDb(scenario.mentorGainDb ?? 0);
  const mic = mentor.map((v) => v * mentorGain);
  if (scenario.leak) {
    const leak = speakerLeak(tab, scenario.leak.gainDb, scenario.leak.delayMs);
    leak.forEach((v, i) => (mic[i] = (mic[i] ?? 0) + v));
  }
  if (scenario.colleagueDb !== undefined) {
    const gain = fromDb(scenario.colleagueDb) * mentorGain;
    colleague.forEach((v, i) => (mic[i] = (mic[i] ?? 0) + v * gain));
  }
  if (scenario.fanDbfs !== undefined) addFan(mic, scenario.fanDbfs, random);
  if (scenario.typing) addTyping(mic, scenario.typing, random);
  addNoise(mic, scenario.micNoiseDbfs, random);

  const mentorSegments = truthSegments(placed, 'mentor', length);
  const menteeSegments = truthSegments(placed, 'mentee', length);
  const seconds = (segments: Array<{ start: number; end: number }>) =>
    segments.reduce((s, x) => s + x.end - x.start, 0);
  const mentorSeconds = seconds(mentorSegments);
  const menteeSeconds = seconds(menteeSegments);
  const truth = {
    scenario: scenario.name,
    description: scenario.description,
    sampleRate: SAMPLE_RATE_HZ,
    durationSeconds: round3(length / SAMPLE_RATE_HZ),
    mentorSeconds: round3(mentorSeconds),
    menteeSeconds: round3(menteeSeconds),
    mentorShare: round3(mentorSeconds / (mentorSeconds + menteeSeconds)),
    segments: [
      ...mentorSegments.map((s) => ({ speaker: 'mentor', start: round3(s.start), end: round3(s.end) })),
      ...menteeSegments.map((s) => ({ speaker: 'mentee', start: round3(s.start), end: round3(s.end) })),
    ].sort((a, b) => a.start - b.start),
    lines: placed.map((p) => ({
      who: p.who,
      text: p.text,
      start: round3(p.start / SAMPLE_RATE_HZ),
      end: round3((p.start + p.samples.length) / SAMPLE_RATE_HZ),
    })),
  };

  const dir = join(OUT_DIR, scenario.name);
  mkdirSync(dir, { recursive: true });
  const micBytes = encodeWav([mic], SAMPLE_RATE_HZ);
  const tabBytes = encodeWav([tab], SAMPLE_RATE_HZ);
  writeFileSync(join(dir, 'mic.wav'), micBytes);
  writeFileSync(join(dir, 'tab.wav'), tabBytes);
  writeFileSync(join(dir, 'truth.json'), JSON.stringify(truth, null, 2) + '\n');
  console.log(
    `${scenario.name}: ${truth.durationSeconds} s, mentor ${truth.mentorSeconds} s, mentee ${truth.menteeSeconds} s, share ${truth.mentorShare}`,
  );
  return { name: scenario.name, bytes: micBytes.length + tabBytes.length };
}

const tmp = mkdtempSync(join(tmpdir(), 'attune-corpus-'));
try {
  const made = SCENARIOS.map((scenario, i) => makeScenario(scenario, 1000 + i, tmp));
  const total = made.reduce((s, m) => s + m.bytes, 0);
  console.log(`${made.length} scenarios, ${(total / 1024 / 1024).toFixed(2)} MB of WAV`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
