import { describe, expect, it } from 'vitest';
import { createResampler } from '@/utils/talk-time/resampler';
import { TalkTimeOptionsError } from '@/utils/talk-time/errors';

const tone = (rate: number, seconds: number, hz: number) =>
  Float32Array.from({ length: Math.round(rate * seconds) }, (_, i) => Math.sin((2 * Math.PI * hz * i) / rate));
const rms = (x: Float32Array) => Math.sqrt(x.reduce((s, v) => s + v * v, 0) / x.length);

describe('createResampler', () => {
  it.each([[48000], [44100], [22050], [16000], [8000], [6000]])(
    'turns one second at %d Hz into one second at 8 kHz',
    (rate) => {
      const out = createResampler(rate, 8000).push(tone(rate, 1, 300));
      expect(Math.abs(out.length - 8000)).toBeLessThanOrEqual(1);
      expect(rms(out)).toBeGreaterThan(0.65);
      expect(rms(out)).toBeLessThan(0.75);
    },
  );

  it('gives the same samples whatever the block size', () => {
    const input = tone(44100, 0.5, 440);
    const whole = createResampler(44100, 8000).push(input);
    const blocked = createResampler(44100, 8000);
    const parts: number[] = [];
    for (let at = 0; at < input.length; at += 128) parts.push(...blocked.push(input.subarray(at, at + 128)));
    expect(parts.length).toBe(whole.length);
    parts.forEach((v, i) => expect(v).toBeCloseTo(whole[i] ?? 0, 5));
  });

  it('refuses a sample rate of zero', () => {
    expect(() => createResampler(0, 8000)).toThrow(TalkTimeOptionsError);
  });
});
