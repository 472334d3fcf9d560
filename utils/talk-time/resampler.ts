import { TalkTimeOptionsError } from './errors';

export interface Resampler {
  /** Converts the next block; state carries across blocks, so any block size gives the same output. */
  push(input: Float32Array): Float32Array;
}

/**
 * A streaming sample-rate converter for analysis, not for listening: going down it averages
 * each output period of input (a box filter, enough to keep energy honest for voice activity),
 * going up it interpolates linearly.
 */
export function createResampler(fromRateHz: number, toRateHz: number): Resampler {
  if (!(fromRateHz > 0) || !(toRateHz > 0))
    throw new TalkTimeOptionsError(`Sample rates must be positive (got ${fromRateHz} and ${toRateHz} Hz).`);
  const ratio = fromRateHz / toRateHz;
  if (ratio === 1) return { push: (input) => input.slice() };
  return ratio > 1 ? createDownsampler(ratio) : createUpsampler(ratio);
}

function createDownsampler(ratio: number): Resampler {
  let sum = 0;
  let filled = 0;
  return {
    push(input) {
      const out = new Float32Array(Math.ceil(input.length / ratio) + 1);
      let n = 0;
      for (let i = 0; i < input.length; i += 1) {
        const x = input[i] ?? 0;
        let weight = 1;
        while (filled + weight >= ratio) {
          const take = ratio - filled;
          out[n] = (sum + x * take) / ratio;
          n += 1;
          sum = 0;
          filled = 0;
          weight -= take;
        }
        sum += x * weight;
        filled += weight;
      }
      return out.subarray(0, n);
    },
  };
}

function createUpsampler(ratio: number): Resampler {
  let previous = 0;
  let position = 0;
  return {
    push(input) {
      const out = new Float32Array(Math.ceil(input.length / ratio) + 1);
      let n = 0;
      for (let i = 0; i < input.length; i += 1) {
        const x = input[i] ?? 0;
        while (position < 1) {
          out[n] = previous + (x - previous) * position;
          n += 1;
          position += ratio;
        }
        position -= 1;
        previous = x;
      }
      return out.subarray(0, n);
    },
  };
}
