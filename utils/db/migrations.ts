import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { AttuneSchema } from './schema';
import type { CommitmentRecord, SessionRecord, StoredSummary } from './types';
import { lastWrittenAt } from '../commitments/written-at';

export type UpgradeDb = IDBPDatabase<AttuneSchema>;
export type UpgradeTx = IDBPTransaction<AttuneSchema, StoreNames<AttuneSchema>[], 'versionchange'>;

/**
 * Numbered migrations: MIGRATIONS[n] takes a database from version n to n + 1. Never edit a
 * shipped migration; add the next one, with a fixture of the old version in the tests.
 */
export type Migration = (db: UpgradeDb, tx: UpgradeTx) => void | Promise<void>;

export const MIGRATIONS: ReadonlyArray<Migration> = [
  // 0 → 1: relationships, sessions and commitments (DESIGN.md's data model).
  (db) => {
    const relationships = db.createObjectStore('relationships', { keyPath: 'id' });
    relationships.createIndex('by-updated', 'updatedAt');
    const sessions = db.createObjectStore('sessions', { keyPath: 'id' });
    sessions.createIndex('by-relationship', 'relationshipId');
    sessions.createIndex('by-started', 'startedAt');
    const commitments = db.createObjectStore('commitments', { keyPath: 'id' });
    commitments.createIndex('by-session', 'sessionId');
    commitments.createIndex('by-relationship', 'relationshipId');
    commitments.createIndex('by-status', 'status');
    commitments.createIndex('by-relationship-status', ['relationshipId', 'status']);
  },
  // 1 → 2: sessions record the prompts the mentor marked as asked.
  async (_db, tx) => {
    let cursor = await tx.objectStore('sessions').openCursor();
    while (cursor) {
      const value = cursor.value as Partial<SessionRecord> & SessionRecord;
      if (!Array.isArray(value.promptsUsed)) await cursor.update({ ...value, promptsUsed: [] });
      cursor = await cursor.continue();
    }
  },
  // 2 → 3: commitments keep how far into the call they were captured.
  async (_db, tx) => {
    let cursor = await tx.objectStore('commitments').openCursor();
    while (cursor) {
      const value = cursor.value as Partial<CommitmentRecord> & CommitmentRecord;
      if (value.elapsedMs === undefined) await cursor.update({ ...value, elapsedMs: null });
      cursor = await cursor.continue();
    }
  },
  // 3 → 4: sessions keep the agreed next check-in.
  async (_db, tx) => {
    let cursor = await tx.objectStore('sessions').openCursor();
    while (cursor) {
      const value = cursor.value as Partial<SessionRecord> & SessionRecord;
      if (value.nextCheckIn === undefined) await cursor.update({ ...value, nextCheckIn: null });
      cursor = await cursor.continue();
    }
  },
  // 4 → 5: co-coaching sessions record when the two swapped roles.
  async (_db, tx) => {
    let cursor = await tx.objectStore('sessions').openCursor();
    while (cursor) {
      const value = cursor.value as Partial<SessionRecord> & SessionRecord;
      if (!Array.isArray(value.roleSwaps)) await cursor.update({ ...value, roleSwaps: [] });
      cursor = await cursor.continue();
    }
  },
  // 5 → 6: commitments say whether both agreed, what might get in the way, and what support helps.
  async (_db, tx) => {
    let cursor = await tx.objectStore('commitments').openCursor();
    while (cursor) {
      const value = cursor.value as Partial<CommitmentRecord> & CommitmentRecord;
      if (value.agreedByBoth === undefined)
        await cursor.update({ ...value, agreedByBoth: false, obstacles: '', support: '' });
      cursor = await cursor.continue();
    }
  },
  // 6 → 7: summaries become structured, and the session keeps when both agreed to one.
  async (_db, tx) => {
    let cursor = await tx.objectStore('sessions').openCursor();
    while (cursor) {
      const value = cursor.value as Omit<SessionRecord, 'summary'> & {
        summary: unknown;
        summaryConsentAt?: number | null;
      };
      if (value.summaryConsentAt === undefined || typeof value.summary === 'string') {
        const text = typeof value.summary === 'string' ? value.summary : null;
        const summary: StoredSummary | null = text
          ? {
              themes: [],
              insights: [],
              agreedActions: [],
              nextFocus: text,
              model: 'unknown',
              madeAt: value.lastCheckpointAt,
              edited: true,
            }
          : (value.summary as StoredSummary | null);
        await cursor.update({ ...value, summary, summaryConsentAt: value.summaryConsentAt ?? null });
      }
      cursor = await cursor.continue();
    }
  },
  // 7 → 8: the dashboard. Reading 5,000 full sessions takes seconds, so it keeps a compact,
  // rebuildable digest of the history in `caches`; `by-checkpoint` tells it cheaply whether
  // any session was saved since the digest was made.
  (db, tx) => {
    db.createObjectStore('caches', { keyPath: 'id' });
    tx.objectStore('sessions').createIndex('by-checkpoint', 'lastCheckpointAt');
  },
  // 8 → 9: a session may keep its captions' transcript (only when the mentor chooses to).
  async (_db, tx) => {
    let cursor = await tx.objectStore('sessions').openCursor();
    while (cursor) {
      const value = cursor.value as Partial<SessionRecord> & SessionRecord;
      if (value.transcript === undefined) await cursor.update({ ...value, transcript: null });
      cursor = await cursor.continue();
    }
  },
  // 9 → 10: commitments say when they were last written, so the dashboard can read only those
  // written since its digest was built. Before now, the latest of capture and review is the best known.
  async (_db, tx) => {
    const store = tx.objectStore('commitments');
    let cursor = await store.openCursor();
    while (cursor) {
      const value = cursor.value as Partial<CommitmentRecord> & CommitmentRecord;
      if (typeof value.updatedAt !== 'number') await cursor.update({ ...value, updatedAt: lastWrittenAt(value) });
      cursor = await cursor.continue();
    }
    store.createIndex('by-updated', 'updatedAt');
  },
];

export const DB_VERSION = MIGRATIONS.length;
