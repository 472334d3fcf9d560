import { browser } from 'wxt/browser';
import { isCaptionsRequest, sendCaptionStatus, sendCaptionUtterances } from '../messaging';
import type { CaptionSelectorTable } from './selectors';
import type { CaptionStatus } from './types';
import { watchCaptions } from './watch-captions';
import { frameRole, frameShouldReport, type FrameRole } from '../platforms/frame-role';

/**
 * A content script's caption duty: read nothing until the extension asks, then send finished
 * utterances and the caption status until asked to stop or the script is invalidated.
 */
export function answerCaptionRequests(
  table: CaptionSelectorTable,
  ctx: { onInvalidated(cb: () => void): void },
  role: FrameRole = frameRole(window),
): void {
  // Teams' framed call: only the frame that reads the call answers (see frame-role.ts).
  if (role === 'read-by-top') return;
  let stop: (() => void) | null = null;
  let status: CaptionStatus | null = null;
  const sendStatus = (next: CaptionStatus) => {
    if (frameShouldReport(role, next !== 'unrecognised', table.frames, document))
      void sendCaptionStatus(table.platform, next);
  };

  const listener = (raw: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id || !isCaptionsRequest(raw)) return;
    if (!raw.read) {
      stop?.();
      stop = null;
      status = null;
      return;
    }
    if (stop) {
      // A panel that was reopened asks again: it needs the status it missed.
      if (status) sendStatus(status);
      return;
    }
    stop = watchCaptions(table, {
      onUtterances: (utterances) => void sendCaptionUtterances(utterances),
      onStatus: (next) => {
        status = next;
        sendStatus(next);
      },
    });
  };

  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(listener);
    stop?.();
  });
}
