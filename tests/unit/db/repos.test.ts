import { beforeEach, describe, expect, it } from 'vitest';
// idb checks results against the global IDB classes, so install fake-indexeddb's globals too.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openAttuneDb } from '@/utils/db/open';
import { createIdbSessionRepo } from '@/utils/db/session-repo';
import { createIdbRelationshipRepo } from '@/utils/db/relationship-repo';
import { createIdbCommitmentRepo } from '@/utils/db/commitment-repo';
import type { AttuneDb } from '@/utils/db/schema';
import { fakeCommitment, fakeRelationship, fakeSession } from '../../support/records';

let db: AttuneDb;
beforeEach(async () => {
  db = await openAttuneDb(new IDBFactory());
});

describe('session repository', () => {
  it('creates a session once and resumes it when asked again', async () => {
    const repo = createIdbSessionRepo(db);
    await repo.ensure(fakeSession({ notes: 'first' }));
    const again = await repo.ensure(fakeSession({ notes: 'second' }));
    expect(again.notes).toBe('first');
    expect((await repo.get('ses-1'))?.notes).toBe('first');
  });

  it('checkpoints a running session without touching its other fields', async () => {
    const repo = createIdbSessionRepo(db);
    await repo.ensure(fakeSession());
    const saved = await repo.checkpoint('ses-1', { lastCheckpointAt: 99_000, endedAt: 99_000 });
    expect(saved).toMatchObject({
      lastCheckpointAt: 99_000,
      endedAt: 99_000,
      title: 'Weekly mentoring',
      startedAt: 10_000,
    });
  });

  it('returns null when checkpointing a session that does not exist', async () => {
    expect(await createIdbSessionRepo(db).checkpoint('missing', { lastCheckpointAt: 1 })).toBeNull();
  });

  it("lists the most recent sessions first and a relationship's sessions in order", async () => {
    const repo = createIdbSessionRepo(db);
    await repo.ensure(fakeSession({ id: 'b', startedAt: 2 }));
    await repo.ensure(fakeSession({ id: 'c', startedAt: 3, relationshipId: 'other' }));
    await repo.ensure(fakeSession({ id: 'a', startedAt: 1 }));
    expect((await repo.listRecent(2)).map((s) => s.id)).toEqual(['c', 'b']);
    expect((await repo.listByRelationship('rel-1')).map((s) => s.id)).toEqual(['a', 'b']);
  });
});

describe('relationship repository', () => {
  it('stores relationships and lists the most recently updated first', async () => {
    const repo = createIdbRelationshipRepo(db);
    await repo.put(fakeRelationship({ id: 'old', updatedAt: 1 }));
    await repo.put(fakeRelationship({ id: 'new', updatedAt: 5 }));
    expect((await repo.list()).map((r) => r.id)).toEqual(['new', 'old']);
    expect(await repo.get('missing')).toBeNull();
  });
});

describe('commitment repository', () => {
  it('carries over only open and in-progress commitments of the relationship', async () => {
    const repo = createIdbCommitmentRepo(db);
    await repo.put(fakeCommitment({ id: '1', status: 'open', createdAt: 3 }));
    await repo.put(fakeCommitment({ id: '2', status: 'done' }));
    await repo.put(fakeCommitment({ id: '3', status: 'in-progress', createdAt: 1 }));
    await repo.put(fakeCommitment({ id: '4', status: 'open', relationshipId: 'other' }));
    await repo.put(fakeCommitment({ id: '5', status: 'dropped' }));
    expect((await repo.listCarryOver('rel-1')).map((c) => c.id)).toEqual(['3', '1']);
  });

  it("lists a session's commitments and deletes one", async () => {
    const repo = createIdbCommitmentRepo(db);
    await repo.put(fakeCommitment({ id: '1', createdAt: 2 }));
    await repo.put(fakeCommitment({ id: '2', createdAt: 1 }));
    await repo.delete('1');
    expect((await repo.listBySession('ses-1')).map((c) => c.id)).toEqual(['2']);
  });
});
