import { describe, expect, it } from 'vitest';
import { createTalkTimeAnalyser } from '@/utils/talk-time/analyser';
import { createSegmentFeed } from '@/utils/talk-time/segment-feed';
import { createRandom, synthUtterance, SYNTH_RATE_HZ } from '../../../scripts/talk-corpus/synth-voice';
import { talkShow } from '../../../scripts/talk-corpus/room-scenarios';
import { analyse } from './analyse';
import { concat, fakeNoise, fakeSilence, fakeVoice, mix, RATE_HZ } from './fake-signals';

const at8k = (seconds: number) => Math.round(seconds * SYNTH_RATE_HZ);
const gain = (signal: Float32Array, db: number) => signal.map((v) => v * 10 ** (db / 20));

/** TV in the mentor's room from the start; the mentee talks 6–12 s; the mentor 14–18 s. */
function tvRoom() {
  const random = createRandom(77);
  const length = at8k(20);
  const tv = gain(talkShow(length, random), -14);
  const mentee = new Float32Array(length);
  mentee.set(
    synthUtterance(6, { f0Hz: 200, formantScale: 1.1, syllablesPerSecond: 5 }, random).subarray(0, at8k(6)),
    at8k(6),
  );
  const mentor = new Float32Array(length);
  mentor.set(
    synthUtterance(4, { f0Hz: 115, formantScale: 0.95, syllablesPerSecond: 4.5 }, random).subarray(0, at8k(4)),
    at8k(14),
  );
  return { mic: mix(mentor, tv), tab: mentee };
}

describe("the room model (voices in the mentor's room)", () => {
  it('judges again the talk it took for the mentor before it had heard the room, and the feed resends it', () => {
    const { mic, tab } = tvRoom();
    const analyser = createTalkTimeAnalyser({ micSampleRate: SYNTH_RATE_HZ });
    const feed = createSegmentFeed(analyser);
    const block = SYNTH_RATE_HZ / 10;
    let firstMentor: Array<{ start: number; end: number }> = [];
    let sentBefore = 0;
    let resentFrom: number | undefined;
    for (let i = 0; i < mic.length; i += block) {
      analyser.pushFrames(mic.subarray(i, i + block), tab.subarray(i, i + block));
      const revision = analyser.revision;
      const update = feed.next();
      if (revision === 0) sentBefore += update.mentor.closed.length;
      else resentFrom ??= update.mentor.from;
      if (i === at8k(5.5)) firstMentor = analyser.segments().mentor;
    }
    analyser.end();
    expect(sentBefore).toBeGreaterThan(0);
    expect(resentFrom).toBe(0);
    const secondsIn = (segments: Array<{ start: number; end: number }>, from: number, to: number) =>
      segments.reduce((sum, s) => sum + Math.max(0, Math.min(s.end, to) - Math.max(s.start, from)), 0);
    // Before the mentee spoke, the TV passed for the mentor…
    expect(secondsIn(firstMentor, 0, 6)).toBeGreaterThan(3);
    // …once the room was heard, that was taken back (bar a peak or two), and the mentor's own talk stays.
    expect(analyser.revision).toBe(1);
    const mentor = analyser.segments().mentor;
    expect(secondsIn(mentor, 0, 13)).toBeLessThan(1);
    expect(secondsIn(mentor, 13, 20)).toBeGreaterThan(3.5);
  }, 30_000);

  it('keeps at most five minutes of frames to judge again: after that they stand as judged', () => {
    const analyser = createTalkTimeAnalyser({ micSampleRate: RATE_HZ });
    const stretch = mix(fakeVoice(31, -30, 110), fakeNoise(31, -66, 8));
    const silence = new Float32Array(stretch.length);
    for (let m = 0; m < 10; m += 1) analyser.pushFrames(stretch, silence);
    analyser.pushFrames(stretch.subarray(0, 4 * RATE_HZ), fakeVoice(4, -20, 210));
    analyser.end();
    expect(analyser.revision).toBe(0);
    expect(analyser.metrics().mentorSeconds).toBeGreaterThan(300);
  }, 60_000);

  it('still counts a mentor in a quiet room, and one talking over the mentee', () => {
    const tab = mix(concat(fakeSilence(1), fakeVoice(6, -20, 210), fakeSilence(4)), fakeNoise(11, -70, 3));
    const mic = mix(concat(fakeSilence(5), fakeVoice(5, -18, 120), fakeSilence(1)), fakeNoise(11, -66, 4));
    const { metrics } = analyse(mic, tab);
    expect(metrics.mentorSeconds).toBeGreaterThan(4.6);
    expect(metrics.overlapSeconds).toBeGreaterThan(1.6);
  });
});

describe('voices the pitch search used to miss', () => {
  it('counts a 68 Hz voice as voiced talk', () => {
    const mic = mix(concat(fakeSilence(1), fakeVoice(4, -20, 68), fakeSilence(1)), fakeNoise(6, -66, 5));
    const { metrics } = analyse(mic, fakeSilence(6));
    expect(metrics.mentorSeconds).toBeGreaterThan(3.6);
  });

  it("counts a whisper (no voicing at all) as the mentor's talk", () => {
    const random = createRandom(91);
    const whisper = gain(
      synthUtterance(5, { f0Hz: 0, formantScale: 1, syllablesPerSecond: 4.5, whisper: true }, random),
      -10,
    );
    const length = at8k(8);
    const mic = new Float32Array(length);
    mic.set(whisper.subarray(0, Math.min(whisper.length, length - at8k(1.5))), at8k(1.5));
    const noise = createRandom(92);
    for (let i = 0; i < length; i += 1) mic[i] = (mic[i] ?? 0) + (noise() * 2 - 1) * 10 ** (-70 / 20) * Math.sqrt(3);
    const analyser = createTalkTimeAnalyser({ micSampleRate: SYNTH_RATE_HZ });
    analyser.pushFrames(mic, new Float32Array(length));
    analyser.end();
    // The whisper lasts about 5 s.
    expect(analyser.metrics().mentorSeconds).toBeGreaterThan(4.5);
    expect(analyser.metrics().mentorSeconds).toBeLessThan(5.5);
  });
});

describe('music in the call tab', () => {
  it('does not count sustained notes (a melody of half-second notes) as the mentee, but counts the mentee after it', () => {
    const notes = [220, 247, 262, 294, 330, 294, 262, 247];
    const chord = Float32Array.from({ length: 8 * RATE_HZ }, (_, i) => {
      const t = i / RATE_HZ;
      const hz = notes[Math.floor(t * 2) % notes.length] ?? 220;
      let v = 0;
      for (let h = 1; h <= 6; h += 1) v += Math.sin(2 * Math.PI * hz * h * t) / h;
      return v * 0.05;
    });
    const tab = mix(
      concat(fakeSilence(2), chord, fakeSilence(1), fakeVoice(3, -20, 200), fakeSilence(1)),
      fakeNoise(15, -70, 6),
    );
    const { metrics } = analyse(fakeNoise(15, -66, 7), tab);
    expect(metrics.menteeSeconds).toBeGreaterThan(2.6);
    expect(metrics.menteeSeconds).toBeLessThan(3.8);
  });
});
