/**
 * Makes the short voice clips in tests/fixtures/voices/ that the room scenarios use as mentors,
 * mentees and colleagues in several languages and voices: utterances spoken by espeak-ng (eight
 * languages, male and female variants, pitches from very deep to high) and the real recorded
 * voice prompts of Debian's alsa-utils (`/usr/share/sounds/alsa/`). Each clip is resampled by sox
 * to the corpus rate (8 kHz), trimmed to its sound (30 ms kept either side) and stored as 16-bit
 * mono PCM; clips.json lists them with their text, language, voice and measured pitch.
 * CI has no espeak-ng: the clips are committed, and this script is run by hand when they change.
 * Run: npx tsx scripts/talk-corpus/make-voice-clips.ts   (needs: apt-get install espeak-ng sox alsa-utils)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { periodicity } from '../../utils/talk-time/frame-features';
import { readWav } from '../../utils/talk-time/wav';
import { encodeWav } from '../../utils/talk-time/wav-encode';

export const CLIPS_DIR = 'tests/fixtures/voices';
const CLIP_RATE_HZ = 8000;
const FRAME = CLIP_RATE_HZ / 100;
/** A clip keeps the frames within this of its loudest, and a little either side. */
const TRIM_BELOW_PEAK_DB = 40;
const TRIM_MARGIN_FRAMES = 3;
const ALSA_DIR = '/usr/share/sounds/alsa';
const RECORDING_HIGHPASS_HZ = 60;

export interface ClipInfo {
  file: string;
  /** The voice: clips of one voice are one speaker (`en-m3`, `alsa`…). */
  voice: string;
  language: string;
  gender: 'male' | 'female';
  source: 'espeak-ng' | 'alsa-utils';
  /** espeak-ng arguments, or the recorded prompt's file name. */
  made: string;
  text: string;
  seconds: number;
  /** Median fundamental over the voiced frames, in Hz. */
  medianF0Hz: number;
}

interface EspeakVoice {
  voice: string;
  language: string;
  gender: 'male' | 'female';
  args: string[];
  /** Which of the language's texts this voice says. */
  texts: number[];
}

/** Four lines a language, written for this corpus: what a mentor or a mentee might say. */
const TEXTS: Record<string, string[]> = {
  en: [
    'So what would a good outcome look like for you by the end of the month?',
    'I tried the plan we talked about, and the first week went better than I expected.',
    'That sounds like progress. What got in the way on the days it did not work?',
    'Mostly meetings. They keep moving, and I lose the afternoon I had set aside.',
  ],
  de: [
    'Was genau möchtest du heute mit mir besprechen?',
    'Ich habe das Gespräch mit meiner Chefin geführt, aber es lief nicht so, wie ich wollte.',
    'Erzähl mir, was du dir vorher vorgenommen hattest.',
    'Ich wollte über die Beförderung reden, und am Ende ging es nur um das Budget.',
  ],
  fr: [
    "Qu'est-ce qui a changé depuis notre dernière conversation?",
    "J'ai enfin parlé à mon équipe du nouveau projet, et ils ont posé beaucoup de questions.",
    'Lesquelles vous ont le plus surpris?',
    'Surtout celles sur le calendrier, parce que je pensais que tout était clair.',
  ],
  es: [
    '¿Qué te gustaría conseguir antes de nuestra próxima reunión?',
    'Quiero preparar la presentación para el comité y practicarla dos veces.',
    '¿Y quién podría escucharte mientras la practicas?',
    'Tal vez mi compañera de equipo, ella ya lo hizo el año pasado.',
  ],
  // Pinyin with tone numbers: Debian's espeak-ng has no dictionary for Chinese characters.
  cmn: [
    'ni3 zhe4 ge4 xing1 qi1 zui4 xiang3 jie3 jue2 de5 wen4 ti2 shi4 shen2 me5?',
    'wo3 xiang3 xue2 hui4 zen3 me5 zai4 hui4 yi4 shang4 geng4 qing1 chu3 de5 biao3 da2 zi4 ji3 de5 xiang3 fa3.',
    'shang4 ci4 ni3 shi4 guo4 de5 fang1 fa3, na3 yi2 bu4 fen4 zui4 you3 yong4?',
    'xian1 xie3 xia4 san1 ge4 yao4 dian3, ran2 hou4 zai4 kai1 kou3, zhe4 ge4 fang1 fa3 hen3 you3 bang1 zhu4.',
  ],
  hi: [
    'आज आप किस बारे में बात करना चाहेंगे?',
    'मैं अपनी टीम के साथ काम बाँटने के बारे में सोच रहा हूँ।',
    'पिछली बार जब आपने काम बाँटा था, तब क्या हुआ था?',
    'सब ठीक रहा, बस मुझे हर दिन पूछना पड़ा कि काम कहाँ तक पहुँचा।',
  ],
  ar: [
    'ما الذي تريد أن نركز عليه في هذه الجلسة؟',
    'أريد أن أتعلم كيف أقول لا عندما يكون عندي عمل كثير.',
    'متى كانت آخر مرة قلت فيها نعم وندمت على ذلك؟',
    'الأسبوع الماضي، عندما طلب مني مديري تقريرا إضافيا في آخر اليوم.',
  ],
  ja: [
    'きょうは なにに ついて はなしたいですか。',
    'らいげつの はっぴょうの じゅんびが まだ おわって いません。',
    'どの ぶぶんが いちばん むずかしいと かんじますか。',
    'さいごの まとめです。なにを いえば いいか わかりません。',
  ],
};

