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

type Backfilled = { sessions: SessionRecord; commitments: CommitmentRecord };

/**
 * Walks every record of a store once, in the upgrade's own transaction, and writes back the
 * records `change` returns a new value for (null: leave it as it is). The one cursor loop of the
 * migrations that fill in a new field.
 */
export async function backfill<S extends keyof Backfilled>(
  tx: UpgradeTx,
  store: S,
  change: (old: Partial<Backfilled[S]> & Backfilled[S]) => Backfilled[S] | null,
): Promise<void> {
  let cursor = await tx.objectStore(store).openCursor();
  while (cursor) {
    const next = change(cursor.value as Partial<Backfilled[S]> & Backfilled[S]);
    if (next) await cursor.update(next);
    cursor = await cursor.continue();
  }
}

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
  (_db, tx) => backfill(tx, 'sessions', (s) => (Array.isArray(s.promptsUsed) ? null : { ...s, promptsUsed: [] })),
  // 2 → 3: commitments keep how far into the call they were captured.
  (_db, tx) => backfill(tx, 'commitments', (c) => (c.elapsedMs === undefined ? { ...c, elapsedMs: null } : null)),
  // 3 → 4: sessions keep the agreed next check-in.
  (_db, tx) => backfill(tx, 'sessions', (s) => (s.nextCheckIn === undefined ? { ...s, nextCheckIn: null } : null)),
  // 4 → 5: co-coaching sessions record when the two swapped roles.
  (_db, tx) => backfill(tx, 'sessions', (s) => (Array.isArray(s.roleSwaps) ? null : { ...s, roleSwaps: [] })),
  // 5 → 6: commitments say whether both agreed, what might get in the way, and what support helps.
  (_db, tx) =>
    backfill(tx, 'commitments', (c) =>
      c.agreedByBoth === undefined ? { ...c, agreedByBoth: false, obstacles: '', support: '' } : null,
    ),
  // 6 → 7: summaries become structured, and the session keeps when both agreed to one.
  (_db, tx) =>
    backfill(tx, 'sessions', (s) => {
      const value = s as Omit<SessionRecord, 'summary'> & { summary: unknown; summaryConsentAt?: number | null };
      if (value.summaryConsentAt !== undefined && typeof value.summary !== 'string') return null;
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
      return { ...value, summary, summaryConsentAt: value.summaryConsentAt ?? null };
    }),
  // 7 → 8: the dashboard. Reading 5,000 full sessions takes seconds, so it keeps a compact,
  // rebuildable digest of the history in `caches`; `by-checkpoint` tells it cheaply whether
  // any session was saved since the digest was made.
  (db, tx) => {
    db.createObjectStore('caches', { keyPath: 'id' });
    tx.objectStore('sessions').createIndex('by-checkpoint', 'lastCheckpointAt');
  },
  // 8 → 9: a session may keep its captions' transcript (only when the mentor chooses to).
  (_db, tx) => backfill(tx, 'sessions', (s) => (s.transcript === undefined ? { ...s, transcript: null } : null)),
  // 9 → 10: commitments say when they were last written, so the dashboard can read only those
  // written since its digest was built. Before now, the latest of capture and review is the best known.
  async (_db, tx) => {
    await backfill(tx, 'commitments', (c) =>
      typeof c.updatedAt === 'number' ? null : { ...c, updatedAt: lastWrittenAt(c) },
    );
    tx.objectStore('commitments').createIndex('by-updated', 'updatedAt');
  },
];

export const DB_VERSION = MIGRATIONS.length;
