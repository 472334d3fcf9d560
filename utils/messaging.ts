import { browser } from 'wxt/browser';
import type { ActiveSpeakerHighlight, CallSnapshot, Platform } from './platforms/types';
import type { FeedUpdate } from './talk-time/segment-feed';
import type { CaptionStatus, Utterance } from './captions/types';
import { MAX_UTTERANCES_A_MESSAGE } from './captions/limits';
import { splitLongUtterance } from './captions/split-utterance';
import type { TranscriptLine } from './db/types';

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

/**
 * Panel → background, as the panel's page goes away (closed, reloaded, crashed out of view): the
 * notes or agenda typed since the last save, for the background to store. The page cannot be
 * relied on to finish its own asynchronous write once it is being torn down; the message leaves
 * at once. `writer` is the panel's name in drafts written while the passphrase is locked.
 */
export interface NotesHandOff {
  type: 'notes-hand-off';
  sessionId: string;
  writer: string;
  fields: { agenda?: string; notes?: string };
  at: number;
}

/** The panel holds a port of this name open to the background while it shows a call tab. */
export function talkPortName(tabId: number): string {
  return `talk:${tabId}`;
}

/*
 * Live captions (issue 6), opt-in per session. The content script reads nothing until the panel
 * asks, and stops when asked or when the page goes away.
 *
 *   panel → call tab (browser.tabs.sendMessage, see requestCaptions):
 *     { type: 'captions-request', read: true | false }
 *       read: true starts reading (again: it only resends the status), false stops and gives out
 *       whatever was still being said.
 *   content script → extension pages (browser.runtime.sendMessage; the panel listens and keeps
 *   the messages whose sender.tab.id is its call tab, after parseExtensionMessage):
 *     { type: 'caption-status', platform, status: 'on' | 'off' | 'unrecognised' }
 *       at once after a request and on every change; captionStatusSentence(platform, status)
 *       is what the panel says. Before the call starts (a lobby) it is usually 'unrecognised':
 *       read it together with the call snapshot's state.
 *     { type: 'caption-utterances', utterances: [{ speaker, text, at, endedAt }] }
 *       finished utterances, each once, final, in spoken order; `at` and `endedAt` are epoch ms
 *       of the first and last change seen on screen. `speaker` is the platform's label ("You" on
 *       Meet for the local user; "" when Zoom names no one).
 *   The background ignores both. The transcript lives in the panel's memory unless saved.
 */
export interface CaptionsRequestMessage {
  type: 'captions-request';
  read: boolean;
}

export interface CaptionStatusMessage {
  type: 'caption-status';
  platform: Platform;
  status: CaptionStatus;
}

/** A finished caption line on its way to the panel: the very shape the session keeps it in. */
export type CaptionUtterance = TranscriptLine;

export interface CaptionUtterancesMessage {
  type: 'caption-utterances';
  utterances: CaptionUtterance[];
}

/** What content scripts send to the extension's pages. */
export type ExtensionMessage =
  CallSnapshotMessage | ActiveSpeakerMessage | CaptionStatusMessage | CaptionUtterancesMessage;

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
  /** The mentor started this session by hand (the page's call controls were not recognised). */
  byHand?: boolean;
}

/**
 * Panel → background: start or end the session by hand, where Attune cannot see the call
 * controls (so cannot tell when the call starts or ends by itself).
 */
export interface SessionByHandMessage {
  type: 'session-by-hand';
  tabId: number;
  action: 'start' | 'end';
}

export function tabStateKey(tabId: number): string {
  return `tab:${tabId}`;
}

/** Every message one extension page sends another without waiting for an answer. */
export type QuietMessage =
  ExtensionMessage | OffscreenCommand | TalkAudioMessage | MicPermissionMessage | NotesHandOff | SessionByHandMessage;

/**
 * Sends without waiting and without an error when nothing is listening (a closing panel, a
 * service worker waking up, an extension reloaded under the page): each of these messages is
 * either resent by the next change or not needed once its receiver is gone.
 */
export function sendQuietly(message: QuietMessage): void {
  browser.runtime.sendMessage(message).catch(() => undefined);
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

async function sendToExtension(message: ExtensionMessage): Promise<void> {
  try {
    await browser.runtime.sendMessage(message);
  } catch {
    // No panel open to receive it, or the extension was reloaded under this page.
  }
}

/** Content script → panel: whether captions can be read. */
export function sendCaptionStatus(platform: Platform, status: CaptionStatus): Promise<void> {
  return sendToExtension({ type: 'caption-status', platform, status });
}

/** Content script → panel: finished utterances. */
export async function sendCaptionUtterances(utterances: Utterance[]): Promise<void> {
  // Within what the panel accepts: a runaway turn is split, and a long backlog goes in batches,
  // so that one oversized turn never takes the others in its message down with it.
  const parts = utterances
    .flatMap((u) => splitLongUtterance(u))
    .map(({ speaker, text, startedAt, endedAt, self, sharedName }) => ({
      speaker,
      text,
      at: startedAt,
      endedAt,
      ...(self === undefined ? {} : { self }),
      ...(sharedName ? { sharedName } : {}),
    }));
  for (let i = 0; i < parts.length; i += MAX_UTTERANCES_A_MESSAGE) {
    await sendToExtension({ type: 'caption-utterances', utterances: parts.slice(i, i + MAX_UTTERANCES_A_MESSAGE) });
  }
}

/** Checked by hand in the content script, which ships without zod. */
export function isCaptionsRequest(raw: unknown): raw is CaptionsRequestMessage {
  return (
    typeof raw === 'object' &&
    raw !== null &&
    (raw as CaptionsRequestMessage).type === 'captions-request' &&
    typeof (raw as CaptionsRequestMessage).read === 'boolean'
  );
}

/** Panel → the call tab's content script: start or stop reading captions. False when the tab has none. */
export async function requestCaptions(tabId: number, read: boolean): Promise<boolean> {
  const message: CaptionsRequestMessage = { type: 'captions-request', read };
  try {
    await browser.tabs.sendMessage(tabId, message);
    return true;
  } catch {
    return false;
  }
}

/** Content script → panel (the background ignores it). */
export function sendActiveSpeaker(highlight: ActiveSpeakerHighlight): Promise<void> {
  return sendToExtension({ type: 'active-speaker', highlight });
}
