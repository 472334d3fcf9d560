import type { TabCallState } from '../messaging';
import type { CallSnapshot } from '../platforms/types';

/**
 * How long after leaving a rejoin of the same meeting in the same tab still continues the
 * session. Long enough for a dropped connection, a wrong button or a browser that needed the
 * microphone again; short enough that a later call of the same meeting link is its own session.
 */
export const REJOIN_GAP_MS = 5 * 60_000;

export interface TabStateDeps {
  now: number;
  newSessionId: () => string;
}

/** Whether a rejoin at `now` is the same meeting as the call that ended, soon enough to continue it. */
function continuesEndedCall(prev: TabCallState, snapshot: CallSnapshot, now: number): boolean {
  if (prev.sessionId === null || prev.callEndedAt === null) return false;
  if (now - prev.callEndedAt > REJOIN_GAP_MS) return false;
  // A title seen on both sides that differs means another meeting in the same tab.
  const before = prev.snapshot.title;
  return !before || !snapshot.title || before === snapshot.title;
}

/**
 * The tab's next state after a snapshot from its call page. A session begins the first time
 * the call is seen in progress and ends when the page shows the user left; rejoining the same
 * meeting within REJOIN_GAP_MS continues it (same session, same start), later starts a new one.
 */
export function nextTabState(
  prev: TabCallState | null,
  tabId: number,
  snapshot: CallSnapshot,
  { now, newSessionId }: TabStateDeps,
): TabCallState {
  const samePlatform = prev !== null && prev.platform === snapshot.platform;
  const base: TabCallState = samePlatform
    ? { ...prev, snapshot, updatedAt: now }
    : {
        tabId,
        platform: snapshot.platform,
        snapshot,
        sessionId: null,
        callStartedAt: null,
        callEndedAt: null,
        updatedAt: now,
      };

  if (snapshot.state === 'in-call' && samePlatform && continuesEndedCall(prev, snapshot, now)) {
    return { ...base, callEndedAt: null };
  }
  if (snapshot.state === 'in-call' && (base.sessionId === null || base.callEndedAt !== null)) {
    return { ...base, sessionId: newSessionId(), callStartedAt: now, callEndedAt: null };
  }
  if (snapshot.state === 'left' && base.sessionId !== null && base.callEndedAt === null) {
    return { ...base, callEndedAt: now };
  }
  return base;
}

/**
 * The mentor starts the session by hand, where the page's call controls are not recognised: a
 * new session now (or the running one, if there is one). Snapshots then neither start another
 * nor end it, except a page that plainly shows the user left.
 */
export function startedByHand(prev: TabCallState, { now, newSessionId }: TabStateDeps): TabCallState {
  if (prev.sessionId !== null && prev.callEndedAt === null) return prev;
  return { ...prev, sessionId: newSessionId(), callStartedAt: now, callEndedAt: null, updatedAt: now, byHand: true };
}

/** The mentor ends the running session by hand; nothing changes when none runs. */
export function endedByHand(prev: TabCallState, now: number): TabCallState {
  if (prev.sessionId === null || prev.callEndedAt !== null) return prev;
  return { ...prev, callEndedAt: now, updatedAt: now };
}
