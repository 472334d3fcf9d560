/** One caption block as the page shows it now: a speaker and what they are saying. */
export interface CaptionBlock {
  /** Stable for as long as the page keeps the same element for this block. */
  blockId: number;
  speaker: string;
  text: string;
}

/** One person's turn in the transcript, kept once, final, in order. */
export interface Utterance {
  speaker: string;
  text: string;
  startedAt: number;
  endedAt: number;
  /**
   * Whether the platform's own mark of the local user (its self tile's label, its "myself"
   * video's name) says this line is theirs; undefined when the page shows no such mark.
   */
  self?: boolean;
  /**
   * Another participant shows the same name as this line's speaker (a guest using the mentor's
   * full name): the page cannot tell whose line it is, and it is counted for neither side.
   */
  sharedName?: boolean;
}

/**
 * Whether captions can be read on the call page: `on` (the caption region is shown, even if
 * nobody is speaking), `off` (no region, and the page shows captions are switched off), or
 * `unrecognised` (neither: the platform's markup is not one Attune knows).
 */
export type CaptionStatus = 'on' | 'off' | 'unrecognised';
