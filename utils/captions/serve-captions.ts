import { browser } from 'wxt/browser';
import { isCaptionsRequest, sendCaptionStatus, sendCaptionUtterances } from '../messaging';
import type { CaptionSelectorTable } from './selectors';
import type { CaptionStatus } from './types';
import { watchCaptions } from './watch-captions';

/**
 * A content script's caption duty: read nothing until the extension asks, then send finished
 * utterances and the caption status until asked to stop or the script is invalidated.
 */
export function answerCaptionRequests(table: CaptionSelectorTable, ctx: { onInvalidated(cb: () => void): void }): void {
  let stop: (() => void) | null = null;
  let status: CaptionStatus | null = null;

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
      if (status) void sendCaptionStatus(table.platform, status);
      return;
    }
    stop = watchCaptions(table, {
      onUtterances: (utterances) => void sendCaptionUtterances(utterances),
      onStatus: (next) => {
        status = next;
        void sendCaptionStatus(table.platform, next);
      },
    });
  };

  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(listener);
    stop?.();
  });
}
