import { documentsToSearch, isShown, readValue, textOf } from '../platforms/read-call';
import {
  captionBlockElements,
  captionStatus,
  findCaptionRegion,
  layoutForRegion,
  readCaptionBlock,
  type CaptionRegion,
} from './read-captions';
import type { CaptionSelectorTable } from './selectors';
import { namesShownTwice, plainName } from '../platforms/shared-names';
import { createTranscriptBuilder } from './transcript';
import type { CaptionBlock, CaptionStatus, Utterance } from './types';

export interface WatchCaptionsOptions {
  doc?: Document;
  /** Utterances that became final, in the order they were spoken; each is given once. */
  onUtterances: (utterances: Utterance[]) => void;
  /** Called at once and whenever the status changes. */
  onStatus: (status: CaptionStatus) => void;
  /** The clock, in epoch milliseconds. */
  now?: () => number;
  /** How often to look for the region (captions switched on or off) and settle quiet captions. */
  pollMs?: number;
  /** The observer class (the benchmark passes one that times each callback). */
  MutationObserver?: typeof MutationObserver;
}

const DEFAULT_POLL_MS = 1_000;

function plainLabel(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLocaleLowerCase();
}

/**
 * Marks the lines the platform's own self marker says are the local user's. The label comes from
 * the page (Meet's self tile, Teams' myself-video, Zoom's "(me)" row), read when lines are given
 * out. A line under a name two participants show (another tile showing the self label, or two
 * roster rows under one name: a guest who joined under the mentor's full name) is marked
 * `sharedName`: it could be either's, and the panel counts it for neither. Where the page shows
 * no self label, lines are left unmarked, and the panel no longer takes the word "You" for the
 * user (utils/questions/tally.ts).
 */
export function markSelf(table: CaptionSelectorTable, doc: Document, utterances: Utterance[]): Utterance[] {
  const docs = documentsToSearch(table, doc);
  const raw = table.selfLabel ? readValue(docs, table.selfLabel) : null;
  const label = raw ? plainLabel(raw) : '';
  const shared = namesShownTwice(docs, table.participantRows, [
    ...new Set(utterances.map((u) => u.speaker).filter((s) => s.trim() !== '')),
  ]);
  const otherTiles = table.otherTiles;
  if (
    label &&
    otherTiles !== undefined &&
    docs.some((d) =>
      Array.from(d.querySelectorAll(otherTiles)).some((tile) =>
        Array.from(tile.querySelectorAll('*')).some(
          (el) => el.childElementCount === 0 && plainLabel(textOf(el)) === label,
        ),
      ),
    )
  )
    shared.add(plainName(raw ?? ''));
  if (!label && shared.size === 0) return utterances;
  return utterances.map((u) => {
    if (shared.has(plainName(u.speaker))) return { ...u, sharedName: true };
    // Only a positive mark: a line under another name is left to the panel's full-name match (the
    // demo call and some Meet versions caption the user under their name, not "You").
    return label && plainLabel(u.speaker) === label ? { ...u, self: true } : u;
  });
}

/**
 * Reads the platform's live captions and gives out each utterance once, final, in order.
 *
 * Only the caption region is observed. A mutation batch costs a walk up from each changed node
 * to its block, a fresh read of the blocks that changed (textContent, no layout), and one pass
 * of the transcript builder over the few blocks on screen; the page's own work is never waited
 * on. Finding the region again (captions switched on or off, a re-rendered call screen) and
 * settling captions that went quiet happen on a slow poll. Returns a function that stops
 * watching and gives out whatever was still open.
 */
