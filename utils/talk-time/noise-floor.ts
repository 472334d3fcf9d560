/** Blocks of this many frames keep one minimum each. */
const BLOCK_FRAMES = 20;

export interface NoiseFloorTracker {
  /** Feeds one frame's level and returns the current floor estimate in dB. */
  update(db: number): number;
  readonly floorDb: number;
}

/**
 * Minimum statistics: the floor is the lowest (lightly smoothed) frame level seen over the last
 * `windowFrames`. Speech always has gaps (between words, at stops), so the minimum finds the room
 * under it and follows a fan switched on or off within one window, without being pulled up by
 * a long monologue the way an average would be.
 */
export function createNoiseFloorTracker(windowFrames: number): NoiseFloorTracker {
  const blockCount = Math.max(1, Math.round(windowFrames / BLOCK_FRAMES));
  const blockMinima: number[] = [];
  let currentMin = Number.POSITIVE_INFINITY;
  let inBlock = 0;
  let smoothed: number | undefined;
  let floorDb = Number.NEGATIVE_INFINITY;
  return {
    update(db) {
      // Three-frame smoothing keeps one unusually quiet frame of noise from dragging the floor down.
      smoothed = smoothed === undefined ? db : (smoothed * 2 + db) / 3;
      currentMin = Math.min(currentMin, smoothed);
      inBlock += 1;
      if (inBlock === BLOCK_FRAMES) {
        blockMinima.push(currentMin);
        if (blockMinima.length > blockCount) blockMinima.shift();
        currentMin = Number.POSITIVE_INFINITY;
        inBlock = 0;
      }
      floorDb = Math.min(currentMin, ...blockMinima);
      return floorDb;
    },
    get floorDb() {
      return floorDb;
    },
  };
}
