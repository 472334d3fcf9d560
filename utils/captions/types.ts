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
}
