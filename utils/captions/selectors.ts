import type { ElementMatcher, ValueRule } from '../platforms/selectors';
import type { Platform } from '../platforms/types';

/** Where a block names its speaker: an element's text, or one of its attributes (an avatar's alt). */
export interface SpeakerRule {
  css: string;
  attr?: string;
  /**
   * Look outside the block: the last element matching `css` that comes before the block in the
   * caption region (Teams writes the author once above a speaker's run of caption rows).
   */
  nearest?: boolean;
  /**
   * The element's `attr` is a picture to look up, not a name: the name is on the participant
   * tile showing the same picture (Zoom's caption avatar has an empty alt). Used only when the
   * picture leads to exactly one name.
   */
  viaTiles?: { img: string; tile: string; name: string[] };
}

/**
 * One UI version's caption markup: the region the platform draws captions in, one element per
 * caption block (a speaker's turn), and where a block keeps its speaker and its words. CSS in
 * `block` is relative to the region, in `speaker` and `text` relative to the block (`:scope`
 * works in both).
 */
export interface CaptionLayout {
  /** The UI it was seen in, for people reading the table and for tests. */
  ui: string;
  region: string;
  block: string;
  speaker: SpeakerRule[];
  /** Where the words are inside the block; `:scope` when the block element is the words. */
  text: string[];
  /**
   * The region counts only while one of its blocks holds words: Zoom keeps an empty subtitle
   * wrapper on the page with captions off, which must not be taken for the caption area.
   */
  needsText?: boolean;
}

export interface CaptionSelectorTable {
  platform: Platform;
  /** Same-origin frames that may hold the call client (Zoom's `iframe#webclient`). */
  frames: string[];
  /** Newest UI first; within a UI, semantic attributes before class names. */
  layouts: CaptionLayout[];
  /**
   * Evidence that captions are off when no region is shown: the platform's "turn on captions"
   * control, or, where that control hides in a menu, the in-call controls.
   */
  captionsOff: ElementMatcher[];
  /**
   * How the platform labels the local user, read from its own self marker (Meet's self tile's
   * data-self-name, "You" in English; Teams' myself-video): a caption line under exactly this
   * label is the user's. Never the mentor's first name (issue 13).
   */
  selfLabel?: ValueRule[];
  /** Blocks are never reused for another speaker: a new name on a block is a rename (Teams). */
  renamesInPlace?: boolean;
  /**
   * Other participants' tiles: when one of them shows the self label as its name (a guest who
   * calls themselves "You"), the label no longer tells the user apart and no line is marked.
   */
  otherTiles?: string;
  /**
   * Lists that show every participant once (a roster's rows, a gallery's tiles): a caption line
   * under a name two of them show is marked `sharedName` and counted for neither side.
   */
  participantRows?: string[];
}
