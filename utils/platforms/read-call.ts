import type { CallSnapshot, CallState } from './types';
import type { ElementMatcher, SelectorTable, ValueRule } from './selectors';

const MAX_VALUE_LENGTH = 200;

/** The page's document and any same-origin frames the table names (cross-origin ones are skipped). */
export function documentsToSearch(table: Pick<SelectorTable, 'frames'>, doc: Document): Document[] {
  const docs = [doc];
  for (const css of table.frames) {
    for (const frame of Array.from(doc.querySelectorAll<HTMLIFrameElement>(css))) {
      try {
        const inner = frame.contentDocument;
        if (inner) docs.push(inner);
      } catch {
        // A cross-origin frame throws on access; there is nothing of ours to read in it.
      }
    }
  }
  return docs;
}

export function textOf(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Pages keep screens they are not showing in the DOM, hidden: those do not count. (Checking the
 * attribute is cheap; asking for layout on a live call page is not.)
 */
export function isShown(el: Element): boolean {
  return el.closest('[hidden], [aria-hidden="true"]') === null;
}

export function matches(docs: Document[], matchers: ElementMatcher[]): boolean {
  for (const { css, text, inlineRing } of matchers) {
    for (const doc of docs) {
      for (const el of Array.from(doc.querySelectorAll(css))) {
        // The text first: most elements fail it, and it needs no walk up the tree.
        if ((!text || text.test(textOf(el))) && (!inlineRing || inlineRingShown(el)) && isShown(el)) return true;
      }
    }
  }
  return false;
}

function clean(value: string | null | undefined, pattern?: RegExp): string | null {
  if (value == null) return null;
  let out = value.replace(/\s+/g, ' ').trim();
  if (pattern) {
    const m = pattern.exec(out);
    if (!m) return null;
    out = (m[1] ?? m[0]).trim();
  }
  if (!out) return null;
  return out.length > MAX_VALUE_LENGTH ? out.slice(0, MAX_VALUE_LENGTH) : out;
}

export function readValue(docs: Document[], rules: ValueRule[]): string | null {
  for (const rule of rules) {
    if (rule.from === 'document-title') {
      const value = clean(docs[0]?.title, rule.pattern);
      if (value) return value;
      continue;
    }
    for (const doc of docs) {
      for (const el of Array.from(doc.querySelectorAll(rule.css))) {
        const raw =
          rule.from === 'attr'
            ? el.getAttribute(rule.attr)
            : rule.from === 'value'
              ? (el as HTMLInputElement).value
              : textOf(el);
        const value = clean(raw, rule.pattern);
        if (value) return value;
      }
    }
  }
  return null;
}

/** Reads the call's state, title and the local user's name from a platform's call page. */
export function readCallSnapshot(table: SelectorTable, doc: Document): CallSnapshot {
  const docs = documentsToSearch(table, doc);
  const left = matches(docs, table.left);
  const controls = !left && matches(docs, table.inCall);
  // Call controls without any sign of admission: the user is still waiting to be let in.
  const waiting = controls && table.admitted !== undefined && !matches(docs, table.admitted);
  const inCall = controls && !waiting;
  const lobby = !left && !inCall && (waiting || matches(docs, table.lobby));
  const state: CallState = left ? 'left' : inCall ? 'in-call' : lobby ? 'lobby' : 'unknown';
  return {
    platform: table.platform,
    state,
    title: readValue(docs, table.title),
    selfName: readValue(docs, table.selfName),
    controlsFound: state !== 'unknown',
  };
}

export function sameSnapshot(a: CallSnapshot | null, b: CallSnapshot): boolean {
  return (
    a !== null &&
    a.platform === b.platform &&
    a.state === b.state &&
    a.title === b.title &&
    a.selfName === b.selfName &&
    a.controlsFound === b.controlsFound
  );
}

// Properties that draw a speaking outline or a voice-level bar when they have a length above zero.
const RING_PROPERTIES = new Set(['outline', 'outline-width', 'border', 'border-width', 'box-shadow', 'height']);
const NONZERO_LENGTH =
  /(^|[\s(,])(?:\d*[1-9]\d*(?:\.\d+)?|0?\.\d*[1-9]\d*)(?:px|em|rem|pt)\b|\b(?:thin|medium|thick)\b/;

/**
 * Whether an element's inline style (its style attribute, no layout asked for) draws a visible
 * ring: a non-zero outline, border, box shadow or bar height, not hidden by display, visibility
 * or opacity. A resting outline is written as `height: 0px` or with no style at all.
 */
export function inlineRingShown(el: Element): boolean {
  const style = el.getAttribute('style');
  if (!style) return false;
  let ring = false;
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const name = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration
      .slice(colon + 1)
      .trim()
      .toLowerCase();
    if ((name === 'display' && value.startsWith('none')) || (name === 'visibility' && value.startsWith('hidden')))
      return false;
    if (name === 'opacity' && Number.parseFloat(value) === 0) return false;
    if (RING_PROPERTIES.has(name) && !value.startsWith('none') && NONZERO_LENGTH.test(value)) ring = true;
  }
  return ring;
}
