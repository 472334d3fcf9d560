import { watchThrottled } from './throttled-watch';
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
 * Reads the end of a call that shows no end screen: once the call was in progress, its controls
 * missing for `table.endWhenControlsVanishMs` with nothing else recognised in their place count
 * as "left". Tables without that setting get their snapshots back unchanged.
 */
export function createVanishedControlsReader(table: SelectorTable) {
  let wasInCall = false;
  let goneSince: number | null = null;
  return (snapshot: CallSnapshot, now: number): CallSnapshot => {
    const grace = table.endWhenControlsVanishMs;
    if (grace === undefined) return snapshot;
    if (snapshot.state === 'in-call') {
      wasInCall = true;
      goneSince = null;
      return snapshot;
    }
    if (snapshot.state !== 'unknown') {
      // A lobby or an end screen: the page says where the user is; a later return is a new call.
      wasInCall = false;
      goneSince = null;
      return snapshot;
    }
    if (!wasInCall) return snapshot;
    goneSince ??= now;
    return now - goneSince >= grace ? { ...snapshot, state: 'left', controlsFound: true } : snapshot;
  };
}

/**
 * Watches a call page and reports its call state when it changes. Mutation storms on a live
 * call collapse into one read per throttle window; nothing heavier than querySelector runs.
 * Returns a function that stops watching.
 */
export function watchCall(table: SelectorTable, options: WatchCallOptions): () => void {
  const doc = options.doc ?? document;
  let last: CallSnapshot | null = null;
  const vanished = createVanishedControlsReader(table);
  const read = () => {
    const snapshot = vanished(readCallSnapshot(table, doc), Date.now());
    if (sameSnapshot(last, snapshot)) return;
    last = snapshot;
    options.onChange(snapshot);
  };
  return watchThrottled(
    doc,
    {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['aria-label', 'data-meeting-title', 'data-tid', 'value'],
    },
    read,
    { throttleMs: options.throttleMs ?? DEFAULT_THROTTLE_MS, pollMs: options.pollMs ?? DEFAULT_POLL_MS },
  );
}
