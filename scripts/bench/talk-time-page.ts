/**
 * The page side of the in-browser talk-time measurement, bundled by talk-time-browser.ts: the
 * analyser the offscreen AudioWorklet runs, fed two channels in 128-sample render quanta as the
 * audio thread feeds it, timed with performance.now(). The anchor touches every sample of the
 * same quanta (a sum), the least any analysis must do.
 */
import { createTalkTimeAnalyser } from '../../utils/talk-time/analyser';
import { createSegmentFeed } from '../../utils/talk-time/segment-feed';

const QUANTUM = 128;
const UPDATE_SECONDS = 0.25;

function run(mic: Float32Array, tab: Float32Array, rate: number, mode: 'analyser' | 'anchor'): number {
  const analyser = createTalkTimeAnalyser({ micSampleRate: rate });
  const feed = createSegmentFeed(analyser);
  let sinceUpdate = 0;
  let sink = 0;
  const started = performance.now();
  for (let at = 0; at + QUANTUM <= mic.length; at += QUANTUM) {
    const m = mic.subarray(at, at + QUANTUM);
    const t = tab.subarray(at, at + QUANTUM);
    if (mode === 'anchor') {
      for (let i = 0; i < QUANTUM; i += 1) sink += (m[i] ?? 0) + (t[i] ?? 0);
      continue;
    }
    analyser.pushFrames(m, t);
    sinceUpdate += QUANTUM;
    if (sinceUpdate >= UPDATE_SECONDS * rate) {
      sinceUpdate = 0;
      const update = feed.next();
      sink += update.mentor.closed.length + update.mentee.closed.length;
    }
  }
  const elapsed = performance.now() - started;
  // Keeps the anchor's sum from being optimised away.
  return sink === Number.MIN_VALUE ? -1 : elapsed;
}

function decode(base64: string): Float32Array {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new Float32Array(bytes.buffer);
}

Object.assign(globalThis, {
  talkTimeBench(micBase64: string, tabBase64: string, rate: number, rounds: number) {
    const mic = decode(micBase64);
    const tab = decode(tabBase64);
    const times = { analyser: [] as number[], anchor: [] as number[] };
    run(mic, tab, rate, 'analyser'); // warm-up
    for (let r = 0; r < rounds; r += 1) {
      times.analyser.push(run(mic, tab, rate, 'analyser'));
      times.anchor.push(run(mic, tab, rate, 'anchor'));
    }
    return { seconds: mic.length / rate, ...times };
  },
});
