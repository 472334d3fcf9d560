import type { TabCallState } from '../messaging';
import { REJOIN_GAP_MS } from './next-tab-state';

/**
 * What is true while the call page shows its waiting room: no session yet, a session still
 * running (the call page was reloaded, or the user stepped out to the lobby), or one that ended
 * moments ago and continues if the same meeting is rejoined in time.
 */
export type LobbyNoticeKind = 'lobby' | 'lobby-running' | 'lobby-rejoin';

export function lobbyNoticeKind(tab: Pick<TabCallState, 'sessionId' | 'callEndedAt'>, now: number): LobbyNoticeKind {
  if (tab.sessionId === null) return 'lobby';
  if (tab.callEndedAt === null) return 'lobby-running';
  return now - tab.callEndedAt <= REJOIN_GAP_MS ? 'lobby-rejoin' : 'lobby';
}
