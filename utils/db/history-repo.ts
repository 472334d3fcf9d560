import { toDbError } from './errors';
import type { AttuneDb, CacheRecord } from './schema';
import type { CommitmentRecord, RelationshipRecord, SessionRecord } from './types';

/** Everything Attune keeps about mentoring, as one bundle: backups, deletions and their undo. */
export interface HistoryBundle {
  relationships: RelationshipRecord[];
  sessions: SessionRecord[];
  commitments: CommitmentRecord[];
}

export interface MergeCounts {
  added: number;
  kept: number;
}

/**
 * The whole history, for the dashboard: cheap change detection, chunked reads that leave the
 * page responsive, deletions that hand back what they removed (for undo), and merges.
 */
export interface HistoryRepo {
  /** Changes whenever a session is saved or removed, or a commitment is written or removed (see `readFingerprint`). */
  fingerprint(): Promise<string>;
  readCache(id: string): Promise<CacheRecord | null>;
  writeCache(record: CacheRecord): Promise<void>;
  /** Every record of a store, `chunk` at a time, in key order. */
  forEachChunk<S extends 'sessions' | 'commitments' | 'relationships'>(
    store: S,
    chunk: number,
    visit: (records: StoreValue<S>[]) => void | Promise<void>,
  ): Promise<void>;
  readAll(): Promise<HistoryBundle>;
  /** Ids of every stored session. */
  sessionIds(): Promise<string[]>;
  /** Ids of sessions last saved at or after `at`. */
  sessionIdsSavedSince(at: number): Promise<string[]>;
  /** The stored sessions among `ids`, read in one transaction. */
  getSessions(ids: readonly string[]): Promise<SessionRecord[]>;
  /** Commitments written (captured, edited, reviewed, put back) at or after `at`. */
  commitmentsWrittenSince(at: number): Promise<CommitmentRecord[]>;
  /** Every commitment agreed in one of these sessions, read in one transaction. */
  commitmentsOfSessions(sessionIds: readonly string[]): Promise<CommitmentRecord[]>;
  /** Ids of sessions that started before `before`. */
  sessionIdsStartedBefore(before: number): Promise<string[]>;
  deleteSessions(ids: string[]): Promise<HistoryBundle>;
  deleteRelationship(id: string): Promise<HistoryBundle>;
  deleteAll(): Promise<HistoryBundle>;
  /** Adds what is not there yet (matched by id); what is there is kept as it is. One transaction. */
  merge(bundle: HistoryBundle): Promise<MergeCounts>;
  /**
   * Merges relationship `fromId` into `intoId` in one transaction: reads both records with the
   * sessions and commitments of `fromId`, writes what `plan` makes of them and deletes the merged
   * record; all of it or, on any failure, none. Null when either relationship is not there.
   */
  mergeRelationships(
    fromId: string,
    intoId: string,
    plan: (records: RelationshipMergeInput) => RelationshipMergeWrites,
  ): Promise<RelationshipMergeWrites | null>;
  /**
   * Undoes a merge in one transaction: both relationships as `before` had them, and the sessions
   * and commitments that moved back with the merged one (commitments with their owners as they
   * were), each as it is now otherwise. Records since moved elsewhere or deleted are left alone.
   */
  unmergeRelationships(before: RelationshipMergeInput, at: number): Promise<void>;
}

/** What a relationship merge reads. */
export interface RelationshipMergeInput {
  from: RelationshipRecord;
  into: RelationshipRecord;
  sessions: SessionRecord[];
  commitments: CommitmentRecord[];
}

/** What a relationship merge writes: the kept record, the moved sessions and commitments, and the id it deletes. */
export interface RelationshipMergeWrites {
  into: RelationshipRecord;
  sessions: SessionRecord[];
  commitments: CommitmentRecord[];
  removedId: string;
}

type StoreValue<S> = S extends 'sessions'
  ? SessionRecord
  : S extends 'commitments'
    ? CommitmentRecord
    : RelationshipRecord;

/** What a fingerprint counted when it was taken. */
export interface FingerprintFigures {
  sessions: number;
  commitments: number;
  /** The newest session save: a refresh reads again the sessions saved since. */
  lastSavedAt: number;
  /** The newest commitment write: a refresh reads again the commitments written since. */
  lastWrittenAt: number;
}

/** The figures in a fingerprint, or null for one of another form (an older Attune's: then rebuild). */
export function readFingerprint(fingerprint: string): FingerprintFigures | null {
  const parts = fingerprint.split(':').map(Number);
  if (parts.length !== 4 || !parts.every(Number.isFinite)) return null;
  const [sessions, commitments, lastSavedAt, lastWrittenAt] = parts as [number, number, number, number];
  return { sessions, commitments, lastSavedAt, lastWrittenAt };
}

