import type { TabCallState } from '../messaging';
import type { CallSnapshot } from '../platforms/types';

export interface TabStateDeps {
  now: number;
  newSessionId: () => string;
}

/**
 * The tab's next state after a snapshot from its call page. A session begins the first time
 * the call is seen in progress and ends when the page shows the user left; rejoining after
 * leaving starts a new session.
 */
export function nextTabState(
  prev: TabCallState | null,
  tabId: number,
  snapshot: CallSnapshot,
  { now, newSessionId }: TabStateDeps,
): TabCallState {
  const base: TabCallState = prev && prev.platform === snapshot.platform
    ? { ...prev, snapshot, updatedAt: now }
    : { tabId, platform: snapshot.platform, snapshot, sessionId: null, callStartedAt: null, callEndedAt: null, updatedAt: now };

  if (snapshot.state === 'in-call' && (base.sessionId === null || base.callEndedAt !== null)) {
    return { ...base, sessionId: newSessionId(), callStartedAt: now, callEndedAt: null };
  }
  if (snapshot.state === 'left' && base.sessionId !== null && base.callEndedAt === null) {
    return { ...base, callEndedAt: now };
  }
  return base;
}
