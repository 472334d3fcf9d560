import { sendCallSnapshot } from '../messaging';
import type { SelectorTable } from './selectors';
import { watchCall } from './watch-call';

/** A content script's whole job: watch the call page and tell the background what changed. */
export function startWatchingCallPage(table: SelectorTable, ctx: { onInvalidated(cb: () => void): void }): void {
  const stop = watchCall(table, { onChange: (snapshot) => void sendCallSnapshot(snapshot) });
  ctx.onInvalidated(stop);
}
