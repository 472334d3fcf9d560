import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseRecordings } from '@/utils/talk-time/analyse-recordings';
import { talkMetrics } from '@/utils/talk-time/metrics';
import { readWav, type DecodedWav } from '@/utils/talk-time/wav';
import { encodeWav } from '@/utils/talk-time/wav-encode';

const CORPUS = 'tests/fixtures/audio';
/** The target for the mentor's share, in percentage points. */
const SHARE_TOLERANCE_PP = 3;
const SECONDS_TOLERANCE = 0.1;
const MONOLOGUE_TOLERANCE = 0.1;

interface Truth {
  durationSeconds: number;
  mentorSeconds: number;
  menteeSeconds: number;
  segments: Array<{ speaker: 'mentor' | 'mentee'; start: number; end: number }>;
}

const scenarios = readdirSync(CORPUS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const load = (scenario: string, file: string) => readWav(new Uint8Array(readFileSync(join(CORPUS, scenario, file))));
const truthOf = (scenario: string) => JSON.parse(readFileSync(join(CORPUS, scenario, 'truth.json'), 'utf8')) as Truth;
const truthMetrics = (truth: Truth) =>
  talkMetrics(
    {
      mentor: truth.segments.filter((s) => s.speaker === 'mentor'),
      mentee: truth.segments.filter((s) => s.speaker === 'mentee'),
    },
    truth.durationSeconds,
  );

/** The same recording at another rate, stored as float: linear interpolation is enough for a test. */
function atRate(wav: DecodedWav, rate: number): DecodedWav {
  const length = Math.floor((wav.samples.length * rate) / wav.sampleRate);
  const samples = Float32Array.from({ length }, (_, i) => {
    const x = (i * wav.sampleRate) / rate;
    const j = Math.floor(x);
    const a = wav.samples[j] ?? 0;
    const b = wav.samples[j + 1] ?? a;
    return a + (b - a) * (x - j);
  });
  return readWav(encodeWav([samples], rate, 'float32'));
}

describe('the talk-time corpus', () => {
  it('holds every scenario the issue asks for', () => {
    expect(scenarios).toEqual(
      expect.arrayContaining([
        'headphones',
        'speaker-leak-quiet',
        'speaker-leak-loud',
        'room-colleague',
        'keyboard-and-fan',
        'backchannels-and-overlaps',
        'long-monologue',
        'quiet-mic-long-silences',
        'noisy-call',
      ]),
    );
  });

  describe.each(scenarios)('%s', (scenario) => {
    const truth = truthOf(scenario);
    const expected = truthMetrics(truth);
    const { metrics } = analyseRecordings(load(scenario, 'mic.wav'), load(scenario, 'tab.wav'));

    it(`measures the mentor's share within ${SHARE_TOLERANCE_PP} points of the truth`, () => {
      expect(Math.abs(metrics.mentorShare - expected.mentorShare) * 100).toBeLessThanOrEqual(SHARE_TOLERANCE_PP);
    });

    it("measures each speaker's seconds within 10%", () => {
      expect(Math.abs(metrics.mentorSeconds - truth.mentorSeconds)).toBeLessThanOrEqual(
        truth.mentorSeconds * SECONDS_TOLERANCE,
      );
      expect(Math.abs(metrics.menteeSeconds - truth.menteeSeconds)).toBeLessThanOrEqual(
        truth.menteeSeconds * SECONDS_TOLERANCE,
      );
    });

    it('finds the longest mentor monologue within 10%', () => {
      const error = Math.abs(metrics.longestMentorMonologueSeconds - expected.longestMentorMonologueSeconds);
      expect(error).toBeLessThanOrEqual(expected.longestMentorMonologueSeconds * MONOLOGUE_TOLERANCE);
    });

    it('counts the same turns, backchannels and interruptions as the truth', () => {
      const pick = (m: typeof metrics) => [
        m.mentorTurns,
        m.menteeTurns,
        m.mentorBackchannels,
        m.menteeBackchannels,
        m.interruptions,
      ];
      expect(pick(metrics)).toEqual(pick(expected));
    });
  });

  it('gives the same share when the mic is 48 kHz float and the tab 44.1 kHz', () => {
    const truth = truthMetrics(truthOf('speaker-leak-loud'));
    const mic = atRate(load('speaker-leak-loud', 'mic.wav'), 48000);
    const tab = atRate(load('speaker-leak-loud', 'tab.wav'), 44100);
    const { metrics } = analyseRecordings(mic, tab);
    expect(Math.abs(metrics.mentorShare - truth.mentorShare) * 100).toBeLessThanOrEqual(SHARE_TOLERANCE_PP);
  });
});
