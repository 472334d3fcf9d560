import { toDbError } from './errors';
import type { AttuneDb } from './schema';
import type { CommitmentRecord } from './types';

export interface CommitmentRepo {
  put(record: CommitmentRecord): Promise<void>;
  delete(id: string): Promise<void>;
  listBySession(sessionId: string): Promise<CommitmentRecord[]>;
  /** What is still open or in progress for a relationship: the next session's review list. */
  listCarryOver(relationshipId: string): Promise<CommitmentRecord[]>;
  /** Every commitment still open or in progress, across relationships: what may fall due. */
  listOpen(): Promise<CommitmentRecord[]>;
}

export function createIdbCommitmentRepo(db: AttuneDb): CommitmentRepo {
  const byCreated = (a: CommitmentRecord, b: CommitmentRecord) => a.createdAt - b.createdAt;
  return {
    async put(record) {
      try {
        await db.put('commitments', record);
      } catch (error) {
        throw toDbError(error);
      }
    },
    async delete(id) {
      try {
        await db.delete('commitments', id);
      } catch (error) {
        throw toDbError(error);
      }
    },
    async listBySession(sessionId) {
      try {
        return (await db.getAllFromIndex('commitments', 'by-session', sessionId)).sort(byCreated);
      } catch (error) {
        throw toDbError(error);
      }
    },
    async listCarryOver(relationshipId) {
      try {
        const index = 'by-relationship-status';
        const [open, inProgress] = await Promise.all([
          db.getAllFromIndex('commitments', index, [relationshipId, 'open']),
          db.getAllFromIndex('commitments', index, [relationshipId, 'in-progress']),
        ]);
        return [...open, ...inProgress].sort(byCreated);
      } catch (error) {
        throw toDbError(error);
      }
    },
    async listOpen() {
      try {
        const tx = db.transaction('commitments');
        const index = tx.store.index('by-status');
        const [open, inProgress] = await Promise.all([index.getAll('open'), index.getAll('in-progress'), tx.done]);
        return [...open, ...inProgress].sort(byCreated);
      } catch (error) {
        throw toDbError(error);
      }
    },
  };
}
