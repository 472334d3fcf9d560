import type { Platform } from './types';

/**
 * One way of finding an element: a CSS selector, optionally narrowed to elements whose
 * text matches. Tables list semantic matchers (role, aria-*, data-*) first and class names last.
 */
export interface ElementMatcher {
  css: string;
  text?: RegExp;
  /**
   * Only while the element's own inline style draws a visible ring (an outline, border, box
   * shadow or a bar with height): Teams moved its speaking outline into the style attribute,
   * with no class or attribute that changes.
   */
  inlineRing?: boolean;
  /** A speaking indicator that only ever shows the local user's own voice (Zoom's footer meter). */
  self?: boolean;
}

/** One way of reading a value (title, name) from the page. */
export type ValueRule =
  | { css: string; from: 'text' | 'value'; pattern?: RegExp }
  | { css: string; from: 'attr'; attr: string; pattern?: RegExp }
  | { from: 'document-title'; pattern: RegExp };

export interface SelectorTable {
  platform: Platform;
  /** Same-origin frames that may hold the call client (Zoom's `iframe#webclient`). */
  frames: string[];
  /** Present only while the local user is in the call. */
  inCall: ElementMatcher[];
  /**
   * Shown only once the host has let the user in. Where listed, the inCall controls alone do not
   * mean "in call": Meet shows its Leave button in the waiting room too.
   */
  admitted?: ElementMatcher[];
  /**
   * Where set: the in-call controls gone for this long after the call was seen in progress, with
   * no lobby or end screen in their place, means the call ended (Teams drops its call bar and
   * shows no end screen to some users). The controls coming back is a rejoin.
   */
  endWhenControlsVanishMs?: number;
  /** The pre-join screen (preview, name entry, "Join now"). */
  lobby: ElementMatcher[];
  /** Shown once the user has left or the call has ended. */
  left: ElementMatcher[];
  title: ValueRule[];
  selfName: ValueRule[];
  /** One per participant (video tile or roster row); their presence means speaking can be read. */
  participantTiles: string[];
  /** A participant highlighted as speaking now (the tile itself or an indicator inside it). */
  speaking: ElementMatcher[];
  /** The local user's own tile, by the platform's own marker. */
  selfTile: string[];
  /**
   * Where a platform marks no tile as the user's own (Zoom): the tile's name, read from these,
   * equal in full to the name the platform itself marks as the user's (Zoom's "(me)" in the
   * participants list), makes the tile theirs. Never a first name or a part of a name.
   */
  tileName?: string[];
  /**
   * Lists that show every participant once (a roster's rows, a gallery's tiles): two of them under
   * the user's own name make a tile's name no sign of who it is (see shared-names.ts).
   */
  participantRows?: string[];
}
