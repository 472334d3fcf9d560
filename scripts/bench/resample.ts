import type { DecodedWav } from '../../utils/talk-time/wav';

/** The same audio at another rate, by linear interpolation (good enough to time speech, not to listen to). */
export function resampleLinear(wav: DecodedWav, rate: number): DecodedWav {
  const length = Math.floor((wav.samples.length * rate) / wav.sampleRate);
  const samples = new Float32Array(length);
  for (let i = 0; i < length; i += 1) {
    const x = (i * wav.sampleRate) / rate;
    const j = Math.floor(x);
    const a = wav.samples[j] ?? 0;
    samples[i] = a + ((wav.samples[j + 1] ?? a) - a) * (x - j);
  }
  return { ...wav, sampleRate: rate, samples };
}
