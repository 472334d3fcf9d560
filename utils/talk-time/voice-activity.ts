import { createLevelHistogram } from './level-histogram';
import { createNoiseFloorTracker } from './noise-floor';

export interface VoiceActivityOptions {
  /**
   * Voiced frames more than this far under the channel's usual speech level are someone else
   * (a colleague across the room on the mic). Loose on the call tab, where every voice counts.
   */
  belowSpeechLevelDb: number;
  /** Window of the noise-floor minimum, in frames. */
  noiseWindowFrames: number;
  /**
   * Sustained unvoiced sound with syllable-like dips counts as speech (a whisper). Only on the mic:
   * the mentor close to it is the loudest thing there.
   */
  unvoicedSpeech?: boolean;
  /**
   * A sound that never dips (music, a tone, hold music) is not speech, however periodic: speech
   * stops between syllables and words several times a second.
   */
  rejectSteady?: boolean;
}

export interface FrameDecision {
  /** Clearly this channel's speaker: voiced, well above the floor and near their usual level. */
  anchor: boolean;
  /** Above the floor: may be a quiet part of speech next to an anchor. */
  candidate: boolean;
  /** Periodic (a vowel, a voiced consonant, someone else's voice); only asked of frames loud enough to be speech. */
  voiced: boolean;
}

/** No floor is assumed lower than this, so digital silence does not make every whisper talk. */
const ABSOLUTE_FLOOR_DBFS = -80;
const CANDIDATE_ABOVE_FLOOR_DB = 6;
const ANCHOR_ABOVE_FLOOR_DB = 12;
const MIN_VOICING = 0.5;
/** The usual speech level is this percentile of voiced frames' levels… */
const SPEECH_LEVEL_PERCENTILE = 0.9;
/** …over roughly the last two minutes of voiced frames. */
const SPEECH_LEVEL_HALF_LIFE_FRAMES = 12_000;
const MIN_SPEECH_LEVEL_FRAMES = 30;
/** Speech dips at least this much within any DIP_WINDOW_FRAMES; music and steady noise do not. */
const MIN_DIP_DB = 15;
const DIP_WINDOW_FRAMES = 60;
/** Within this long after a steady sound, a bar's new chord must not pass for speech: a deeper dip is asked. */
const STEADY_HANGOVER_FRAMES = 100;
const MIN_DIP_AFTER_STEADY_DB = 20;
/**
 * A steady sound is music only if its pitch is held too: a note keeps its exact period for a tenth
 * of a second and more, a voice glides. Over the dip window, at least this share of the periodic
 * frames must have the same period as 100 ms before (music measured mostly at 0.5–1.0, speech over a
 * soundtrack mostly at 0–0.3 on the room corpus). Without it, a mentee talking over a video's
 * soundtrack a few dB under their voice, whose level never dips to silence, was taken for the music.
 */
const HELD_PITCH_SHARE = 0.5;
const HELD_PITCH_APART_FRAMES = 10;
const HELD_PITCH_MIN_PAIRS = 20;
/**
 * For three seconds after music was heard, the floor may be the music: a periodic frame only 6 dB
 * over it counts as loud enough for speech if the pitch around it glides (under this share held).
 * Probed with the mentee's turn 3 to 12 dB over a soundtrack, three seeds: errors -1.9 to 0 points
 * (the level rule alone: -0.8 to +5.5).
 */
const OVER_MUSIC_FRAMES = 300;
const OVER_MUSIC_HELD_PITCH_SHARE = 0.35;
/** Unvoiced sound must last this long above the anchor level to be whispered speech (key clicks do not). */
const MIN_UNVOICED_RUN_FRAMES = 12;
/** …and swell and fade within that run as syllables do (a fan switched on holds steady). */
const MIN_UNVOICED_SWING_DB = 6;

/**
 * Voice activity for one channel, adapting to its noise floor (minimum statistics) and to its
 * speaker's level (a fading histogram of voiced frames). `levelDb` is what is judged (the mic
 * with the call's leak taken out); `rawDb` is what the floor is measured on.
 */
