import { withDbErrors } from './errors';
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
  return withDbErrors({
    async put(record) {
      await db.put('commitments', record);
    },
    async delete(id) {
      await db.delete('commitments', id);
    },
    async listBySession(sessionId) {
      return (await db.getAllFromIndex('commitments', 'by-session', sessionId)).sort(byCreated);
    },
    async listCarryOver(relationshipId) {
      const index = 'by-relationship-status';
      const [open, inProgress] = await Promise.all([
        db.getAllFromIndex('commitments', index, [relationshipId, 'open']),
        db.getAllFromIndex('commitments', index, [relationshipId, 'in-progress']),
      ]);
      return [...open, ...inProgress].sort(byCreated);
    },
    async listOpen() {
      const tx = db.transaction('commitments');
      const index = tx.store.index('by-status');
      const [open, inProgress] = await Promise.all([index.getAll('open'), index.getAll('in-progress'), tx.done]);
      return [...open, ...inProgress].sort(byCreated);
    },
  });
}