const EMPTY = (): HistoryBundle => ({ relationships: [], sessions: [], commitments: [] });

export function createIdbHistoryRepo(db: AttuneDb): HistoryRepo {
  async function guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toDbError(error);
    }
  }

  async function removeSessions(ids: string[], removed: HistoryBundle): Promise<void> {
    const tx = db.transaction(['sessions', 'commitments'], 'readwrite');
    const sessions = tx.objectStore('sessions');
    const commitments = tx.objectStore('commitments');
    const pending: Promise<unknown>[] = [];
    for (const id of ids) {
      const session = await sessions.get(id);
      if (session) removed.sessions.push(session);
      const linked = await commitments.index('by-session').getAll(id);
      removed.commitments.push(...linked);
      for (const c of linked) pending.push(commitments.delete(c.id));
      pending.push(sessions.delete(id));
    }
    await Promise.all([...pending, tx.done]);
  }

  return {
    // Two counts (for deletions) and the newest key of two indexes (for writes): a few milliseconds
    // however long the history. Every write of a commitment dates it, so an edit shows too.
    fingerprint: () =>
      guard(async () => {
        const tx = db.transaction(['sessions', 'commitments']);
        const [sessions, commitments, lastSaved, lastWritten] = await Promise.all([
          tx.objectStore('sessions').count(),
          tx.objectStore('commitments').count(),
          tx.objectStore('sessions').index('by-checkpoint').openKeyCursor(null, 'prev'),
          tx.objectStore('commitments').index('by-updated').openKeyCursor(null, 'prev'),
        ]);
        return [sessions, commitments, lastSaved?.key ?? 0, lastWritten?.key ?? 0].join(':');
      }),
    readCache: (id) => guard(async () => (await db.get('caches', id)) ?? null),
    writeCache: (record) =>
      guard(async () => {
        await db.put('caches', record);
      }),
    forEachChunk: (store, chunk, visit) =>
      guard(async () => {
        let after: string | null = null;
        for (;;) {
          const range: IDBKeyRange | null = after === null ? null : IDBKeyRange.lowerBound(after, true);
          const records = (await db.getAll(store, range, chunk)) as StoreValue<typeof store>[];
          if (records.length === 0) return;
          await visit(records);
          after = records[records.length - 1]?.id ?? null;
          if (records.length < chunk) return;
        }
      }),
    readAll: () =>
      guard(async () => {
        const tx = db.transaction(['relationships', 'sessions', 'commitments']);
        const [relationships, sessions, commitments] = await Promise.all([
          tx.objectStore('relationships').getAll(),
          tx.objectStore('sessions').getAll(),
          tx.objectStore('commitments').getAll(),
        ]);
        return { relationships, sessions, commitments };
      }),
    sessionIds: () => guard(async () => (await db.getAllKeys('sessions')).map(String)),
    sessionIdsSavedSince: (at) =>
      guard(async () =>
        (await db.getAllKeysFromIndex('sessions', 'by-checkpoint', IDBKeyRange.lowerBound(at))).map(String),
      ),
    getSessions: (ids) =>
      guard(async () => {
        const tx = db.transaction('sessions');
        const found = await Promise.all(ids.map((id) => tx.store.get(id)));
        await tx.done;
        return found.filter((s): s is SessionRecord => s !== undefined);
      }),
    commitmentsWrittenSince: (at) =>
      guard(() => db.getAllFromIndex('commitments', 'by-updated', IDBKeyRange.lowerBound(at))),
    commitmentsOfSessions: (sessionIds) =>
      guard(async () => {
        const index = db.transaction('commitments').store.index('by-session');
        return (await Promise.all(sessionIds.map((id) => index.getAll(id)))).flat();
      }),
    sessionIdsStartedBefore: (before) =>
      guard(async () =>
        (await db.getAllKeysFromIndex('sessions', 'by-started', IDBKeyRange.upperBound(before, true))).map(String),
      ),
    deleteSessions: (ids) =>
      guard(async () => {
        const removed = EMPTY();
        await removeSessions(ids, removed);
        return removed;
      }),
    deleteRelationship: (id) =>
      guard(async () => {
        const removed = EMPTY();
        const sessionIds = (await db.getAllKeysFromIndex('sessions', 'by-relationship', id)).map(String);
        await removeSessions(sessionIds, removed);
        const tx = db.transaction(['relationships', 'commitments'], 'readwrite');
        const relationship = await tx.objectStore('relationships').get(id);
        if (relationship) removed.relationships.push(relationship);
        // Commitments of this relationship saved with a session that is already gone.
        const strays = await tx.objectStore('commitments').index('by-relationship').getAll(id);
        removed.commitments.push(...strays);
        await Promise.all([
          ...strays.map((c) => tx.objectStore('commitments').delete(c.id)),
          tx.objectStore('relationships').delete(id),
          tx.done,
        ]);
        return removed;
      }),
    deleteAll: () =>
      guard(async () => {
        const tx = db.transaction(['relationships', 'sessions', 'commitments', 'caches'], 'readwrite');
        const [relationships, sessions, commitments] = await Promise.all([
          tx.objectStore('relationships').getAll(),
          tx.objectStore('sessions').getAll(),
          tx.objectStore('commitments').getAll(),
        ]);
        await Promise.all([
          tx.objectStore('relationships').clear(),
          tx.objectStore('sessions').clear(),
          tx.objectStore('commitments').clear(),
          tx.objectStore('caches').clear(),
          tx.done,
        ]);
        return { relationships, sessions, commitments };
      }),
    mergeRelationships: (fromId, intoId, plan) =>
      guard(async () => {
        const tx = db.transaction(['relationships', 'sessions', 'commitments'], 'readwrite');
        const relationships = tx.objectStore('relationships');
        const sessions = tx.objectStore('sessions');
        const commitments = tx.objectStore('commitments');
        const [from, into, theirSessions, theirCommitments] = await Promise.all([
          relationships.get(fromId),
          relationships.get(intoId),
          sessions.index('by-relationship').getAll(fromId),
          commitments.index('by-relationship').getAll(fromId),
        ]);
        if (!from || !into) {
          await tx.done;
          return null;
        }
        const pending: Promise<unknown>[] = [];
        try {
          // `plan` is synchronous: nothing else is awaited while the transaction is open.
          const writes = plan({ from, into, sessions: theirSessions, commitments: theirCommitments });
          pending.push(relationships.put(writes.into));
          for (const s of writes.sessions) pending.push(sessions.put(s));
          for (const c of writes.commitments) pending.push(commitments.put(c));
          pending.push(relationships.delete(writes.removedId));
          await Promise.all([...pending, tx.done]);
          return writes;
        } catch (error) {
          // A write refused at once (a record IndexedDB cannot take) throws before the rest are
          // made; without an abort, those already made would be committed: half a merge. The
          // writes made are then aborted, and their failures are this one.
          for (const request of [...pending, tx.done]) request.catch(() => undefined);
          try {
            tx.abort();
          } catch {
            // Already aborted by the failed request, or finished.
          }
          throw error;
        }
      }),
    unmergeRelationships: (before, at) =>
      guard(async () => {
        const tx = db.transaction(['relationships', 'sessions', 'commitments'], 'readwrite');
        const sessions = tx.objectStore('sessions');
        const commitments = tx.objectStore('commitments');
        const [nowSessions, nowCommitments] = await Promise.all([
          Promise.all(before.sessions.map((s) => sessions.get(s.id))),
          Promise.all(before.commitments.map((c) => commitments.get(c.id))),
        ]);
        const pending: Promise<unknown>[] = [
          tx.objectStore('relationships').put(before.from),
          tx.objectStore('relationships').put(before.into),
        ];
        for (const s of nowSessions)
          if (s?.relationshipId === before.into.id)
            pending.push(sessions.put({ ...s, relationshipId: before.from.id }));
        before.commitments.forEach((was, i) => {
          const c = nowCommitments[i];
          if (c?.relationshipId === before.into.id)
            pending.push(
              commitments.put({ ...c, relationshipId: was.relationshipId, owner: was.owner, updatedAt: at }),
            );
        });
        await Promise.all([...pending, tx.done]);
      }),
    merge: (bundle) =>
      guard(async () => {
        const tx = db.transaction(['relationships', 'sessions', 'commitments'], 'readwrite');
        const counts: MergeCounts = { added: 0, kept: 0 };
        const pending: Promise<unknown>[] = [];
        const stores = [
          [tx.objectStore('relationships'), bundle.relationships],
          [tx.objectStore('sessions'), bundle.sessions],
          [tx.objectStore('commitments'), bundle.commitments],
        ] as const;
        for (const [store, records] of stores) {
          const existing = new Set((await store.getAllKeys()).map(String));
          for (const record of records) {
            if (existing.has(record.id)) {
              counts.kept += 1;
              continue;
            }
            existing.add(record.id);
            counts.added += 1;
            // Not awaited one by one: the transaction completes once every put is done.
            pending.push((store as unknown as { put(value: unknown): Promise<unknown> }).put(record));
          }
        }
        await Promise.all([...pending, tx.done]);
        return counts;
      }),
  };
}