export function watchCaptions(table: CaptionSelectorTable, options: WatchCaptionsOptions): () => void {
  const doc = options.doc ?? document;
  const view = doc.defaultView ?? globalThis;
  const now = options.now ?? Date.now;
  const builder = createTranscriptBuilder({ renamesInPlace: table.renamesInPlace });
  const ids = new WeakMap<Element, number>();
  let nextId = 1;
  let region: CaptionRegion | null = null;
  let observer: MutationObserver | null = null;
  /** The latest reading of each block element on screen, in page order. */
  let readings = new Map<Element, CaptionBlock>();
  let status: CaptionStatus | null = null;

  const idOf = (el: Element) => {
    let id = ids.get(el);
    if (id === undefined) {
      id = nextId;
      nextId += 1;
      ids.set(el, id);
    }
    return id;
  };
  const emit = (utterances: Utterance[]) => {
    if (utterances.length > 0) options.onUtterances(markSelf(table, doc, utterances));
  };
  const setStatus = (next: CaptionStatus) => {
    if (next === status) return;
    status = next;
    options.onStatus(next);
  };
  /** Whether the region in use has shown words since it was found (Zoom: captions are on). */
  let wordsSeen = false;
  const feed = () => {
    const blocks = Array.from(readings.values());
    if (!wordsSeen && blocks.some((b) => b.text)) {
      wordsSeen = true;
      if (status !== null) setStatus('on');
    }
    emit(builder.update(blocks, now()));
  };

  /** Lists the blocks again, reading only the ones not seen before or named in `dirty`. */
  const rescan = (current: CaptionRegion, dirty: Set<Element>) => {
    let elements = captionBlockElements(current);
    const better = layoutForRegion(table, current.element);
    if (
      better &&
      better !== current.layout &&
      (elements.length === 0 || table.layouts.indexOf(better) < table.layouts.indexOf(current.layout))
    ) {
      // The blocks now on screen are read better by another UI version's layout.
      current.layout = better;
      elements = captionBlockElements(current);
      dirty = new Set(elements);
    }
    // A layout that names speakers from outside the block (Teams' author above a run of rows):
    // a change between blocks may be a new or renamed author, so every block is read again.
    const rereadAll = current.layout.speaker.some((rule) => rule.nearest === true);
    const next = new Map<Element, CaptionBlock>();
    for (const el of elements) {
      const known = readings.get(el);
      next.set(el, known && !rereadAll && !dirty.has(el) ? known : readCaptionBlock(el, current.layout, idOf(el)));
    }
    readings = next;
  };

  const onRecords = (records: MutationRecord[]) => {
    const current = region;
    if (!current) return;
    const dirty = new Set<Element>();
    let structural = false;
    for (const record of records) {
      // Walk up to the block this change belongs to; a change above the blocks re-lists them.
      let node: Element | null =
        record.target.nodeType === 1 ? (record.target as Element) : record.target.parentElement;
      while (node && node !== current.element && !readings.has(node)) node = node.parentElement;
      if (node && node !== current.element) dirty.add(node);
      else structural = true;
    }
    if (structural) {
      rescan(current, dirty);
    } else {
      for (const el of dirty) readings.set(el, readCaptionBlock(el, current.layout, idOf(el)));
    }
    feed();
  };

  const attach = (found: CaptionRegion | null) => {
    observer?.disconnect();
    observer = null;
    if (region) emit(builder.flush());
    readings = new Map();
    wordsSeen = false;
    region = found;
    if (!found) return;
    const Observer =
      options.MutationObserver ?? found.element.ownerDocument.defaultView?.MutationObserver ?? view.MutationObserver;
    observer = new Observer(onRecords);
    observer.observe(found.element, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['alt', 'src'],
    });
    rescan(found, new Set());
    feed();
  };

  const poll = () => {
    if (!region?.element.isConnected || !isShown(region.element)) {
      const found = findCaptionRegion(table, doc);
      if (found || region) attach(found);
    } else if (!Array.from(readings.values()).some((b) => b.text)) {
      // A region chosen while the page was in another state (captions off, an older layout)
      // may no longer be where captions appear: while it gives no words, look again.
      // The same region: its blocks may be read better by another layout now (a wrapper taken
      // for a block while the list was empty), so list them again before settling.
      const found = findCaptionRegion(table, doc);
      if (found?.element !== region.element) attach(found);
      else {
        rescan(region, new Set());
        feed();
      }
    } else {
      feed();
    }
    setStatus(captionStatus(table, doc, region, wordsSeen));
  };

  const timer = view.setInterval(poll, options.pollMs ?? DEFAULT_POLL_MS);
  poll();

  return () => {
    view.clearInterval(timer);
    observer?.disconnect();
    observer = null;
    emit(builder.flush());
    region = null;
  };
}
