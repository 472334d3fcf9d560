import { createTalkTimeAnalyser } from './analyser';
import type { SpeakerSegments, TalkTimeMetrics } from './types';
import type { DecodedWav } from './wav';

/** Blocks the size an offscreen document might post, so batch runs take the streaming path. */
const BLOCK_SECONDS = 0.1;

export interface TalkTimeReport {
  metrics: TalkTimeMetrics;
  segments: SpeakerSegments;
  /** The room was too loud to tell the mentor's voice from others' when the recording ended. */
  roomTooLoud: boolean;
}

/** Runs the streaming analyser over two whole recordings, block by block, as the extension would. */
export function analyseRecordings(mic: DecodedWav, tab: DecodedWav): TalkTimeReport {
  const analyser = createTalkTimeAnalyser({ micSampleRate: mic.sampleRate, tabSampleRate: tab.sampleRate });
  const seconds = Math.max(mic.samples.length / mic.sampleRate, tab.samples.length / tab.sampleRate);
  const blocks = Math.ceil(seconds / BLOCK_SECONDS);
  const slice = (wav: DecodedWav, block: number) => {
    const size = Math.round(wav.sampleRate * BLOCK_SECONDS);
    return wav.samples.subarray(block * size, (block + 1) * size);
  };
  for (let block = 0; block < blocks; block += 1) analyser.pushFrames(slice(mic, block), slice(tab, block));
  analyser.end();
  return { metrics: analyser.metrics(), segments: analyser.segments(), roomTooLoud: analyser.roomTooLoud };
}
