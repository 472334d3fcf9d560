import { createResampler, type Resampler } from './resampler';
import { energyDb, periodicity } from './frame-features';

/** Everything is analysed at this rate: enough for voice, cheap enough for a worklet. */
export const ANALYSIS_RATE_HZ = 8000;
export const FRAME_MS = 10;
export const FRAME_SAMPLES = (ANALYSIS_RATE_HZ * FRAME_MS) / 1000;
/** Rumble, hum and most fan noise live below this; voices barely do. */
const HIGHPASS_HZ = 150;
/** Periodicity looks at the last three frames, at half the analysis rate. */
const VOICING_FRAMES = 3;
const VOICING_DECIMATION = 2;
const PITCH_MIN_HZ = 60;
const PITCH_MAX_HZ = 400;
const VOICING_RATE_HZ = ANALYSIS_RATE_HZ / VOICING_DECIMATION;
const MIN_LAG = Math.floor(VOICING_RATE_HZ / PITCH_MAX_HZ);
const MAX_LAG = Math.ceil(VOICING_RATE_HZ / PITCH_MIN_HZ);

/**
 * One channel's way from raw blocks at any sample rate to 10 ms analysis frames: resampled to
 * ANALYSIS_RATE_HZ, high-passed, queued until whole frames are ready.
 */
export function createChannelFrames(sampleRateHz: number) {
  const resampler: Resampler = createResampler(sampleRateHz, ANALYSIS_RATE_HZ);
  const highpass = Math.exp((-2 * Math.PI * HIGHPASS_HZ) / ANALYSIS_RATE_HZ);
  let queue = new Float32Array(FRAME_SAMPLES * 64);
  let queued = 0;
  let previousIn = 0;
  let previousOut = 0;
  const recent = new Float32Array(FRAME_SAMPLES * VOICING_FRAMES);
  const decimated = new Float32Array(recent.length / VOICING_DECIMATION);
  const frame = recent.subarray(recent.length - FRAME_SAMPLES);
  const found = { lag: 0 };
  let frames = 0;
  let lagFrame = -1;

  function append(samples: Float32Array): void {
    if (queued + samples.length > queue.length) {
      const grown = new Float32Array(Math.max(queue.length * 2, queued + samples.length));
      grown.set(queue.subarray(0, queued));
      queue = grown;
    }
    for (let i = 0; i < samples.length; i += 1) {
      const x = samples[i] ?? 0;
      previousOut = highpass * (previousOut + x - previousIn);
      previousIn = x;
      queue[queued + i] = previousOut;
    }
    queued += samples.length;
  }

  return {
    push(samples: Float32Array): void {
      append(resampler.push(samples));
    },
    /** Pads the queue with silence to `frames` whole frames (to line up with a longer channel). */
    padTo(frames: number): void {
      const missing = frames * FRAME_SAMPLES - queued;
      if (missing > 0) append(new Float32Array(missing));
    },
    get readyFrames(): number {
      return Math.floor(queued / FRAME_SAMPLES);
    },
    /** Takes the next frame off the queue and returns its level in dBFS. */
    next(): number {
      recent.copyWithin(0, FRAME_SAMPLES);
      frame.set(queue.subarray(0, FRAME_SAMPLES));
      queue.copyWithin(0, FRAME_SAMPLES, queued);
      queued -= FRAME_SAMPLES;
      frames += 1;
      return energyDb(frame);
    },
    /** Periodicity of the last VOICING_FRAMES frames (0..1). */
    voicing(): number {
      for (let i = 0; i < decimated.length; i += 1) {
        decimated[i] = ((recent[i * 2] ?? 0) + (recent[i * 2 + 1] ?? 0)) / 2;
      }
      lagFrame = frames;
      return periodicity(decimated, MIN_LAG, MAX_LAG, found);
    },
    /** Pitch period of the current frame in samples at VOICING_RATE_HZ, 0 when `voicing` was not asked. */
    get pitchLag(): number {
      return lagFrame === frames ? found.lag : 0;
    },
  };
}

export type ChannelFrames = ReturnType<typeof createChannelFrames>;
