export { createTalkTimeAnalyser, type TalkTimeAnalyser, type TalkTimeAnalyserOptions } from './analyser';
export { analyseRecordings, type TalkTimeReport } from './analyse-recordings';
export { talkMetrics } from './metrics';
export { readWav, type DecodedWav } from './wav';
export { encodeWav, type WavEncoding } from './wav-encode';
export { WavError, TalkTimeOptionsError, type WavFailure } from './errors';
export type * from './types';
