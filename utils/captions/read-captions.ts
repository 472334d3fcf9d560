import { documentsToSearch, isShown, matches } from '../platforms/read-call';
import type { CaptionLayout, CaptionSelectorTable, SpeakerRule } from './selectors';
import type { CaptionBlock, CaptionStatus } from './types';

const MAX_SPEAKER_LENGTH = 200;

/** The caption region on the page and the layout its markup follows. */
export interface CaptionRegion {
  element: Element;
  layout: CaptionLayout;
}

function squash(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * The layout that reads blocks in this region: the first one (newest UI, most semantic) whose
 * region selector matches it and that finds a block; else the first that matches at all.
 */
export function layoutForRegion(table: CaptionSelectorTable, element: Element): CaptionLayout | null {
  let fallback: CaptionLayout | null = null;
  for (const layout of table.layouts) {
    if (!element.matches(layout.region)) continue;
    if (element.querySelector(layout.block)) return layout;
    fallback ??= layout;
  }
  return fallback;
}

function regionWordsNow(region: CaptionRegion | null): boolean {
  return region !== null && regionHasText(region.element, region.layout);
}

/** Whether a block in the region holds words now. */
function regionHasText(element: Element, layout: CaptionLayout): boolean {
  return Array.from(element.querySelectorAll(layout.block)).some(
    (block) => readCaptionBlock(block, layout, 0).text !== '',
  );
}

/**
 * Finds the shown caption region in the page or its same-origin frames, or null. A layout that
 * needs words prefers a region holding some over an empty one (a wrapper left on the page); an
 * empty one is returned only when nothing better is shown, to be watched for words, and does
 * not mean captions are on (see captionStatus).
 */
export function findCaptionRegion(table: CaptionSelectorTable, doc: Document): CaptionRegion | null {
  let empty: CaptionRegion | null = null;
  for (const d of documentsToSearch(table, doc)) {
    for (const { region } of table.layouts) {
      for (const element of Array.from(d.querySelectorAll(region))) {
        if (!isShown(element)) continue;
        const layout = layoutForRegion(table, element);
        if (!layout) continue;
        if (!layout.needsText || regionHasText(element, layout)) return { element, layout };
        empty ??= { element, layout };
      }
    }
  }
  return empty;
}

/** The block elements in the region, in page order. */
export function captionBlockElements(region: CaptionRegion): Element[] {
  return Array.from(region.element.querySelectorAll(region.layout.block));
}

// Node.DOCUMENT_POSITION_FOLLOWING: the block comes after the candidate.
const FOLLOWING = 4;

/**
 * The last element matching `css` before `block` in document order, looking no further out than
 * `stop` (the caption region): the author of the run of rows the block belongs to.
 */
function nearestBefore(block: Element, css: string, stop: Element | null): Element | null {
  for (let scope = block.parentElement; scope; scope = scope.parentElement) {
    const candidates = Array.from(scope.querySelectorAll(css));
    for (let i = candidates.length - 1; i >= 0; i -= 1) {
      const el = candidates[i]!;
      if (el.compareDocumentPosition(block) & FOLLOWING) return el;
    }
    if (scope === stop) break;
  }
  return null;
}

/** The one name the page's participant tiles give the picture `src`, or '' (none, or several). */
function nameFromTiles(doc: Document, src: string, tiles: NonNullable<SpeakerRule['viaTiles']>): string {
  const names = new Set<string>();
  for (const img of Array.from(doc.querySelectorAll(tiles.img))) {
    if (img.getAttribute('src') !== src) continue;
    const tile = img.closest(tiles.tile);
    let name = squash(img.getAttribute('alt'));
    for (const css of tiles.name) {
      if (name) break;
      name = squash(tile?.querySelector(css)?.textContent);
    }
    if (name) names.add(name);
  }
  return names.size === 1 ? [...names][0]! : '';
}

function speakerOf(block: Element, layout: CaptionLayout, textEl: Element | null): string {
  for (const { css, attr, nearest, viaTiles } of layout.speaker) {
    const el = nearest ? nearestBefore(block, css, block.closest(layout.region)) : block.querySelector(css);
    // A block with a single child is all words and no name.
    if (!el || el === textEl) continue;
    const raw = attr ? el.getAttribute(attr) : el.textContent;
    const name = viaTiles ? (raw ? nameFromTiles(block.ownerDocument, raw, viaTiles) : '') : squash(raw);
    if (name) return name.slice(0, MAX_SPEAKER_LENGTH);
  }
  return '';
}

/** One block's speaker and words, as shown now. */
export function readCaptionBlock(block: Element, layout: CaptionLayout, blockId: number): CaptionBlock {
  let textEl: Element | null = null;
  for (const css of layout.text) {
    textEl = css === ':scope' ? block : block.querySelector(css);
    if (textEl) break;
  }
  return { blockId, speaker: speakerOf(block, layout, textEl), text: squash(textEl?.textContent) };
}

/**
 * `on` with a region (one that needs words: once words were seen in it); else `off` when the page
 * shows captions are switched off; else `unrecognised`.
 */
export function captionStatus(
  table: CaptionSelectorTable,
  doc: Document,
  region: CaptionRegion | null,
  wordsSeen = regionWordsNow(region),
): CaptionStatus {
  if (region && (!region.layout.needsText || wordsSeen)) return 'on';
  return matches(documentsToSearch(table, doc), table.captionsOff) ? 'off' : 'unrecognised';
}
