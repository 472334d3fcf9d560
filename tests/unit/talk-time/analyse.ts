import { createTalkTimeAnalyser } from '@/utils/talk-time/analyser';
import type { TalkTimeMetrics, SpeakerSegments } from '@/utils/talk-time/types';
import { RATE_HZ } from './fake-signals';

/** Runs the analyser over two signals in worklet-sized blocks, as the extension will. */
export function analyse(
  mic: Float32Array,
  tab: Float32Array,
  blockSamples = 128,
): { metrics: TalkTimeMetrics; segments: SpeakerSegments } {
  const analyser = createTalkTimeAnalyser({ micSampleRate: RATE_HZ });
  for (let at = 0; at < Math.max(mic.length, tab.length); at += blockSamples) {
    analyser.pushFrames(mic.subarray(at, at + blockSamples), tab.subarray(at, at + blockSamples));
  }
  analyser.end();
  return { metrics: analyser.metrics(), segments: analyser.segments() };
}
