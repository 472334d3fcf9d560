/**
 * Silero VAD, the model shipped inside @ricky0123/vad-web (dev dependency only), run per channel
 * with onnxruntime-web's WebAssembly backend on one thread: the comparison for the talk-time
 * analyser. 16 kHz, 512-sample frames with the 64 samples before each frame as context, the state
 * carried from frame to frame, as silero-vad's own wrapper does.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as ort from 'onnxruntime-web';
import type { DecodedWav } from '../../utils/talk-time/wav';
import type { TalkSegment } from '../../utils/talk-time/types';
import { resampleLinear } from './resample';
import { speechTimestamps } from './speech-timestamps';

export const SILERO_MODEL = 'node_modules/@ricky0123/vad-web/dist/silero_vad_v5.onnx';
const RATE = 16_000;
const FRAME = 512;
const CONTEXT = 64;

export interface SileroVad {
  /** Speech segments (seconds) of one channel. */
  segments(wav: DecodedWav): Promise<TalkSegment[]>;
}

export async function createSileroVad(): Promise<SileroVad> {
  ort.env.wasm.numThreads = 1;
  const session = await ort.InferenceSession.create(readFileSync(resolve(SILERO_MODEL)), {
    executionProviders: ['wasm'],
  });
  const sr = new ort.Tensor('int64', BigInt64Array.from([BigInt(RATE)]), []);

  async function probabilities(samples: Float32Array): Promise<Float32Array> {
    const frames = Math.floor(samples.length / FRAME);
    const out = new Float32Array(frames);
    let state = new ort.Tensor('float32', new Float32Array(2 * 128), [2, 1, 128]);
    const input = new Float32Array(CONTEXT + FRAME);
    for (let f = 0; f < frames; f += 1) {
      // The previous frame's last 64 samples, then this frame.
      input.set(f === 0 ? new Float32Array(CONTEXT) : samples.subarray(f * FRAME - CONTEXT, f * FRAME), 0);
      input.set(samples.subarray(f * FRAME, (f + 1) * FRAME), CONTEXT);
      const result = await session.run({ input: new ort.Tensor('float32', input, [1, input.length]), state, sr });
      state = result.stateN as typeof state;
      out[f] = Number((result.output as ort.Tensor).data[0] ?? 0);
    }
    return out;
  }

  return {
    async segments(wav) {
      const at16k = wav.sampleRate === RATE ? wav : resampleLinear(wav, RATE);
      return speechTimestamps(await probabilities(at16k.samples), FRAME / RATE);
    },
  };
}
