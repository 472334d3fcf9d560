import { describe, expect, it } from 'vitest';
import { analyse } from './analyse';
import { concat, fakeClicks, fakeNoise, fakeSilence, fakeVoice, mix } from './fake-signals';

const quietRoom = (seconds: number) => fakeNoise(seconds, -65, 11);

describe('voice activity on one channel', () => {
  it('counts a voice in a quiet room as talk, for as long as it lasts', () => {
    const mic = mix(concat(fakeSilence(2), fakeVoice(3, -20), fakeSilence(2)), quietRoom(7));
    const { metrics, segments } = analyse(mic, fakeSilence(7));
    expect(metrics.mentorSeconds).toBeGreaterThan(2.8);
    expect(metrics.mentorSeconds).toBeLessThan(3.2);
    expect(segments.mentor[0]?.start).toBeCloseTo(2, 1);
  });

  it('counts a voice from a quiet microphone, well under the usual level', () => {
    const mic = mix(concat(fakeSilence(2), fakeVoice(3, -50), fakeSilence(2)), fakeNoise(7, -80, 12));
    expect(analyse(mic, fakeSilence(7)).metrics.mentorSeconds).toBeGreaterThan(2.7);
  });

  it('does not count steady fan noise as talk, even a loud fan', () => {
    const mic = fakeNoise(8, -30, 13);
    expect(analyse(mic, fakeSilence(8)).metrics.mentorSeconds).toBe(0);
  });

  it('does not count a fan switched on mid-session as talk', () => {
    const mic = concat(fakeNoise(3, -70, 14), fakeNoise(6, -35, 15));
    expect(analyse(mic, fakeSilence(9)).metrics.mentorSeconds).toBe(0);
  });

  it('does not count key clicks as talk', () => {
    const mic = mix(fakeClicks(8, 7), quietRoom(8));
    expect(analyse(mic, fakeSilence(8)).metrics.mentorSeconds).toBe(0);
  });

  it('keeps a turn together across a short pause', () => {
    const mic = mix(
      concat(fakeSilence(1), fakeVoice(2, -20), fakeSilence(0.3), fakeVoice(2, -20), fakeSilence(1)),
      quietRoom(6.3),
    );
    const { segments } = analyse(mic, fakeSilence(6.3));
    expect(segments.mentor).toHaveLength(1);
  });

  it('ends the stretch of talk at a long pause, without padding it', () => {
    const mic = mix(
      concat(fakeSilence(1), fakeVoice(2, -20), fakeSilence(1.5), fakeVoice(2, -20), fakeSilence(1)),
      quietRoom(7.5),
    );
    const { segments, metrics } = analyse(mic, fakeSilence(7.5));
    expect(segments.mentor).toHaveLength(2);
    expect(metrics.mentorSeconds).toBeLessThan(4.3);
  });

  it('counts a short backchannel as talk', () => {
    const mic = mix(concat(fakeSilence(2), fakeVoice(0.35, -20), fakeSilence(2)), quietRoom(4.35));
    const { metrics } = analyse(mic, fakeSilence(4.35));
    expect(metrics.mentorSeconds).toBeGreaterThan(0.25);
    expect(metrics.mentorSeconds).toBeLessThan(0.5);
  });

  it('finds talk on the call tab the same way', () => {
    const tab = mix(concat(fakeSilence(1), fakeVoice(2.5, -25, 210), fakeSilence(1)), fakeNoise(4.5, -60, 16));
    const { metrics } = analyse(fakeSilence(4.5), tab);
    expect(metrics.menteeSeconds).toBeGreaterThan(2.3);
    expect(metrics.menteeSeconds).toBeLessThan(2.7);
    expect(metrics.mentorSeconds).toBe(0);
  });

  it('gives the same answer whatever block size the audio arrives in', () => {
    const mic = mix(concat(fakeSilence(1), fakeVoice(2, -20), fakeSilence(1)), quietRoom(4));
    const tab = mix(concat(fakeSilence(2.5), fakeVoice(1.5, -22, 200)), quietRoom(4));
    expect(analyse(mic, tab, 128).segments).toEqual(analyse(mic, tab, 5000).segments);
  });
});
