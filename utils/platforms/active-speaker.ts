import { documentsToSearch, inlineRingShown, isShown, textOf } from './read-call';
import type { ElementMatcher, SelectorTable } from './selectors';
import { watchThrottled } from './throttled-watch';
import { namesShownTwice, plainName } from './shared-names';
import type { ActiveSpeakerHighlight } from './types';

function shownMatches(docs: Document[], css: string): Element[] {
  return docs.flatMap((doc) => Array.from(doc.querySelectorAll(css))).filter(isShown);
}

/**
 * Whether a speaking element is the local user's: the platform's own marker on the tile (Meet's
 * data-self-name, Teams' myself-video) or, where a platform has none (Zoom), the tile's name in
 * full equal to the name the platform marks as the user's. A guest who calls themselves "You" or
 * shares the user's first name is someone else (issue 13). 'unclear' when the tile is told apart
 * by name and another participant shows the same full name: it could be either of them.
 */
function whose(
  el: Element,
  matcher: ElementMatcher,
  table: SelectorTable,
  selfName: string | null,
  nameShared: boolean,
): 'self' | 'other' | 'unclear' {
  if (matcher.self) return 'self';
  const tile = table.participantTiles.map((css) => el.closest(css)).find((t) => t !== null) ?? el;
  if (table.selfTile.some((css) => tile.matches(css) || tile.closest(css) !== null || tile.querySelector(css) !== null))
    return 'self';
  if (!table.tileName || selfName === null) return 'other';
  const mine = plainName(selfName);
  if (mine === '' || mine === 'you') return 'other';
  for (const css of table.tileName) {
    const nameEl = tile.matches(css) ? tile : tile.querySelector(css);
    const name = nameEl ? plainName(nameEl.getAttribute('alt') || textOf(nameEl)) : '';
    if (name) return name !== mine ? 'other' : nameShared ? 'unclear' : 'self';
  }
  return 'other';
}

/**
 * Whom the call page highlights as speaking: the local user (the mentor), someone else, both
 * when they overlap, or nobody. `found` is false when the page shows no participant tiles at all:
 * then the panel says it cannot see who is speaking rather than counting silence.
 */
export function readActiveSpeaker(
  table: SelectorTable,
  doc: Document,
  selfName: string | null = null,
): ActiveSpeakerHighlight {
  const docs = documentsToSearch(table, doc);
  const speaking = table.speaking.flatMap((matcher) =>
    shownMatches(docs, matcher.css)
      .filter((el) => (!matcher.text || matcher.text.test(textOf(el))) && (!matcher.inlineRing || inlineRingShown(el)))
      .map((el) => ({ el, matcher })),
  );
  const found = speaking.length > 0 || table.participantTiles.some((css) => shownMatches(docs, css).length > 0);
  let self = false;
  let other = false;
  // A guest under the user's full name: their tiles cannot be told apart by name, so a speaking
  // tile under it counts for neither (the user's own voice still shows where the platform marks it).
  const nameShared =
    selfName !== null && speaking.length > 0 && namesShownTwice(docs, table.participantRows, [selfName]).size > 0;
  for (const { el, matcher } of speaking) {
    const who = whose(el, matcher, table, selfName, nameShared);
    if (who === 'self') self = true;
    else if (who === 'other') other = true;
  }
  return { self, other, found };
}

export function sameHighlight(a: ActiveSpeakerHighlight | null, b: ActiveSpeakerHighlight): boolean {
  return a !== null && a.self === b.self && a.other === b.other && a.found === b.found;
}

export interface WatchActiveSpeakerOptions {
  doc?: Document;
  onChange: (highlight: ActiveSpeakerHighlight) => void;
  /** The local user's name, when the page has shown it (Zoom's tiles are told apart by name). */
  selfName?: () => string | null;
  throttleMs?: number;
  pollMs?: number;
  /** An unchanged highlight is reported again this often, so a panel opened mid-call catches up. */
  resendMs?: number;
}

// Speaking outlines flicker with every syllable: a quarter second keeps turns and drops the flicker.
const DEFAULT_THROTTLE_MS = 250;
const DEFAULT_POLL_MS = 1_000;
const DEFAULT_RESEND_MS = 2_000;

/** Watches the speaking highlight and reports each change. Returns a function that stops watching. */
export function watchActiveSpeaker(table: SelectorTable, options: WatchActiveSpeakerOptions): () => void {
  const doc = options.doc ?? document;
  let last: ActiveSpeakerHighlight | null = null;
  let lastSentAt = 0;
  const read = () => {
    const highlight = readActiveSpeaker(table, doc, options.selfName?.() ?? null);
    const now = Date.now();
    if (sameHighlight(last, highlight) && now - lastSentAt < (options.resendMs ?? DEFAULT_RESEND_MS)) return;
    last = highlight;
    lastSentAt = now;
    options.onChange(highlight);
  };
  return watchThrottled(
    doc,
    {
      subtree: true,
      childList: true,
      attributes: true,
      // style: Teams draws its speaking outline in the tile's inline style (see TEAMS_SELECTORS).
      attributeFilter: ['class', 'style', 'aria-label', 'data-is-speaking', 'data-audio-level', 'hidden'],
    },
    read,
    { throttleMs: options.throttleMs ?? DEFAULT_THROTTLE_MS, pollMs: options.pollMs ?? DEFAULT_POLL_MS },
  );
}
