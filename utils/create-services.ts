import type { AttuneDb } from './db/schema';
import { createIdbSessionRepo } from './db/session-repo';
import { createIdbRelationshipRepo } from './db/relationship-repo';
import { createIdbCommitmentRepo } from './db/commitment-repo';
import { createIdbHistoryRepo } from './db/history-repo';
import { createSealingSessionRepo } from './db/sealing-session-repo';
import { createKeyring } from './crypto/keyring';
import { createSealLock } from './crypto/seal-lock';
import type { KeyValueArea } from './storage-area';
import type { Services } from './services';

export interface ServicesDeps {
  db: AttuneDb;
  local: KeyValueArea;
  session: KeyValueArea;
  /**
   * This page's name in drafts written while locked (the background writes a closing panel's
   * notes under it too); a page that writes no notes leaves it to the repository.
   */
  writer?: string;
  now?: () => number;
}

/** What every page builds the same way: the clock, the repositories, keyring and seal lock over one database. */
export type CoreServices = Pick<
  Services,
  | 'now'
  | 'sessions'
  | 'rawSessions'
  | 'relationships'
  | 'commitments'
  | 'history'
  | 'keyring'
  | 'exclusive'
  | 'local'
  | 'session'
>;

/**
 * Builds a page's repositories, keyring and seal lock once, over one open database. The page adds
 * what only it has (the panel: the call tab's captions and the notes' hand-off) and installs the lot.
 */
export function createServices({ db, local, session, writer, now = () => Date.now() }: ServicesDeps): CoreServices {
  const keyring = createKeyring({ local, session });
  const rawSessions = createIdbSessionRepo(db);
  const exclusive = createSealLock();
  return {
    now,
    rawSessions,
    sessions: createSealingSessionRepo(rawSessions, keyring, { exclusive, writer }),
    relationships: createIdbRelationshipRepo(db),
    commitments: createIdbCommitmentRepo(db),
    history: createIdbHistoryRepo(db),
    keyring,
    exclusive,
    local,
    session,
  };
}
