import { withDbErrors } from './errors';
import type { AttuneDb } from './schema';
import type { SessionRecord } from './types';

/** The fields a running session saves at each checkpoint. */
export type SessionCheckpoint = Partial<Omit<SessionRecord, 'id' | 'platform' | 'startedAt'>> & {
  lastCheckpointAt: number;
};

/** Sessions, as the rest of Attune sees them: nothing here knows about IndexedDB. */
export interface SessionRepo {
  get(id: string): Promise<SessionRecord | null>;
  /** Creates the session unless it exists already (a reopened panel resumes it). */
  ensure(record: SessionRecord): Promise<SessionRecord>;
  checkpoint(id: string, patch: SessionCheckpoint): Promise<SessionRecord | null>;
  listByRelationship(relationshipId: string): Promise<SessionRecord[]>;
  listRecent(limit: number): Promise<SessionRecord[]>;
}

export function createIdbSessionRepo(db: AttuneDb): SessionRepo {
  return withDbErrors({
    async get(id) {
      return (await db.get('sessions', id)) ?? null;
    },
    async ensure(record) {
      const tx = db.transaction('sessions', 'readwrite');
      const existing = await tx.store.get(record.id);
      if (!existing) await tx.store.add(record);
      await tx.done;
      return existing ?? record;
    },
    async checkpoint(id, patch) {
      const tx = db.transaction('sessions', 'readwrite');
      const existing = await tx.store.get(id);
      if (!existing) {
        await tx.done;
        return null;
      }
      const next: SessionRecord = { ...existing, ...patch };
      await tx.store.put(next);
      await tx.done;
      return next;
    },
    async listByRelationship(relationshipId) {
      const sessions = await db.getAllFromIndex('sessions', 'by-relationship', relationshipId);
      return sessions.sort((a, b) => a.startedAt - b.startedAt);
    },
    async listRecent(limit) {
      const out: SessionRecord[] = [];
      let cursor = await db.transaction('sessions').store.index('by-started').openCursor(null, 'prev');
      while (cursor && out.length < limit) {
        out.push(cursor.value);
        cursor = await cursor.continue();
      }
      return out;
    },
  });
}
