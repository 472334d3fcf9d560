import type { AttuneDb } from '@/utils/db/schema';
import { createIdbHistoryRepo } from '@/utils/db/history-repo';
import { createIdbSessionRepo } from '@/utils/db/session-repo';
import { createIdbRelationshipRepo } from '@/utils/db/relationship-repo';
import { createIdbCommitmentRepo } from '@/utils/db/commitment-repo';

/**
 * The plain IndexedDB repositories over one database, as a test hands them to a store: sessions
 * unsealed. A test that needs one of its own (sealing, wrapped, spied on) puts it after the spread.
 */
export function idbRepos(db: AttuneDb) {
  return {
    history: createIdbHistoryRepo(db),
    sessions: createIdbSessionRepo(db),
    relationships: createIdbRelationshipRepo(db),
    commitments: createIdbCommitmentRepo(db),
  };
}