/** Male and female variants at several pitches; `en-deep` is as low as espeak-ng goes. */
const ESPEAK_VOICES: EspeakVoice[] = [
  { voice: 'en-m3', language: 'en', gender: 'male', args: ['-v', 'en-gb+m3', '-s', '160', '-p', '40'], texts: [0, 2] },
  {
    voice: 'en-f3',
    language: 'en',
    gender: 'female',
    args: ['-v', 'en-us+f3', '-s', '165', '-p', '60'],
    texts: [1, 3],
  },
  {
    voice: 'en-deep',
    language: 'en',
    gender: 'male',
    args: ['-v', 'en-gb+m1', '-s', '145', '-p', '0'],
    texts: [0, 1, 3],
  },
  { voice: 'de-m2', language: 'de', gender: 'male', args: ['-v', 'de+m2', '-s', '155', '-p', '35'], texts: [0, 2] },
  { voice: 'de-f2', language: 'de', gender: 'female', args: ['-v', 'de+f2', '-s', '160', '-p', '65'], texts: [1, 3] },
  { voice: 'fr-m4', language: 'fr', gender: 'male', args: ['-v', 'fr+m4', '-s', '165', '-p', '45'], texts: [1, 3] },
  { voice: 'fr-f4', language: 'fr', gender: 'female', args: ['-v', 'fr+f4', '-s', '160', '-p', '70'], texts: [0, 2] },
  { voice: 'es-m1', language: 'es', gender: 'male', args: ['-v', 'es+m1', '-s', '170', '-p', '30'], texts: [1, 3] },
  { voice: 'es-f1', language: 'es', gender: 'female', args: ['-v', 'es+f1', '-s', '165', '-p', '55'], texts: [0, 2] },
  {
    voice: 'cmn-m3',
    language: 'cmn',
    gender: 'male',
    args: ['-v', 'cmn-latn-pinyin+m3', '-s', '150', '-p', '40'],
    texts: [1, 3],
  },
  {
    voice: 'cmn-f3',
    language: 'cmn',
    gender: 'female',
    args: ['-v', 'cmn-latn-pinyin+f3', '-s', '150', '-p', '65'],
    texts: [0, 2],
  },
  { voice: 'hi-m2', language: 'hi', gender: 'male', args: ['-v', 'hi+m2', '-s', '155', '-p', '35'], texts: [0, 2] },
  { voice: 'hi-f5', language: 'hi', gender: 'female', args: ['-v', 'hi+f5', '-s', '155', '-p', '60'], texts: [1, 3] },
  { voice: 'ar-m1', language: 'ar', gender: 'male', args: ['-v', 'ar+m1', '-s', '155', '-p', '45'], texts: [1, 3] },
  { voice: 'ar-f1', language: 'ar', gender: 'female', args: ['-v', 'ar+f1', '-s', '150', '-p', '75'], texts: [0, 2] },
  { voice: 'ja-f2', language: 'ja', gender: 'female', args: ['-v', 'ja+f2', '-s', '160', '-p', '60'], texts: [0, 2] },
  { voice: 'ja-m6', language: 'ja', gender: 'male', args: ['-v', 'ja+m6', '-s', '160', '-p', '25'], texts: [1, 3] },
];

/** The recorded prompts of alsa-utils: one person (pitch about 200 Hz) saying where a speaker is ("Front left"…). */
const ALSA_PROMPTS: Record<string, string> = {
  'Front_Center.wav': 'Front center',
  'Front_Left.wav': 'Front left',
  'Front_Right.wav': 'Front right',
  'Rear_Center.wav': 'Rear center',
  'Rear_Left.wav': 'Rear left',
  'Rear_Right.wav': 'Rear right',
  'Side_Left.wav': 'Side left',
  'Side_Right.wav': 'Side right',
};

function frameDb(samples: Float32Array, frame: number): number {
  let sum = 0;
  for (let i = frame * FRAME; i < (frame + 1) * FRAME; i += 1) sum += (samples[i] ?? 0) ** 2;
  return 10 * Math.log10(sum / FRAME + 1e-12);
}

function trimmed(samples: Float32Array): Float32Array {
  const frames = Math.floor(samples.length / FRAME);
  const levels = Array.from({ length: frames }, (_, f) => frameDb(samples, f));
  const peak = Math.max(...levels);
  const first = levels.findIndex((db) => db > peak - TRIM_BELOW_PEAK_DB);
  const last = levels.length - 1 - [...levels].reverse().findIndex((db) => db > peak - TRIM_BELOW_PEAK_DB);
  const from = Math.max(0, first - TRIM_MARGIN_FRAMES) * FRAME;
  const to = Math.min(frames, last + 1 + TRIM_MARGIN_FRAMES) * FRAME;
  return samples.slice(from, to);
}

