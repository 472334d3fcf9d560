import { describe, expect, it } from 'vitest';
// idb checks results against the global IDB classes, so install fake-indexeddb's globals too.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openAttuneDb } from '@/utils/db/open';
import { DB_VERSION } from '@/utils/db/migrations';
import { DbError } from '@/utils/db/errors';
import { fakeCommitment, fakeRelationship, fakeSession } from '../../support/records';

const versions = Array.from({ length: DB_VERSION }, (_, i) => i + 1);

/** A commitment as each schema version wrote it. */
function commitmentAtVersion(version: number): object {
  const commitment: Partial<ReturnType<typeof fakeCommitment>> = fakeCommitment();
  if (version < 3) delete commitment.elapsedMs;
  if (version < 6) {
    delete commitment.agreedByBoth;
    delete commitment.obstacles;
    delete commitment.support;
  }
  if (version < 10) delete commitment.updatedAt;
  return commitment;
}

/** A session as each schema version wrote it. */
function sessionAtVersion(version: number): object {
  const session: Partial<ReturnType<typeof fakeSession>> = fakeSession();
  if (version < 2) delete session.promptsUsed;
  if (version < 4) delete session.nextCheckIn;
  if (version < 5) delete session.roleSwaps;
  if (version < 7) delete session.summaryConsentAt;
  if (version < 9) delete session.transcript;
  return session;
}

describe('database migrations', () => {
  it.each(versions)('opens a database written at version %d with all its data intact', async (version) => {
    const factory = new IDBFactory();
    const old = await openAttuneDb(factory, 'attune', version);
    await old.put('relationships', fakeRelationship());
    await old.put('sessions', sessionAtVersion(version) as unknown as ReturnType<typeof fakeSession>);
    await old.put('commitments', commitmentAtVersion(version) as ReturnType<typeof fakeCommitment>);
    old.close();

    const current = await openAttuneDb(factory);
    expect(current.version).toBe(DB_VERSION);
    expect(await current.get('relationships', 'rel-1')).toEqual(fakeRelationship());
    expect(await current.get('sessions', 'ses-1')).toEqual(fakeSession());
    expect(await current.getAllFromIndex('commitments', 'by-relationship-status', ['rel-1', 'open'])).toEqual([
      fakeCommitment(),
    ]);
    // Version 6: sessions found by their last checkpoint, and an empty cache store.
    expect(await current.getAllKeysFromIndex('sessions', 'by-checkpoint')).toEqual(['ses-1']);
    expect(await current.count('caches')).toBe(0);
  });

  it('dates a version-9 commitment by its latest review, and finds it by when it was written', async () => {
    const factory = new IDBFactory();
    const old = await openAttuneDb(factory, 'attune', 9);
    const reviewed = {
      ...commitmentAtVersion(9),
      id: 'com-2',
      reviewNotes: [
        { sessionId: 'ses-2', status: 'done', note: 'sent', at: 90_000 },
        { sessionId: 'ses-3', status: 'done', note: '', at: 70_000 },
      ],
    };
    await old.put('commitments', commitmentAtVersion(9) as ReturnType<typeof fakeCommitment>);
    await old.put('commitments', reviewed as unknown as ReturnType<typeof fakeCommitment>);
    old.close();
    const current = await openAttuneDb(factory);
    expect((await current.get('commitments', 'com-2'))?.updatedAt).toBe(90_000);
    expect((await current.get('commitments', 'com-1'))?.updatedAt).toBe(fakeCommitment().createdAt);
    expect(await current.getAllKeysFromIndex('commitments', 'by-updated', IDBKeyRange.lowerBound(50_000))).toEqual([
      'com-2',
    ]);
  });

  it('turns a version-6 text summary into a structured one, keeping its words', async () => {
    const factory = new IDBFactory();
    const old = await openAttuneDb(factory, 'attune', 6);
    const session = { ...(sessionAtVersion(6) as Record<string, unknown>), summary: 'We talked about delegation.' };
    await old.put('sessions', session as unknown as ReturnType<typeof fakeSession>);
    old.close();
    const current = await openAttuneDb(factory);
    expect((await current.get('sessions', 'ses-1'))?.summary).toMatchObject({
      nextFocus: 'We talked about delegation.',
      themes: [],
      edited: true,
    });
  });

  it('refuses a database from a newer Attune with a sentence, changing nothing', async () => {
    const factory = new IDBFactory();
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open('attune', DB_VERSION + 1);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    newer.close();
    const error = await openAttuneDb(factory).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DbError);
    expect((error as DbError).failure).toBe('newer-version');
    expect((error as DbError).message).toMatch(/newer version of Attune/);
  });
});
