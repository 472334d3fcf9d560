import { sendActiveSpeaker, sendCallSnapshot } from '../messaging';
import { watchActiveSpeaker } from './active-speaker';
import type { SelectorTable } from './selectors';
import { watchCall } from './watch-call';
import { answerStructureRequests } from './serve-structure';
import { frameRole, frameShouldReport, type FrameRole } from './frame-role';

/**
 * A content script's whole job: watch the call page, tell the background what changed, and tell
 * the panel whom the page highlights as speaking (its talk-time fallback when there is no audio).
 */
export function startWatchingCallPage(
  table: SelectorTable,
  ctx: { onInvalidated(cb: () => void): void },
  role: FrameRole = frameRole(window),
): void {
  // Teams' framed call: only the frame that reads the call speaks (see frame-role.ts).
  if (role === 'read-by-top') return;
  const report = (readSomething: boolean) => frameShouldReport(role, readSomething, table.frames, document);
  let selfName: string | null = null;
  const stop = watchCall(table, {
    onChange: (snapshot) => {
      selfName = snapshot.selfName;
      if (report(snapshot.state !== 'unknown')) void sendCallSnapshot(snapshot);
    },
  });
  const stopSpeaker = watchActiveSpeaker(table, {
    onChange: (highlight) => {
      if (report(highlight.found)) void sendActiveSpeaker(highlight);
    },
    selfName: () => selfName,
  });
  if (role === 'top') answerStructureRequests(ctx);
  ctx.onInvalidated(() => {
    stop();
    stopSpeaker();
  });
}
