import { sendActiveSpeaker, sendCallSnapshot } from '../messaging';
import { watchActiveSpeaker } from './active-speaker';
import type { SelectorTable } from './selectors';
import { watchCall } from './watch-call';
import { answerStructureRequests } from './serve-structure';

/**
 * A content script's whole job: watch the call page, tell the background what changed, and tell
 * the panel whom the page highlights as speaking (its talk-time fallback when there is no audio).
 */
export function startWatchingCallPage(table: SelectorTable, ctx: { onInvalidated(cb: () => void): void }): void {
  let selfName: string | null = null;
  const stop = watchCall(table, {
    onChange: (snapshot) => {
      selfName = snapshot.selfName;
      void sendCallSnapshot(snapshot);
    },
  });
  const stopSpeaker = watchActiveSpeaker(table, { onChange: (highlight) => void sendActiveSpeaker(highlight), selfName: () => selfName });
  answerStructureRequests(ctx);
  ctx.onInvalidated(() => {
    stop();
    stopSpeaker();
  });
}
