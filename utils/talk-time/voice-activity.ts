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
}

export interface FrameDecision {
  /** Clearly this channel's speaker: voiced, well above the floor and near their usual level. */
  anchor: boolean;
  /** Above the floor: may be a quiet part of speech next to an anchor. */
  candidate: boolean;
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

/**
 * Voice activity for one channel, adapting to its noise floor (minimum statistics) and to its
 * speaker's level (a fading histogram of voiced frames). `levelDb` is what is judged (the mic
 * with the call's leak taken out); `rawDb` is what the floor is measured on.
 */
export function createVoiceActivityDetector(options: VoiceActivityOptions) {
  const floor = createNoiseFloorTracker(options.noiseWindowFrames);
  const speech = createLevelHistogram(SPEECH_LEVEL_HALF_LIFE_FRAMES);
  return {
    get floorDb() {
      return Math.max(ABSOLUTE_FLOOR_DBFS, floor.floorDb);
    },
    /** `voicing` is called only when the level could be speech (it is the costly feature). */
    decide(rawDb: number, levelDb: number, voicing: () => number): FrameDecision {
      const floorDb = Math.max(ABSOLUTE_FLOOR_DBFS, floor.update(rawDb));
      const candidate = levelDb > floorDb + CANDIDATE_ABOVE_FLOOR_DB;
      if (levelDb <= floorDb + ANCHOR_ABOVE_FLOOR_DB || voicing() < MIN_VOICING) return { anchor: false, candidate };
      speech.add(levelDb);
      const usual = speech.weight >= MIN_SPEECH_LEVEL_FRAMES ? speech.percentile(SPEECH_LEVEL_PERCENTILE) : undefined;
      const anchor = usual === undefined || levelDb >= usual - options.belowSpeechLevelDb;
      return { anchor, candidate };
    },
  };
}

export type VoiceActivityDetector = ReturnType<typeof createVoiceActivityDetector>;
