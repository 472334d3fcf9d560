import { createLevelHistogram } from './level-histogram';
import { dbToPower, powerToDb, SILENCE_DBFS } from './frame-features';

export interface LeakEstimatorOptions {
  /** Longest speaker-to-mic delay searched, in frames. */
  maxDelayFrames: number;
}

export interface LeakEstimate {
  /** The mic's level with the predicted leak of the call audio taken out, in dB. */
  residualDb: number;
  /** Predicted level of the call audio in the mic, in dB (SILENCE_DBFS when none). */
  leakDb: number;
  /** The delay the envelopes agree on, in frames, or undefined while unsure. */
  delayFrames: number | undefined;
}

/** The call audio counts as a reference for the leak only when this far above its own floor. */
const REFERENCE_ABOVE_FLOOR_DB = 15;
/**
 * Percentile of mic-over-reference level ratios taken as the leak's gain: most frames with the
 * call talking hold only leak in the mic; frames where the mentor talks over it have higher ratios.
 */
const LEAK_RATIO_PERCENTILE = 0.5;
/** Subtract a bit more than predicted: a frame's leak varies around the typical gain. */
const LEAK_OVERSUBTRACT_DB = 5;
/** Echoes in the room keep the leak going a few frames after the call audio stops. */
const ROOM_TAIL_FRAMES = 4;
const ENVELOPE_SMOOTHING = 0.9;
const CORRELATION_HALF_LIFE_FRAMES = 3000;
const MIN_CORRELATION = 0.3;
const RATIO_HALF_LIFE_FRAMES = 3000;
/**
 * Until this many frames of call talk have been measured, assume the speakers may be as loud in
 * the mic as the call itself: a mentor's first words over the mentee may be missed, but the first
 * syllables of leak are not counted as the mentor.
 */
const LEAK_WARMUP_FRAMES = 150;
const WARMUP_GAIN_DB = 0;
/** Envelope values are measured this far above each channel's floor, so hiss adds nothing. */
const ENVELOPE_ABOVE_FLOOR_DB = 6;

/**
 * Predicts how much of the call audio (tab) reaches the microphone through the laptop's speakers
 * and takes it out of the mic's level. The delay comes from correlating the two channels' level
 * modulations (syllables line up, shifted by the acoustic delay); the gain is a low percentile of
 * mic-over-tab level while the tab is talking. With headphones the gain found is just the mic's
 * hiss under a talking tab, which removes nothing that matters.
 */
export function createLeakEstimator(options: LeakEstimatorOptions) {
  const lags = options.maxDelayFrames + 1;
  const history = lags + ROOM_TAIL_FRAMES + 1;
  const tabPower = new Float64Array(history);
  const tabEnvelope = new Float64Array(history);
  const cross = new Float64Array(lags);
  // One histogram per predictor, so switching between them never mixes ratios measured two ways.
  const ratiosNarrow = createLevelHistogram(RATIO_HALF_LIFE_FRAMES);
  const ratiosWide = createLevelHistogram(RATIO_HALF_LIFE_FRAMES);
  const decay = 2 ** (-1 / CORRELATION_HALF_LIFE_FRAMES);
  let micEnergy = 0;
  let tabEnergy = 0;
  let micSmooth: number | undefined;
  let tabSmooth: number | undefined;
  let frame = 0;

  const at = (ring: Float64Array, lag: number) => ring[(frame - lag + history * 2) % history] ?? 0;
  const maxPower = (fromLag: number, toLag: number) => {
    let max = 0;
    for (let k = fromLag; k <= toLag; k += 1) max = Math.max(max, at(tabPower, k));
    return max;
  };

  function envelope(db: number, floorDb: number, smooth: number | undefined): [number, number] {
    const level = Math.max(db, floorDb + ENVELOPE_ABOVE_FLOOR_DB);
    const next = smooth === undefined ? level : smooth * ENVELOPE_SMOOTHING + level * (1 - ENVELOPE_SMOOTHING);
    return [level - next, next];
  }

  function bestDelay(): number | undefined {
    const norm = Math.sqrt(micEnergy * tabEnergy);
    if (norm <= 0) return undefined;
    let best = 0;
    let bestLag = -1;
    for (let k = 0; k < lags; k += 1) {
      const rho = (cross[k] ?? 0) / norm;
      if (rho > best) {
        best = rho;
        bestLag = k;
      }
    }
    return best >= MIN_CORRELATION ? bestLag : undefined;
  }

  return {
    update(micDb: number, tabDb: number, micFloorDb: number, tabFloorDb: number): LeakEstimate {
      const slot = frame % history;
      tabPower[slot] = dbToPower(tabDb);
      const [tabX, tabNext] = envelope(tabDb, tabFloorDb, tabSmooth);
      tabSmooth = tabNext;
      tabEnvelope[slot] = tabX;
      const [micX, micNext] = envelope(micDb, micFloorDb, micSmooth);
      micSmooth = micNext;

      micEnergy = micEnergy * decay + micX * micX;
      tabEnergy = tabEnergy * decay + tabX * tabX;
      for (let k = 0; k < lags; k += 1) cross[k] = (cross[k] ?? 0) * decay + micX * at(tabEnvelope, k);

      const delay = bestDelay();
      const wide = maxPower(0, lags - 1 + ROOM_TAIL_FRAMES);
      const narrow = delay === undefined ? 0 : maxPower(Math.max(0, delay - 1), delay + ROOM_TAIL_FRAMES);
      const wideDb = powerToDb(wide);
      const narrowDb = powerToDb(narrow);
      if (wideDb > tabFloorDb + REFERENCE_ABOVE_FLOOR_DB) ratiosWide.add(micDb - wideDb);
      if (delay !== undefined && narrowDb > tabFloorDb + REFERENCE_ABOVE_FLOOR_DB) ratiosNarrow.add(micDb - narrowDb);
      frame += 1;

      const useNarrow = delay !== undefined && ratiosNarrow.weight >= LEAK_WARMUP_FRAMES;
      const ratios = useNarrow ? ratiosNarrow : ratiosWide;
      const reference = useNarrow ? narrow : wide;
      const referenceDb = useNarrow ? narrowDb : wideDb;
      const measured = ratios.percentile(LEAK_RATIO_PERCENTILE);
      const gainDb =
        ratios.weight < LEAK_WARMUP_FRAMES ? Math.max(measured ?? WARMUP_GAIN_DB, WARMUP_GAIN_DB) : measured;
      if (gainDb === undefined || reference <= 0)
        return { residualDb: micDb, leakDb: SILENCE_DBFS, delayFrames: delay };
      const leakDb = referenceDb + gainDb + LEAK_OVERSUBTRACT_DB;
      const residual = dbToPower(micDb) - dbToPower(leakDb);
      return { residualDb: powerToDb(Math.max(0, residual)), leakDb, delayFrames: delay };
    },
  };
}

export type LeakEstimator = ReturnType<typeof createLeakEstimator>;