export function createVoiceActivityDetector(options: VoiceActivityOptions) {
  const floor = createNoiseFloorTracker(options.noiseWindowFrames);
  const speech = createLevelHistogram(SPEECH_LEVEL_HALF_LIFE_FRAMES);
  const recent = new Float32Array(DIP_WINDOW_FRAMES).fill(-200);
  /** Pitch period of each recent frame, 0 where it was not periodic (or not asked). */
  const lags = new Uint16Array(DIP_WINDOW_FRAMES + HELD_PITCH_APART_FRAMES);
  let frame = 0;
  let run = 0;
  let lastSteady = Number.NEGATIVE_INFINITY;
  let runMin = 0;
  let runMax = 0;
  /** How far the level moved over the last DIP_WINDOW_FRAMES (0 until the window is full). */
  const dipDb = () => {
    if (frame < DIP_WINDOW_FRAMES) return Number.POSITIVE_INFINITY;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < DIP_WINDOW_FRAMES; i += 1) {
      const v = recent[i] ?? 0;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    return max - min;
  };
  /** Share of the window's periodic frames whose period is the one of 100 ms earlier. */
  const heldPitchShare = () => {
    let periodic = 0;
    let held = 0;
    for (let back = 0; back < DIP_WINDOW_FRAMES; back += 1) {
      const lag = lags[(frame - 1 - back + lags.length * 2) % lags.length] ?? 0;
      const before = lags[(frame - 1 - back - HELD_PITCH_APART_FRAMES + lags.length * 2) % lags.length] ?? 0;
      if (lag === 0 || before === 0) continue;
      periodic += 1;
      if (lag === before) held += 1;
    }
    // Too few periodic frames to tell: as held (the level rule alone decides, as before).
    return periodic < HELD_PITCH_MIN_PAIRS ? 1 : held / periodic;
  };
  const usualLevel = () =>
    speech.weight >= MIN_SPEECH_LEVEL_FRAMES ? speech.percentile(SPEECH_LEVEL_PERCENTILE) : undefined;
  return {
    get floorDb() {
      return Math.max(ABSOLUTE_FLOOR_DBFS, floor.floorDb);
    },
    /** The speaker's usual voiced level, once enough voiced frames were heard. */
    get usualDb(): number | undefined {
      return usualLevel();
    },
    /**
     * `voicing` is called only when the level could be speech (it is the costly feature); `pitchLag`,
     * the period it found, only where steady sound must be told from speech.
     */
    decide(rawDb: number, levelDb: number, voicing: () => number, pitchLag: () => number = () => 0): FrameDecision {
      const floorDb = Math.max(ABSOLUTE_FLOOR_DBFS, floor.update(rawDb));
      recent[frame % DIP_WINDOW_FRAMES] = Math.max(levelDb, floorDb);
      lags[frame % lags.length] = 0;
      frame += 1;
      const candidate = levelDb > floorDb + CANDIDATE_ABOVE_FLOOR_DB;
      let loud = levelDb > floorDb + ANCHOR_ABOVE_FLOOR_DB;
      let periodicity = -1;
      if (!loud && candidate && options.rejectSteady && frame - lastSteady <= OVER_MUSIC_FRAMES) {
        // Over a soundtrack the floor is the music: a voice a few dB over it, gliding in pitch, is speech.
        periodicity = voicing();
        if (periodicity >= MIN_VOICING) {
          lags[(frame - 1) % lags.length] = pitchLag();
          loud = heldPitchShare() < OVER_MUSIC_HELD_PITCH_SHARE;
        }
      }
      run = loud ? run + 1 : 0;
      if (!loud) return { anchor: false, candidate, voiced: false };
      runMin = run === 1 ? levelDb : Math.min(runMin, levelDb);
      runMax = run === 1 ? levelDb : Math.max(runMax, levelDb);
      if (periodicity < 0) periodicity = voicing();
      if (options.rejectSteady) {
        if (periodicity >= MIN_VOICING) lags[(frame - 1) % lags.length] = pitchLag();
        const dip = dipDb();
        const needed = frame - lastSteady <= STEADY_HANGOVER_FRAMES ? MIN_DIP_AFTER_STEADY_DB : MIN_DIP_DB;
        if (dip < needed && heldPitchShare() >= HELD_PITCH_SHARE) {
          if (dip < MIN_DIP_DB) lastSteady = frame;
          return { anchor: false, candidate: false, voiced: false };
        }
      }
      if (periodicity < MIN_VOICING) {
        if (!options.unvoicedSpeech || run < MIN_UNVOICED_RUN_FRAMES || runMax - runMin < MIN_UNVOICED_SWING_DB)
          return { anchor: false, candidate, voiced: false };
        const usual = usualLevel();
        return {
          anchor: usual === undefined || levelDb >= usual - options.belowSpeechLevelDb,
          candidate,
          voiced: false,
        };
      }
      speech.add(levelDb);
      const usual = usualLevel();
      const anchor = usual === undefined || levelDb >= usual - options.belowSpeechLevelDb;
      return { anchor, candidate, voiced: true };
    },
  };
}

export type VoiceActivityDetector = ReturnType<typeof createVoiceActivityDetector>;
