import type { AttuneDb } from './db/schema';
import { createIdbSessionRepo } from './db/session-repo';
import { createIdbRelationshipRepo } from './db/relationship-repo';
import { createIdbCommitmentRepo } from './db/commitment-repo';
import { createIdbHistoryRepo } from './db/history-repo';
import { createSealingSessionRepo } from './db/sealing-session-repo';
import { createKeyring } from './crypto/keyring';
import { createSealLock } from './crypto/seal-lock';
import type { KeyValueArea } from './storage-area';
import type { HandOff, PermissionsApi, Services } from './services';

export interface ServicesDeps {
  db: AttuneDb;
  local: KeyValueArea;
  session: KeyValueArea;
  permissions: PermissionsApi;
  requestCaptions: Services['requestCaptions'];
  handOff: HandOff;
  /** This page's name in drafts written while locked (the background writes a closing panel's notes under it too). */
  writer: string;
  now?: () => number;
}

/** Builds a page's repositories, keyring and seal lock once, over one open database. */
export function createServices({
  db,
  local,
  session,
  writer,
  now = () => Date.now(),
  ...rest
}: ServicesDeps): Services {
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
    ...rest,
  };
}
