import { createChannelFrames, FRAME_MS } from './channel-frames';
import { TalkTimeOptionsError } from './errors';
import { createLeakEstimator } from './leak-estimator';
import { createLevelHistogram } from './level-histogram';
import { talkMetrics } from './metrics';
import { createSegmenter, type FrameSegment, type Segmenter } from './segmenter';
import type { SpeakerSegments, TalkTimeMetrics } from './types';
import { createVoiceActivityDetector } from './voice-activity';

export interface TalkTimeAnalyserOptions {
  /** Sample rate of the microphone blocks (the mentor). */
  micSampleRate: number;
  /** Sample rate of the call tab's blocks (everyone else); defaults to the mic's. */
  tabSampleRate?: number;
}

/** Pauses up to this long stay inside one stretch of talk. */
export const MAX_PAUSE_MS = 500;
const EDGE_MS = 150;
/**
 * A word's last consonants may follow its vowel by this much: "-ft", "-nts", a final "t" released
 * after its closure (measured on the recorded alsa-utils prompts: up to about 200 ms).
 */
const CODA_MS = 250;
const MIN_VOICED_MS = 50;
const NOISE_WINDOW_MS = 5000;
/** Speaker-to-mic delay searched for the leak: the audio path plus a few metres of room. */
const MAX_LEAK_DELAY_MS = 250;
/** A voice this far under the mentor's usual level on the mic is someone else in the room. */
const MIC_BELOW_MENTOR_DB = 14;
/** The call tab mixes everyone at the levels the platform chose: only reject the very faint. */
const TAB_BELOW_SPEECH_DB = 30;

/**
 * While the mentee talks the mentor mostly listens, so what the mic hears then (the call's leak
 * taken out) is the room: colleagues, a TV. Its usual level is this percentile of those frames…
 */
const ROOM_LEVEL_PERCENTILE = 0.8;
const ROOM_HALF_LIFE_FRAMES = 6000;
/** …known once the mentee has talked this long; until then the mic's frames wait to be judged again. */
const ROOM_READY_FRAMES = 150;
/** The mentor's voice, close to the mic, stands this far above the room's voices. */
const ABOVE_ROOM_DB = 6;
const ROOM_REFRESH_FRAMES = 10;
/**
 * When the mentor's usual voice stands less than this far above the room's voices, the two cannot
 * be told apart by level: the room rule then throws away the mentor's quieter syllables (measured on
 * the corpus: 9.5 dB or less went with errors of 10 to 48 points; 11 dB or more stayed within 2). The
 * gauge says so instead of guessing. Left again only at the higher mark, so it does not flicker.
 */
export const ROOM_TOO_LOUD_BELOW_DB = 10.5;
const ROOM_SEPARABLE_AGAIN_DB = 11.5;
/** Frames kept for judging again are bounded: after five minutes with no mentee talk they are judged as they stand. */
const MAX_PENDING_FRAMES = 30_000;
/**
 * A voiced mic frame whose pitch is the call's own pitch, heard the leak's delay earlier, is the call
 * from the speakers (automatic gain can lift it over the predicted leak for a moment), not the mentor.
 */
const SAME_PITCH_LAGS = 1;
const SAME_PITCH_SPREAD_FRAMES = 2;

const framesOf = (ms: number) => Math.round(ms / FRAME_MS);

function createTalkSegmenter(): Segmenter {
  return createSegmenter({
    maxPauseFrames: framesOf(MAX_PAUSE_MS),
    onsetFrames: framesOf(EDGE_MS),
    offsetFrames: framesOf(CODA_MS),
    minAnchorFrames: framesOf(MIN_VOICED_MS),
  });
}

function toSeconds(segments: readonly FrameSegment[], open: FrameSegment | undefined) {
  const all = open ? [...segments, open] : segments;
  return all.map((s) => ({ start: (s.start * FRAME_MS) / 1000, end: (s.end * FRAME_MS) / 1000 }));
}