/** Median pitch over 30 ms windows that are clearly periodic and within 30 dB of the loudest. */
function medianF0Hz(samples: Float32Array): number {
  const window = FRAME * 3;
  const minLag = Math.floor(CLIP_RATE_HZ / 400);
  const maxLag = Math.ceil(CLIP_RATE_HZ / 50);
  const frames = Math.floor(samples.length / FRAME);
  const peak = Math.max(...Array.from({ length: frames }, (_, f) => frameDb(samples, f)));
  const pitches: number[] = [];
  for (let f = 0; f + 3 <= frames; f += 1) {
    if (frameDb(samples, f + 1) < peak - 30) continue;
    const found = { lag: 0 };
    const p = periodicity(samples.subarray(f * FRAME, f * FRAME + window), minLag, maxLag, found);
    if (p > 0.75 && found.lag > 0) pitches.push(CLIP_RATE_HZ / found.lag);
  }
  pitches.sort((a, b) => a - b);
  return Math.round(pitches[Math.floor(pitches.length / 2)] ?? 0);
}

function toClipRate(input: string, work: string, effects: string[] = []): Float32Array {
  const out = join(work, 'resampled.wav');
  // -D: no dither, so a rerun writes the same bytes.
  execFileSync('sox', ['-D', input, '-r', String(CLIP_RATE_HZ), '-c', '1', '-b', '16', out, ...effects]);
  return readWav(readFileSync(out)).samples;
}

function writeClip(name: string, samples: Float32Array): number {
  const clip = trimmed(samples);
  // Peak at -3 dBFS: every clip uses the 16 bits; the scenarios set their own levels.
  const peak = clip.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const gain = 10 ** (-3 / 20) / Math.max(peak, 1e-9);
  const scaled = clip.map((v) => v * gain);
  writeFileSync(join(CLIPS_DIR, name), encodeWav([scaled], CLIP_RATE_HZ));
  return scaled.length;
}

function main(): void {
  mkdirSync(CLIPS_DIR, { recursive: true });
  for (const old of readdirSync(CLIPS_DIR)) if (old.endsWith('.wav')) rmSync(join(CLIPS_DIR, old));
  const work = mkdtempSync(join(tmpdir(), 'attune-voices-'));
  const clips: ClipInfo[] = [];
  try {
    for (const v of ESPEAK_VOICES) {
      for (const index of v.texts) {
        const text = TEXTS[v.language]?.[index];
        if (!text) throw new Error(`No text ${index} for ${v.language}`);
        const raw = join(work, 'raw.wav');
        execFileSync('espeak-ng', [...v.args, '-w', raw, text]);
        const samples = toClipRate(raw, work);
        const file = `${v.voice}-${index + 1}.wav`;
        const length = writeClip(file, samples);
        clips.push({
          file,
          voice: v.voice,
          language: v.language,
          gender: v.gender,
          source: 'espeak-ng',
          made: v.args.join(' '),
          text,
          seconds: Number((length / CLIP_RATE_HZ).toFixed(2)),
          medianF0Hz: medianF0Hz(readWav(readFileSync(join(CLIPS_DIR, file))).samples),
        });
      }
    }
    for (const [prompt, text] of Object.entries(ALSA_PROMPTS)) {
      const source = join(ALSA_DIR, prompt);
      if (!existsSync(source)) throw new Error(`${source} is missing: apt-get install alsa-utils`);
      const file = `alsa-${prompt.toLowerCase().replace('_', '-')}`;
      // The prompts carry low-frequency rumble under their word endings (the recording room, not the
      // voice, whose fundamental is near 200 Hz): it would read as speech in the truth, which is
      // measured on the clean clip. A 60 Hz high-pass takes it out.
      const length = writeClip(file, toClipRate(source, work, ['highpass', String(RECORDING_HIGHPASS_HZ)]));
      clips.push({
        file,
        voice: 'alsa',
        language: 'en',
        gender: 'female',
        source: 'alsa-utils',
        made: prompt,
        text,
        seconds: Number((length / CLIP_RATE_HZ).toFixed(2)),
        medianF0Hz: medianF0Hz(readWav(readFileSync(join(CLIPS_DIR, file))).samples),
      });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  writeFileSync(join(CLIPS_DIR, 'clips.json'), JSON.stringify(clips, null, 2) + '\n');
  const seconds = clips.reduce((s, c) => s + c.seconds, 0);
  for (const c of clips) console.log(`${c.file.padEnd(28)} ${c.seconds.toFixed(2)} s  f0 ${c.medianF0Hz} Hz`);
  console.log(
    `${clips.length} clips, ${seconds.toFixed(1)} s, about ${((seconds * CLIP_RATE_HZ * 2) / 1e6).toFixed(2)} MB`,
  );
}

if (process.argv[1]?.replaceAll('\\', '/').endsWith('make-voice-clips.ts')) main();
