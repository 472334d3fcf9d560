import { browser } from 'wxt/browser';
import type { CallSnapshot, Platform } from './platforms/types';

/**
 * Messages between the extension's contexts, as a discriminated union. Receivers validate them
 * with the schemas in `messaging-schema.ts` (kept apart so content scripts ship without zod).
 */
export interface CallSnapshotMessage {
  type: 'call-snapshot';
  snapshot: CallSnapshot;
}

export type ExtensionMessage = CallSnapshotMessage;

/** What the background keeps for each call tab (in storage.session, so a worker restart keeps it). */
export interface TabCallState {
  tabId: number;
  platform: Platform;
  snapshot: CallSnapshot;
  /** The Attune session for the current call: assigned when the call is first seen in progress. */
  sessionId: string | null;
  callStartedAt: number | null;
  callEndedAt: number | null;
  updatedAt: number;
}

export function tabStateKey(tabId: number): string {
  return `tab:${tabId}`;
}

/** Set (to the time) when the capture shortcut is pressed on a call tab; the panel focuses its capture line. */
export function captureRequestKey(tabId: number): string {
  return `capture:${tabId}`;
}

/** Content script → background. A worker that is waking up may miss it; the next change resends. */
export async function sendCallSnapshot(snapshot: CallSnapshot): Promise<void> {
  const message: CallSnapshotMessage = { type: 'call-snapshot', snapshot };
  try {
    await browser.runtime.sendMessage(message);
  } catch {
    // The extension was reloaded or updated under this page: nothing is listening any more.
  }
}
