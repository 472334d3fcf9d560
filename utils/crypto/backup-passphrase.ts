import type { SessionRecord } from '../db/types';
import type { KeyRecord } from './passphrase';
import { ImportError } from '../export/import-error';
import type { DropBoxRecord } from './drop-box';
import { isProtected, openSession, sealDraft, sealSession } from './sealed-session';

/** What backups need of this browser's optional passphrase (the dashboard wires it to the keyring). */
export interface BackupPassphrase {
  /** This browser's passphrase record, or null when none is set. */
  record(): Promise<KeyRecord | null>;
  /** This browser's key while unlocked, else null. */
  key(): Promise<CryptoKey | null>;
  /** Takes a backup's passphrase as this browser's (it has none), unlocked with `key`, and seals every session with it. */
  adopt(record: KeyRecord, key: CryptoKey): Promise<void>;
}

/** The same passphrase, set up once: each setup draws its own salt and check. */
export function sameKeyRecord(a: KeyRecord, b: KeyRecord): boolean {
  return (
    a.salt === b.salt && a.iterations === b.iterations && a.check.iv === b.check.iv && a.check.data === b.check.data
  );
}

/**
 * Sessions sealed with the key `from` (drafts written while locked opened with `fromDrop`), sealed
 * again with `to` (fresh IVs, bound to their ids); those not protected stay as they are.
 */
export function resealSessions(
  sessions: readonly SessionRecord[],
  from: CryptoKey,
  to: CryptoKey,
  fromDrop: CryptoKey | null = null,
): Promise<SessionRecord[]> {
  return Promise.all(
    sessions.map(async (s) => (isProtected(s) ? sealSession(await openSession(s, from, undefined, fromDrop), to) : s)),
  );
}

/**
 * Imported sessions made fit for a browser with a passphrase: those that arrive with words in
 * clear are sealed with its key (unlocked), or sealed to its drop box as drafts (locked), so an
 * import never stores plaintext under a passphrase. Locked with no drop box: refused, nothing
 * imported. Sessions already protected, or without words, stay as they are.
 */
export async function protectImported(
  sessions: readonly SessionRecord[],
  here: { key: CryptoKey | null; dropBox: DropBoxRecord | null },
): Promise<SessionRecord[]> {
  return Promise.all(
    sessions.map(async (s) => {
      const hasWords = s.notes !== '' || s.transcript !== null || s.summary !== null;
      if (isProtected(s) || !hasWords) return s;
      if (here.key) return sealSession(s, here.key);
      if (!here.dropBox)
        throw new ImportError(
          'Unlock your notes first (Settings → Passphrase for notes): this file holds notes in clear, and under your passphrase they are stored only encrypted. Nothing was imported.',
        );
      const draft = await sealDraft(
        s.id,
        'import',
        s.lastCheckpointAt,
        { notes: s.notes, transcript: s.transcript, summary: s.summary },
        here.dropBox,
      );
      return { ...s, notes: '', transcript: null, summary: null, lockedDrafts: [draft] };
    }),
  );
}
