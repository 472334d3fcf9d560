import type { Keyring } from '../crypto/keyring';
import { PassphraseError } from '../crypto/passphrase';
import { openSession, sealSession, touchesSealedFields } from '../crypto/sealed-session';
import type { SessionCheckpoint, SessionRepo } from './session-repo';
import type { SessionRecord } from './types';

/**
 * Sessions under the optional passphrase. With the key: reads come back opened, and a write that
 * changes notes, transcript or summary is sealed again. Locked: reads come back with those fields
 * empty and `sealed` set (the panel shows an unlock field), and such writes are refused with a
 * sentence, never dropping what is sealed; every other write (talk time, stages, checkpoints)
 * goes through and keeps the sealed part as it is. No passphrase: nothing changes.
 */
export function createSealingSessionRepo(inner: SessionRepo, keyring: Pick<Keyring, 'enabled' | 'key'>): SessionRepo {
  // Writes of sealed fields read, merge and seal outside one IndexedDB transaction (WebCrypto is
  // asynchronous): one at a time, so two of them never work from the same old copy.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  async function opened(record: SessionRecord | null): Promise<SessionRecord | null> {
    if (!record?.sealed) return record;
    const key = await keyring.key();
    return key ? openSession(record, key) : record;
  }

  return {
    get: async (id) => opened(await inner.get(id)),
    async ensure(record) {
      const key = (await keyring.enabled()) ? await keyring.key() : null;
      const hasContent = record.notes !== '' || record.transcript !== null || record.summary !== null;
      if (hasContent && (await keyring.enabled()) && !key) throw new PassphraseError('locked');
      const stored = await inner.ensure(key && hasContent ? await sealSession(record, key) : record);
      return (await opened(stored)) ?? stored;
    },
    async checkpoint(id, patch) {
      if (!touchesSealedFields(patch) || !(await keyring.enabled())) return opened(await inner.checkpoint(id, patch));
      return serially(async () => {
        const key = await keyring.key();
        if (!key) throw new PassphraseError('locked');
        const current = await inner.get(id);
        if (!current) return null;
        const merged = { ...(await openSession(current, key)), ...patch };
        const sealed = await sealSession(merged, key);
        const { notes, transcript, summary, sealed: blob } = sealed;
        const rest: SessionCheckpoint = { ...patch };
        const written = await inner.checkpoint(id, { ...rest, notes, transcript, summary, sealed: blob });
        return opened(written);
      });
    },
    async listByRelationship(relationshipId) {
      return Promise.all((await inner.listByRelationship(relationshipId)).map(async (s) => (await opened(s)) ?? s));
    },
    async listRecent(limit) {
      return Promise.all((await inner.listRecent(limit)).map(async (s) => (await opened(s)) ?? s));
    },
  };
}

/**
 * Seals (key given) or opens (key and `open: true`) every session, one record per transaction:
 * stopped midway, each session is either sealed or not, and reads handle both. Returns how many changed.
 */
export async function resealAll(
  ids: readonly string[],
  inner: SessionRepo,
  key: CryptoKey,
  { open = false, onProgress }: { open?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Promise<number> {
  let changed = 0;
  for (const [i, id] of ids.entries()) {
    const record = await inner.get(id);
    if (record && Boolean(record.sealed) === open) {
      const next = open ? await openSession(record, key) : await sealSession(record, key);
      const patch: SessionCheckpoint = { lastCheckpointAt: record.lastCheckpointAt, notes: next.notes, transcript: next.transcript, summary: next.summary };
      // Opened: `sealed` is written as undefined, which every read takes as not sealed.
      await inner.checkpoint(id, open ? { ...patch, sealed: undefined } : { ...patch, sealed: next.sealed });
      changed += 1;
    }
    onProgress?.(i + 1, ids.length);
  }
  return changed;
}
