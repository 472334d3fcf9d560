/** A run of frames [start, end) judged to be one speaker's talk. */
export interface FrameSegment {
  start: number;
  end: number;
}

export interface SegmenterOptions {
  /** Pauses between voiced frames up to this long stay inside the segment. */
  maxPauseFrames: number;
  /** Quieter unvoiced frames (consonants, breath) joined before the first voiced frame. */
  onsetFrames: number;
  /** …and after the last one (a final consonant, the release of a stop after its closure). */
  offsetFrames: number;
  /** Segments with fewer voiced frames than this are dropped (a stray click, a cough). */
  minAnchorFrames: number;
}

export interface Segmenter {
  /**
   * Feeds one frame's decision. `anchor`: clearly this speaker's voice; `candidate`: above the floor;
   * `voiced`: periodic (a voice that is not an anchor is someone else's, not this speaker's consonant).
   */
  push(anchor: boolean, candidate: boolean, voiced?: boolean): void;
  /** Closes the segment under way (end of input). */
  finish(): void;
  /** Closed segments. */
  readonly segments: readonly FrameSegment[];
  /** The segment under way, if it already counts as talk. */
  readonly open: FrameSegment | undefined;
  readonly frame: number;
}

/**
 * Turns per-frame decisions into talk segments: voiced frames anchor a segment, short pauses
 * stay inside it (hangover without padding the end: a segment ends at its last sound, decided
 * once the pause has grown too long), and quiet consonants at its edges are included.
 */
export function createSegmenter(options: SegmenterOptions): Segmenter {
  const segments: FrameSegment[] = [];
  let frame = 0;
  let runStart: number | undefined;
  let open: { start: number; end: number; lastAnchor: number; anchors: number } | undefined;

  const close = () => {
    if (open && open.anchors >= options.minAnchorFrames) segments.push({ start: open.start, end: open.end });
    open = undefined;
  };

  return {
    push(anchor, candidate, voiced = false) {
      const t = frame;
      frame += 1;
      if (anchor || candidate) runStart ??= t;
      else runStart = undefined;
      // A pause runs from the end of the last sound, its final consonants included (as people hear
      // it and as the truth is measured), not from the last voiced frame.
      if (open && t - open.end > options.maxPauseFrames) close();
      if (anchor) {
        if (open) {
          open.end = t + 1;
          open.lastAnchor = t;
          open.anchors += 1;
          return;
        }
        const previousEnd = segments[segments.length - 1]?.end ?? 0;
        const start = Math.max(runStart ?? t, t - options.onsetFrames, previousEnd);
        open = { start, end: t + 1, lastAnchor: t, anchors: 1 };
        return;
      }
      if (!open || !candidate || t - open.lastAnchor > options.offsetFrames) return;
      // Quieter sound straight after the voice ends the word; so does an unvoiced consonant after a
      // short closure (the release of a final "t"), but not another voice heard in the pause.
      if (open.end === t || !voiced) open.end = t + 1;
    },
    finish() {
      close();
      runStart = undefined;
    },
    get segments() {
      return segments;
    },
    get open() {
      return open && open.anchors >= options.minAnchorFrames ? { start: open.start, end: open.end } : undefined;
    },
    get frame() {
      return frame;
    },
  };
}
