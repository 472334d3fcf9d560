import { describe, expect, it } from 'vitest';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openAttuneDb } from '@/utils/db/open';
import { createIdbHistoryRepo } from '@/utils/db/history-repo';
import { DbError } from '@/utils/db/errors';
import { mergeRelationships } from '@/utils/relationships/manage';
import type { SessionRecord } from '@/utils/db/types';
import { fakeHistory } from '../../support/fake-history';

const NOW = Date.UTC(2026, 11, 4);
const history = fakeHistory({ sessions: 20, commitmentsPerSession: 2, relationships: 2, now: NOW });

async function seeded() {
  const db = await openAttuneDb(new IDBFactory());
  const repo = createIdbHistoryRepo(db);
  await repo.merge(history);
  return { db, repo };
}

describe('merging relationships in the database', () => {
  it('moves every session and commitment and deletes the merged record, in one transaction', async () => {
    const { db, repo } = await seeded();
    const writes = await repo.mergeRelationships('rel-1', 'rel-0', ({ from, into, sessions, commitments }) =>
      mergeRelationships(from, into, { sessions, commitments }, NOW),
    );
    expect(writes?.sessions.length).toBe(history.sessions.filter((s) => s.relationshipId === 'rel-1').length);
    expect(await db.get('relationships', 'rel-1')).toBeUndefined();
    expect((await db.getAll('sessions')).every((s) => s.relationshipId !== 'rel-1')).toBe(true);
    expect((await db.getAll('commitments')).every((c) => c.relationshipId !== 'rel-1')).toBe(true);
    expect(await db.count('sessions')).toBe(history.sessions.length);
    expect(await db.count('commitments')).toBe(history.commitments.length);
  });

  it('changes nothing when a write fails half way: the whole merge is undone', async () => {
    const { db, repo } = await seeded();
    const before = await repo.readAll();
    // The last session written has no id: IndexedDB refuses it after the others were put.
    const merge = repo.mergeRelationships('rel-1', 'rel-0', ({ from, into, sessions, commitments }) => {
      const plan = mergeRelationships(from, into, { sessions, commitments }, NOW);
      const broken = { ...plan.sessions[0], id: undefined } as unknown as SessionRecord;
      return { ...plan, sessions: [...plan.sessions, broken] };
    });
    await expect(merge).rejects.toBeInstanceOf(DbError);
    const after = await repo.readAll();
    const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(after.relationships)).toEqual(byId(before.relationships));
    expect(byId(after.sessions)).toEqual(byId(before.sessions));
    expect(byId(after.commitments)).toEqual(byId(before.commitments));
    expect(db.objectStoreNames.length).toBeGreaterThan(0);
  });

  it('writes nothing and answers null when either relationship is gone', async () => {
    const { repo } = await seeded();
    const before = await repo.readAll();
    expect(
      await repo.mergeRelationships('rel-1', 'nobody', () => {
        throw new Error('not called');
      }),
    ).toBeNull();
    expect((await repo.readAll()).sessions).toEqual(before.sessions);
  });
});
