import type { TabCallState } from '../messaging';
import { tabCallState } from '../messaging-schema';
import { platformOfUrl } from '../platforms/hosts';
import type { CallSnapshot } from '../platforms/types';
import { endedByHand, nextTabState, startedByHand } from './next-tab-state';
import { readStored, removeStored, writeStored, type KeyValueArea } from '../storage-area';

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
 * Runs each tab's updates one after another, in the order they came: a snapshot still being
 * recorded when its tab navigates away must not offer the panel after the navigation withdrew it.
 */
function inTabOrder() {
  const tails = new Map<number, Promise<unknown>>();
  return <T>(tabId: number, work: () => Promise<T>): Promise<T> => {
    const run = (tails.get(tabId) ?? Promise.resolve()).then(work);
    const tail = run.catch(() => undefined);
    tails.set(tabId, tail);
    void tail.then(() => {
      if (tails.get(tabId) === tail) tails.delete(tabId);
    });
    return run;
  };
}

/**
 * The background's record of call tabs: which tabs are calls, what each call page last showed,
 * and which Attune session belongs to the call. Kept in a storage area so that a restarted
 * service worker picks up where it was.
 */
export function createCallTabs({
  store,
  panel,
  sessions,
  now = Date.now,
  newSessionId = () => crypto.randomUUID(),
}: CallTabsDeps) {
  const inOrder = inTabOrder();

  const read = (tabId: number): Promise<TabCallState | null> => readStored(store, tabCallState(tabId));

  /** A snapshot from a content script; ignored unless it comes from a tab on that platform. */
  async function recordSnapshot(
    tabId: number,
    senderUrl: string | undefined,
    snapshot: CallSnapshot,
  ): Promise<TabCallState | null> {
    if (platformOfUrl(senderUrl) !== snapshot.platform) return null;
    const next = nextTabState(await read(tabId), tabId, snapshot, { now: now(), newSessionId });
    await writeStored(store, tabCallState(tabId), next);
    await panel.offerOnCallTab(tabId);
    return next;
  }

  /**
   * The call page is gone (tab closed, or it left the call site) without showing that the user
   * left: the call's session ends now, so it does not stay open in history for ever.
   */
  async function forgetTab(tabId: number): Promise<void> {
    const state = await read(tabId);
    await removeStored(store, tabCallState(tabId));
    if (sessions && state?.sessionId && state.callEndedAt === null) await sessions.endSession(state.sessionId, now());
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

  /** The mentor started or ended the session by hand; only for a tab whose call page has been heard from. */
  async function byHand(tabId: number, action: 'start' | 'end'): Promise<TabCallState | null> {
    const state = await read(tabId);
    if (!state) return null;
    const next = action === 'start' ? startedByHand(state, { now: now(), newSessionId }) : endedByHand(state, now());
    if (next !== state) await writeStored(store, tabCallState(tabId), next);
    if (action === 'end' && sessions && state.sessionId && next.callEndedAt !== null && state.callEndedAt === null)
      await sessions.endSession(state.sessionId, next.callEndedAt);
    return next;
  }

  return {
    read,
    recordSnapshot: (tabId: number, senderUrl: string | undefined, snapshot: CallSnapshot) =>
      inOrder(tabId, () => recordSnapshot(tabId, senderUrl, snapshot)),
    tabNavigated: (tabId: number, url: string | undefined) => inOrder(tabId, () => tabNavigated(tabId, url)),
    tabClosed: (tabId: number) => inOrder(tabId, () => tabClosed(tabId)),
    byHand: (tabId: number, action: 'start' | 'end') => inOrder(tabId, () => byHand(tabId, action)),
  };
}

export type CallTabs = ReturnType<typeof createCallTabs>;
