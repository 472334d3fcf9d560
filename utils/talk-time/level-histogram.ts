const MIN_DB = -130;
const MAX_DB = 30;
const BIN_DB = 0.5;
const BINS = (MAX_DB - MIN_DB) / BIN_DB;
/** Rescale the growing weights long before floats overflow. */
const RENORMALISE_ABOVE = 1e200;

export interface LevelHistogram {
  add(db: number): void;
  /** The level below which `fraction` (0..1) of the weighted entries lie; undefined when empty. */
  percentile(fraction: number): number | undefined;
  /** Weighted number of entries (recent entries count fully, old ones fade). */
  readonly weight: number;
}

/**
 * A histogram of levels in dB in which older entries fade with the given half-life (in entries):
 * percentiles of what the channel sounded like lately, in constant memory and time.
 */
export function createLevelHistogram(halfLifeEntries: number): LevelHistogram {
  const bins = new Float64Array(BINS);
  const growth = 2 ** (1 / halfLifeEntries);
  // Instead of shrinking every bin on each entry, each new entry weighs a little more.
  let increment = 1;
  let total = 0;
  return {
    add(db) {
      const bin = Math.min(BINS - 1, Math.max(0, Math.floor((db - MIN_DB) / BIN_DB)));
      increment *= growth;
      bins[bin] = (bins[bin] ?? 0) + increment;
      total += increment;
      if (increment > RENORMALISE_ABOVE) {
        for (let i = 0; i < BINS; i += 1) bins[i] = (bins[i] ?? 0) / increment;
        total /= increment;
        increment = 1;
      }
    },
    percentile(fraction) {
      if (total <= 0) return undefined;
      const target = fraction * total;
      let seen = 0;
      for (let i = 0; i < BINS; i += 1) {
        seen += bins[i] ?? 0;
        if (seen >= target && seen > 0) return MIN_DB + (i + 0.5) * BIN_DB;
      }
      return MAX_DB;
    },
    get weight() {
      return total / increment;
    },
  };
}
