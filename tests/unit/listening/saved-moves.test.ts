import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { openAttuneDb } from '@/utils/db/open';
import { createIdbSessionRepo } from '@/utils/db/session-repo';
import { EMPTY_MOVE_COUNTS, emptyListeningState } from '@/utils/listening/follow';
import { fakeSession } from '../../support/records';

// Moves are an optional field read with a default, so sessions saved before them need no
// migration (and the schema version stays as it is).
describe('moves saved with a session', () => {
  it('reads a session saved before moves were counted as having none, then saves moves on it', async () => {
    const db = await openAttuneDb(new IDBFactory());
    const old: Partial<ReturnType<typeof fakeSession>> = fakeSession();
    delete old.moves;
    await db.put('sessions', old as ReturnType<typeof fakeSession>);
    const repo = createIdbSessionRepo(db);
    const before = await repo.get('ses-1');
    expect(before?.moves).toBeUndefined();
    expect(emptyListeningState(before?.moves).moves.counts).toEqual(EMPTY_MOVE_COUNTS);

    const moves = {
      counts: { ...EMPTY_MOVE_COUNTS, summarising: 2 },
      turns: [{ at: 5, move: 'summarising' as const }],
    };
    await repo.checkpoint('ses-1', { moves, lastCheckpointAt: 10 });
    expect((await repo.get('ses-1'))?.moves).toEqual(moves);
  });

  it('fills in a move a damaged record lacks with zero', () => {
    const partial = { counts: { restating: 3 } as typeof EMPTY_MOVE_COUNTS, turns: [] };
    expect(emptyListeningState(partial).moves.counts).toEqual({ ...EMPTY_MOVE_COUNTS, restating: 3 });
  });
});
