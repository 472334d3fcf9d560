import { describe, expect, it } from 'vitest';
import { nextTabState, REJOIN_GAP_MS } from '@/utils/call/next-tab-state';
import type { CallSnapshot } from '@/utils/platforms/types';

const snap = (state: CallSnapshot['state'], extra: Partial<CallSnapshot> = {}): CallSnapshot => ({
  platform: 'meet',
  state,
  title: 'Weekly',
  selfName: null,
  controlsFound: state !== 'unknown',
  ...extra,
});

function ids() {
  let n = 0;
  return () => `s${++n}`;
}

describe('nextTabState', () => {
  it('starts no session while the user waits in the lobby', () => {
    const s = nextTabState(null, 7, snap('lobby'), { now: 1_000, newSessionId: ids() });
    expect(s).toMatchObject({ tabId: 7, sessionId: null, callStartedAt: null });
  });

  it('starts a session when the call is first seen in progress and keeps it while it runs', () => {
    const newId = ids();
    const a = nextTabState(null, 7, snap('lobby'), { now: 1_000, newSessionId: newId });
    const b = nextTabState(a, 7, snap('in-call'), { now: 2_000, newSessionId: newId });
    const c = nextTabState(b, 7, snap('in-call', { title: 'Renamed' }), { now: 9_000, newSessionId: newId });
    expect(b).toMatchObject({ sessionId: 's1', callStartedAt: 2_000, callEndedAt: null });
    expect(c).toMatchObject({ sessionId: 's1', callStartedAt: 2_000, updatedAt: 9_000 });
    expect(c.snapshot.title).toBe('Renamed');
  });

  it('ends the session when the page shows the user left, and starts a new one on a rejoin after the gap', () => {
    const newId = ids();
    const inCall = nextTabState(null, 7, snap('in-call'), { now: 2_000, newSessionId: newId });
    const left = nextTabState(inCall, 7, snap('left'), { now: 60_000, newSessionId: newId });
    const later = 60_000 + REJOIN_GAP_MS + 1;
    const rejoined = nextTabState(left, 7, snap('in-call'), { now: later, newSessionId: newId });
    expect(left).toMatchObject({ sessionId: 's1', callEndedAt: 60_000 });
    expect(rejoined).toMatchObject({ sessionId: 's2', callStartedAt: later, callEndedAt: null });
  });

  it('continues the same session when the same meeting is rejoined within the gap', () => {
    const newId = ids();
    const inCall = nextTabState(null, 7, snap('in-call'), { now: 2_000, newSessionId: newId });
    const left = nextTabState(inCall, 7, snap('left'), { now: 60_000, newSessionId: newId });
    const lobby = nextTabState(left, 7, snap('lobby'), { now: 61_000, newSessionId: newId });
    const rejoined = nextTabState(lobby, 7, snap('in-call'), { now: 63_000, newSessionId: newId });
    expect(rejoined).toMatchObject({ sessionId: 's1', callStartedAt: 2_000, callEndedAt: null });
  });

  it('starts a new session when another meeting is joined in the same tab within the gap', () => {
    const newId = ids();
    const inCall = nextTabState(null, 7, snap('in-call'), { now: 2_000, newSessionId: newId });
    const left = nextTabState(inCall, 7, snap('left'), { now: 60_000, newSessionId: newId });
    const other = nextTabState(left, 7, snap('in-call', { title: 'Budget review' }), {
      now: 63_000,
      newSessionId: newId,
    });
    expect(other).toMatchObject({ sessionId: 's2', callStartedAt: 63_000 });
  });

  it('keeps the session through a moment where the page is not recognised', () => {
    const newId = ids();
    const inCall = nextTabState(null, 7, snap('in-call'), { now: 2_000, newSessionId: newId });
    const lost = nextTabState(inCall, 7, snap('unknown'), { now: 3_000, newSessionId: newId });
    const back = nextTabState(lost, 7, snap('in-call'), { now: 4_000, newSessionId: newId });
    expect(back).toMatchObject({ sessionId: 's1', callStartedAt: 2_000 });
  });
});
