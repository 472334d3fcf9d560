import { describe, expect, it } from 'vitest';
import { sessionDigest } from '@/utils/history/digest';
import { trendSeries } from '@/utils/history/trends';
import { EMPTY_MOVE_COUNTS } from '@/utils/listening/follow';
import { fakeSession } from '../../support/records';

const NOW = Date.UTC(2026, 2, 3, 12, 0, 0);
const context = { now: NOW, targetFor: () => null };
// Half-hour sessions: the trends leave out sessions under two minutes.
const ran = (startedAt: number) => ({ startedAt, lastCheckpointAt: startedAt + 30 * 60_000 });

describe('the listening trend across sessions', () => {
  it('draws one point per session with moves, oldest first, and leaves out sessions without them', () => {
    const digests = [
      sessionDigest(
        fakeSession({
          id: 's1',
          ...ran(NOW - 3 * 86_400_000),
          moves: { counts: { ...EMPTY_MOVE_COUNTS, advice: 3, restating: 1 }, turns: [] },
        }),
        [],
      ),
      sessionDigest(fakeSession({ id: 's2', ...ran(NOW - 2 * 86_400_000) }), []),
      sessionDigest(
        fakeSession({
          id: 's3',
          ...ran(NOW - 86_400_000),
          moves: { counts: { ...EMPTY_MOVE_COUNTS, advice: 1, open: 3 }, turns: [] },
        }),
        [],
      ),
    ].reverse();
    const listening = trendSeries(digests, context).find((s) => s.id === 'listening');
    expect(listening?.points.map((p) => [p.sessionId, p.value])).toEqual([
      ['s1', 0.25],
      ['s3', 0.75],
    ]);
  });

  it('reads a digest built before moves were counted as having no listening figure', () => {
    const old = sessionDigest(fakeSession(), []);
    delete old.listening;
    expect(trendSeries([old], context).find((s) => s.id === 'listening')?.points).toEqual([]);
  });
});
