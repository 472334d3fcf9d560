import { tabStateKey, type TabCallState } from '../messaging';
import { parseTabCallState } from '../messaging-schema';
import { platformOfUrl } from '../platforms/hosts';
import type { CallSnapshot } from '../platforms/types';
import { nextTabState, REJOIN_GAP_MS } from './next-tab-state';
import type { Platform } from '../platforms/types';

/** Calls whose tab closed or left the call site lately: the same meeting rejoined in another tab continues them. */
export const RECENT_CALLS_KEY = 'calls:recent';

interface RecentCall {
  platform: Platform;
  title: string;
  sessionId: string;
  callStartedAt: number;
  endedAt: number;
}

function isRecentCall(raw: unknown): raw is RecentCall {
  if (typeof raw !== 'object' || raw === null) return false;
  const r = raw as Record<string, unknown>;
  return ['meet', 'zoom', 'teams'].includes(r.platform as string) && typeof r.title === 'string' && typeof r.sessionId === 'string'
    && typeof r.callStartedAt === 'number' && typeof r.endedAt === 'number';
}

/** The slice of a storage area the call registry needs (browser.storage.session in the extension). */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

/** How the browser offers Attune on a tab: the side panel and the toolbar button's behaviour. */
export interface PanelAvailability {
  offerOnCallTab(tabId: number): Promise<void>;
  withdrawFromTab(tabId: number): Promise<void>;
}

/** Where the background records that a call's session ended (IndexedDB in the extension). */
export interface SessionEnding {
  endSession(sessionId: string, at: number): Promise<void>;
}

export interface CallTabsDeps {
  store: KeyValueArea;
  panel: PanelAvailability;
  /** Ends the session of a call whose tab closed or left the call site; without it, sessions stay as they are. */
  sessions?: SessionEnding;
  now?: () => number;
  newSessionId?: () => string;
}

/**
 * The background's record of call tabs: which tabs are calls, what each call page last showed,
 * and which Attune session belongs to the call. Kept in a storage area so that a restarted
 * service worker picks up where it was.
 */
export function createCallTabs({ store, panel, sessions, now = Date.now, newSessionId = () => crypto.randomUUID() }: CallTabsDeps) {
  async function read(tabId: number): Promise<TabCallState | null> {
    const key = tabStateKey(tabId);
    return parseTabCallState((await store.get(key))[key]);
  }

  async function recentCalls(at: number): Promise<RecentCall[]> {
    const raw = (await store.get(RECENT_CALLS_KEY))[RECENT_CALLS_KEY];
    return (Array.isArray(raw) ? raw.filter(isRecentCall) : []).filter((c) => at - c.endedAt <= REJOIN_GAP_MS);
  }

  /** Remembers a call whose page went away, so that a rejoin from another tab within the gap continues it. */
  async function rememberEnded(state: TabCallState, endedAt: number): Promise<void> {
    const title = state.snapshot.title;
    if (!state.sessionId || state.callStartedAt === null || !title) return;
    const kept = (await recentCalls(endedAt)).filter((c) => c.sessionId !== state.sessionId);
    const call: RecentCall = { platform: state.platform, title, sessionId: state.sessionId, callStartedAt: state.callStartedAt, endedAt };
    await store.set({ [RECENT_CALLS_KEY]: [...kept, call] });
  }

  /**
   * A new tab's first sight of a call: when the same meeting (platform and title) ended in
   * another tab within the gap, the state it left, ended, for nextTabState to continue.
   */
  async function endedElsewhere(tabId: number, snapshot: CallSnapshot, at: number): Promise<TabCallState | null> {
    if (snapshot.state !== 'in-call' || !snapshot.title) return null;
    const call = (await recentCalls(at)).find((c) => c.platform === snapshot.platform && c.title === snapshot.title);
    if (!call) return null;
    return {
      tabId, platform: call.platform, snapshot: { ...snapshot, state: 'left' },
      sessionId: call.sessionId, callStartedAt: call.callStartedAt, callEndedAt: call.endedAt, updatedAt: call.endedAt,
    };
  }

  /** A snapshot from a content script; ignored unless it comes from a tab on that platform. */
  async function recordSnapshot(tabId: number, senderUrl: string | undefined, snapshot: CallSnapshot): Promise<TabCallState | null> {
    if (platformOfUrl(senderUrl) !== snapshot.platform) return null;
    const at = now();
    const prev = (await read(tabId)) ?? (await endedElsewhere(tabId, snapshot, at));
    const next = nextTabState(prev, tabId, snapshot, { now: at, newSessionId });
    // A continued call is taken: a third tab cannot continue it too.
    if (prev && prev.tabId === tabId && next.sessionId === prev.sessionId && prev.callEndedAt !== null && next.callEndedAt === null) {
      await store.set({ [RECENT_CALLS_KEY]: (await recentCalls(at)).filter((c) => c.sessionId !== next.sessionId) });
    }
    await store.set({ [tabStateKey(tabId)]: next });
    await panel.offerOnCallTab(tabId);
    return next;
  }

  /**
   * The call page is gone (tab closed, or it left the call site) without showing that the user
   * left: the call's session ends now, so it does not stay open in history for ever.
   */
  async function forgetTab(tabId: number): Promise<void> {
    const state = await read(tabId);
    await store.remove(tabStateKey(tabId));
    if (!state?.sessionId) return;
    const at = now();
    await rememberEnded(state, state.callEndedAt ?? at);
    if (sessions && state.callEndedAt === null) await sessions.endSession(state.sessionId, at);
  }

  /** A tab loaded a URL (undefined when the extension may not see it: never a call page). */
  async function tabNavigated(tabId: number, url: string | undefined): Promise<void> {
    if (platformOfUrl(url) !== null) {
      await panel.offerOnCallTab(tabId);
      return;
    }
    await panel.withdrawFromTab(tabId);
    await forgetTab(tabId);
  }

  async function tabClosed(tabId: number): Promise<void> {
    await forgetTab(tabId);
  }

  return { read, recordSnapshot, tabNavigated, tabClosed };
}

export type CallTabs = ReturnType<typeof createCallTabs>;
