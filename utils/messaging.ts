import { browser } from 'wxt/browser';
import type { ActiveSpeakerHighlight, CallSnapshot, Platform } from './platforms/types';
import type { FeedUpdate } from './talk-time/segment-feed';

/**
 * Messages between the extension's contexts, as a discriminated union. Receivers validate them
 * with the schemas in `messaging-schema.ts` (kept apart so content scripts ship without zod).
 */
export interface CallSnapshotMessage {
  type: 'call-snapshot';
  snapshot: CallSnapshot;
}

/** Content script → panel: who the call page highlights as speaking (the fallback without audio). */
export interface ActiveSpeakerMessage {
  type: 'active-speaker';
  highlight: ActiveSpeakerHighlight;
}

export type ExtensionMessage = CallSnapshotMessage | ActiveSpeakerMessage;

/** Background → offscreen document: capture this call tab's audio (and the microphone) or stop. */
export type OffscreenCommand =
  | { type: 'offscreen-start'; tabId: number; tabStreamId: string | null }
  | { type: 'offscreen-stop'; tabId: number }
  /** Panel → offscreen: send every segment again (a panel that missed updates). */
  | { type: 'offscreen-resync'; tabId: number };

export type MicState = 'on' | 'needs-permission' | 'denied' | 'unavailable';

/** Offscreen document → panel. Speech flags and segment times only: never audio. */
export type TalkAudioMessage =
  | { type: 'talk-status'; tabId: number; mic: MicState; tab: 'on' | 'unavailable'; startedAt: number }
  | ({ type: 'talk-update'; tabId: number; startedAt: number } & FeedUpdate);

/** Permission page → panel: the microphone was granted (or refused) just now. */
export interface MicPermissionMessage {
  type: 'mic-permission';
  granted: boolean;
}

/** The panel holds a port of this name open to the background while it shows a call tab. */
export function talkPortName(tabId: number): string {
  return `talk:${tabId}`;
}

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

/** Content script → panel (the background ignores it). */
export async function sendActiveSpeaker(highlight: ActiveSpeakerHighlight): Promise<void> {
  const message: ActiveSpeakerMessage = { type: 'active-speaker', highlight };
  try {
    await browser.runtime.sendMessage(message);
  } catch {
    // No panel is open (nobody listening), or the extension was reloaded under this page.
  }
}
