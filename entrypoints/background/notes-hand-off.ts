import { openAttuneDb } from '@/utils/db/open';
import { createIdbSessionRepo } from '@/utils/db/session-repo';
import { createSealingSessionRepo } from '@/utils/db/sealing-session-repo';
import { createKeyring, type KeyringOptions } from '@/utils/crypto/keyring';
import { createSealLock } from '@/utils/crypto/seal-lock';
import type { NotesHandOff } from '@/utils/messaging';

/**
 * Stores what a closing panel typed since its last save (see NotesHandOff). It goes through the
 * same sealing repository as the panel, as the panel's own writer, under the lock every page
 * holds: sealed with the key while unlocked, sealed to the drop box while locked, plain without a
 * passphrase. A session that is gone (deleted, discarded) is not recreated. Failures change nothing.
 */
export function createNotesHandOff(
  areas: Pick<KeyringOptions, 'local' | 'session'>,
  factory: () => IDBFactory = () => indexedDB,
) {
  const exclusive = createSealLock();
  return async function save(message: NotesHandOff): Promise<boolean> {
    try {
      const db = await openAttuneDb(factory());
      try {
        const keyring = createKeyring(areas);
        const sessions = createSealingSessionRepo(createIdbSessionRepo(db), keyring, {
          exclusive,
          writer: message.writer,
        });
        return (
          (await sessions.checkpoint(message.sessionId, { ...message.fields, lastCheckpointAt: message.at })) !== null
        );
      } finally {
        db.close();
      }
    } catch {
      return false;
    }
  };
}
