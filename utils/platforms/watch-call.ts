import { readCallSnapshot, sameSnapshot } from './read-call';
import type { SelectorTable } from './selectors';
import type { CallSnapshot } from './types';

export interface WatchCallOptions {
  doc?: Document;
  /** Called with each snapshot that differs from the last one sent. */
  onChange: (snapshot: CallSnapshot) => void;
  /** Reads happen at most this often however busy the page is. */
  throttleMs?: number;
  /** Frames (Zoom's iframe) do not reach the top document's observer, so also read this often. */
  pollMs?: number;
}

const DEFAULT_THROTTLE_MS = 500;
const DEFAULT_POLL_MS = 2_000;

/**
 * Watches a call page and reports its call state when it changes. Mutation storms on a live
 * call collapse into one read per throttle window; nothing heavier than querySelector runs.
 * Returns a function that stops watching.
 */
export function watchCall(table: SelectorTable, options: WatchCallOptions): () => void {
  const doc = options.doc ?? document;
  const view = doc.defaultView ?? globalThis;
  const throttleMs = options.throttleMs ?? DEFAULT_THROTTLE_MS;
  let last: CallSnapshot | null = null;
  let pending: ReturnType<typeof setTimeout> | null = null;

  const read = () => {
    pending = null;
    const snapshot = readCallSnapshot(table, doc);
    if (sameSnapshot(last, snapshot)) return;
    last = snapshot;
    options.onChange(snapshot);
  };
  const schedule = () => {
    if (pending === null) pending = view.setTimeout(read, throttleMs);
  };

  const observer = new (view as typeof globalThis).MutationObserver(schedule);
  observer.observe(doc.documentElement, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-label', 'data-meeting-title', 'data-tid', 'value'] });
  const poll = view.setInterval(read, options.pollMs ?? DEFAULT_POLL_MS);
  read();

  return () => {
    observer.disconnect();
    view.clearInterval(poll);
    if (pending !== null) view.clearTimeout(pending);
  };
}
