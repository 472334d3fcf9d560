// The AudioWorklet processor: runs on the audio thread, bundled by Vite (no remote code). Input 0
// is the microphone (the mentor), input 1 the call tab (everyone else). Each 128-sample block goes
// straight into the talk-time analyser and is dropped; only speech flags and segment times leave.
import { createTalkTimeAnalyser } from '@/utils/talk-time/analyser';
import { createSegmentFeed } from '@/utils/talk-time/segment-feed';

// The AudioWorkletGlobalScope's names, missing from TypeScript's DOM library.
declare const sampleRate: number;
declare function registerProcessor(name: string, ctor: new () => unknown): void;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}

/** Updates to the page this often: the gauge moves smoothly, the message rate stays tiny. */
const UPDATE_SECONDS = 0.25;

class TalkProcessor extends AudioWorkletProcessor {
  private readonly analyser = createTalkTimeAnalyser({ micSampleRate: sampleRate });
  private readonly feed = createSegmentFeed(this.analyser);
  private readonly silence = new Float32Array(128);
  private samplesSinceUpdate = 0;

  constructor() {
    super();
    this.port.onmessage = (event: MessageEvent) => {
      if (event.data === 'resync') this.feed.full();
    };
  }

  process(inputs: Float32Array[][]): boolean {
    const mic = inputs[0]?.[0];
    const tab = inputs[1]?.[0];
    const length = mic?.length ?? tab?.length ?? 128;
    if (this.silence.length !== length) this.silence.fill(0);
    this.analyser.pushFrames(mic ?? this.silence.subarray(0, length), tab ?? this.silence.subarray(0, length));
    this.samplesSinceUpdate += length;
    if (this.samplesSinceUpdate >= UPDATE_SECONDS * sampleRate) {
      this.samplesSinceUpdate = 0;
      this.port.postMessage(this.feed.next());
    }
    return true;
  }
}

registerProcessor('attune-talk', TalkProcessor);