/**
 * The talk-time analyser: feed it blocks of mic and tab samples as they arrive (an AudioWorklet's
 * 128-sample blocks, or a whole file at once), ask for metrics whenever the panel wants them. Mic
 * talk counts as the mentor's only when it is voiced (or a sustained whisper), near the mentor's
 * usual level, above the room's own voices (learned while the mentee talks, and applied again to
 * what was judged before), and not explained by the call audio leaking from the speakers (level,
 * or the call's own pitch). Tab sound that never dips like speech (music) is not the mentee.
 */
export function createTalkTimeAnalyser(options: TalkTimeAnalyserOptions) {
  const tabRate = options.tabSampleRate ?? options.micSampleRate;
  if (!Number.isFinite(options.micSampleRate) || !Number.isFinite(tabRate)) {
    throw new TalkTimeOptionsError('Sample rates must be finite numbers of hertz.');
  }
  const mic = createChannelFrames(options.micSampleRate);
  const tab = createChannelFrames(tabRate);
  const micVad = createVoiceActivityDetector({
    belowSpeechLevelDb: MIC_BELOW_MENTOR_DB,
    noiseWindowFrames: framesOf(NOISE_WINDOW_MS),
    unvoicedSpeech: true,
  });
  const tabVad = createVoiceActivityDetector({
    belowSpeechLevelDb: TAB_BELOW_SPEECH_DB,
    noiseWindowFrames: framesOf(NOISE_WINDOW_MS),
    rejectSteady: true,
  });
  const leak = createLeakEstimator({ maxDelayFrames: framesOf(MAX_LEAK_DELAY_MS) });
  let mentor = createTalkSegmenter();
  const mentee = createTalkSegmenter();
  const room = createLevelHistogram(ROOM_HALF_LIFE_FRAMES);
  let roomDb: number | undefined;
  let roomTooLoud = false;
  let revision = 0;
  // Mic frames judged before the room was known: residual level and the two flags, to judge again.
  let pending: { levels: number[]; flags: number[] } | undefined = { levels: [], flags: [] };
  const tabLags = new Uint8Array(framesOf(MAX_LEAK_DELAY_MS) + SAME_PITCH_SPREAD_FRAMES * 2 + 2);
  let frames = 0;
  let ended = false;
  let speaking = { mentor: false, mentee: false };

  const pushMentor = (target: Segmenter, levelDb: number, anchor: boolean, candidate: boolean, voiced: boolean) => {
    if (roomDb === undefined) target.push(anchor, candidate, voiced);
    else target.push(anchor && levelDb >= roomDb + ABOVE_ROOM_DB, candidate && levelDb >= roomDb, voiced);
  };

  function sameAsCall(micLag: number, delay: number): boolean {
    if (micLag === 0) return false;
    for (let k = delay - SAME_PITCH_SPREAD_FRAMES; k <= delay + SAME_PITCH_SPREAD_FRAMES; k += 1) {
      if (k < 0 || k > frames) continue;
      const lag = tabLags[(frames - k) % tabLags.length] ?? 0;
      if (lag > 0 && Math.abs(lag - micLag) <= SAME_PITCH_LAGS) return true;
    }
    return false;
  }

  function learnRoom(levelDb: number): void {
    room.add(levelDb);
    if (frames % ROOM_REFRESH_FRAMES !== 0 && roomDb !== undefined) return;
    if (room.weight < ROOM_READY_FRAMES) return;
    roomDb = room.percentile(ROOM_LEVEL_PERCENTILE);
    const usual = micVad.usualDb;
    if (usual !== undefined && roomDb !== undefined) {
      const margin = usual - roomDb;
      roomTooLoud = roomTooLoud ? margin < ROOM_SEPARABLE_AGAIN_DB : margin < ROOM_TOO_LOUD_BELOW_DB;
    }
    if (!pending) return;
    // The room is known now: judge the frames heard before it again.
    const replay = createTalkSegmenter();
    pending.levels.forEach((db, i) => {
      const flags = pending?.flags[i] ?? 0;
      pushMentor(replay, db, (flags & 1) === 1, (flags & 2) === 2, (flags & 4) === 4);
    });
    const same = (a: FrameSegment | undefined, b: FrameSegment | undefined) =>
      a?.start === b?.start && a?.end === b?.end;
    const changed =
      replay.segments.length !== mentor.segments.length ||
      replay.segments.some((segment, i) => !same(segment, mentor.segments[i])) ||
      !same(replay.open, mentor.open);
    mentor = replay;
    pending = undefined;
    // Only a changed judgement needs resending.
    if (changed) revision += 1;
  }

  function analyseFrame(): void {
    const micDb = mic.next();
    const tabDb = tab.next();
    const tabDecision = tabVad.decide(tabDb, tabDb, tab.voicing, () => tab.pitchLag);
    const { residualDb, delayFrames } = leak.update(micDb, tabDb, micVad.floorDb, tabVad.floorDb);
    tabLags[frames % tabLags.length] = tab.pitchLag;
    const heard = micVad.decide(micDb, residualDb, mic.voicing);
    const micDecision =
      heard.anchor && delayFrames !== undefined && sameAsCall(mic.pitchLag, delayFrames)
        ? { anchor: false, candidate: heard.candidate, voiced: true }
        : heard;
    if (pending) {
      pending.levels.push(residualDb);
      pending.flags.push((micDecision.anchor ? 1 : 0) | (micDecision.candidate ? 2 : 0) | (micDecision.voiced ? 4 : 0));
      if (pending.levels.length > MAX_PENDING_FRAMES) pending = undefined;
    }
    // Without a leak the two channels' syllables do not line up, and the mic's own level is the room;
    // with one, what is left after taking the leak out is.
    if (tabDecision.anchor) learnRoom(delayFrames === undefined ? micDb : residualDb);
    pushMentor(mentor, residualDb, micDecision.anchor, micDecision.candidate, micDecision.voiced);
    mentee.push(tabDecision.anchor, tabDecision.candidate, tabDecision.voiced);
    speaking = {
      mentor: micDecision.anchor && (roomDb === undefined || residualDb >= roomDb + ABOVE_ROOM_DB),
      mentee: tabDecision.anchor,
    };
    frames += 1;
  }

  function drain(): void {
    while (mic.readyFrames > 0 && tab.readyFrames > 0) analyseFrame();
  }

  return {
    /** Feeds the next block of each channel; blocks may differ in length and sample rate. */
    pushFrames(micSamples: Float32Array, tabSamples: Float32Array): void {
      if (ended) throw new TalkTimeOptionsError('This analyser has ended; create a new one for a new session.');
      mic.push(micSamples);
      tab.push(tabSamples);
      drain();
    },
    /** Ends the session: analyses what is left (the shorter channel padded with silence). */
    end(): void {
      if (ended) return;
      const total = Math.max(mic.readyFrames, tab.readyFrames);
      mic.padTo(total);
      tab.padTo(total);
      drain();
      mentor.finish();
      mentee.finish();
      ended = true;
    },
    /** Voiced this frame (the live flags the panel may show). */
    get speaking(): { mentor: boolean; mentee: boolean } {
      return speaking;
    },
    /** How many segments each speaker has closed (the rest of `segments()` is still open). */
    /** Goes up when the mentor's earlier segments were judged again (the room became known): resend them. */
    get revision(): number {
      return revision;
    },
    get closedCounts(): { mentor: number; mentee: number } {
      return { mentor: mentor.segments.length, mentee: mentee.segments.length };
    },
    /** Other voices in the mentor's room are too close to the mentor's own level to tell apart. */
    get roomTooLoud(): boolean {
      return roomTooLoud;
    },
    get analysedSeconds(): number {
      return (frames * FRAME_MS) / 1000;
    },
    segments(): SpeakerSegments {
      return { mentor: toSeconds(mentor.segments, mentor.open), mentee: toSeconds(mentee.segments, mentee.open) };
    },
    metrics(): TalkTimeMetrics {
      return talkMetrics(this.segments(), this.analysedSeconds);
    },
  };
}

export type TalkTimeAnalyser = ReturnType<typeof createTalkTimeAnalyser>;
