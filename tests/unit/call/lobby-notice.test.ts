import { describe, expect, it } from 'vitest';
import { lobbyNoticeKind } from '@/utils/call/lobby-notice';
import { REJOIN_GAP_MS } from '@/utils/call/next-tab-state';

describe('lobbyNoticeKind', () => {
  it.each([
    ['no session yet', { sessionId: null, callEndedAt: null }, 10_000, 'lobby'],
    [
      'a session still running (the call page was reloaded)',
      { sessionId: 's1', callEndedAt: null },
      10_000,
      'lobby-running',
    ],
    [
      'a session that ended moments ago',
      { sessionId: 's1', callEndedAt: 10_000 },
      10_000 + REJOIN_GAP_MS,
      'lobby-rejoin',
    ],
    [
      'a session that ended too long ago to continue',
      { sessionId: 's1', callEndedAt: 10_000 },
      10_001 + REJOIN_GAP_MS,
      'lobby',
    ],
  ] as const)('says what is true in the waiting room with %s', (_case, tab, now, kind) => {
    expect(lobbyNoticeKind(tab, now)).toBe(kind);
  });
});
