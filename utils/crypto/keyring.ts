import { readStored, removeStored, storedValue, writeStored, type KeyValueArea } from '../storage-area';
import { createDropBox, openDropBox, type DropBoxRecord } from './drop-box';
import {
  createPassphraseKey,
  exportKey,
  importKey,
  parseKeyRecord,
  PassphraseError,
  unlockPassphraseKey,
  type KeyRecord,
} from './passphrase';

/** storage.local: the passphrase's salt and check (no secret). */
export const KEY_RECORD_KEY = 'privacy.keyRecord';
/** storage.session: the unlocked key, in memory only, shared by the panel and the dashboard. */
export const UNLOCKED_KEY = 'privacy.unlockedKey';
/** storage.local: a turn-on or turn-off that has not finished (a full disk, a closed tab), resumed at the next open. */
export const PASSPHRASE_JOB_KEY = 'privacy.pendingJob';

/** A turn-on (seal every session) or turn-off (open them) of the passphrase. */
export type PassphraseJob = 'seal' | 'open';

export const KEY_RECORD = storedValue(KEY_RECORD_KEY, parseKeyRecord);
/** The unlocked key, exported (base64), or null. */
export const UNLOCKED = storedValue(UNLOCKED_KEY, (raw): string | null => (typeof raw === 'string' ? raw : null));
export const PASSPHRASE_JOB = storedValue(PASSPHRASE_JOB_KEY, (raw): PassphraseJob | null =>
  raw === 'seal' || raw === 'open' ? raw : null,
);

export interface KeyringOptions {
  local: KeyValueArea;
  session: KeyValueArea;
  /** PBKDF2 rounds for a new passphrase (tests use few). */
  iterations?: number;
}

/**
 * Whether a passphrase protects this profile's notes, and the key while it is unlocked. The key
 * is kept in this page's memory and in storage.session, so unlocking once in the panel or the
 * dashboard opens both until the browser quits or someone locks it. Callers that change the
 * record hold the seal lock (seal-lock.ts) around these methods; the keyring never takes it.
 */
export function createKeyring({ local, session, iterations }: KeyringOptions) {
  let cached: CryptoKey | null = null;
  let cachedDrop: CryptoKey | null = null;

  async function record(): Promise<KeyRecord | null> {
    return readStored(local, KEY_RECORD);
  }

  async function remember(key: CryptoKey) {
    cached = key;
    await writeStored(session, UNLOCKED, await exportKey(key));
  }

  /** The unlocked key, or null (locked, or no passphrase set). */
  async function key(): Promise<CryptoKey | null> {
    if (cached) return cached;
    const raw = await readStored(session, UNLOCKED);
    if (raw === null || !(await record())) return null;
    cached = await importKey(raw);
    return cached;
  }

  return {
    /** This browser's passphrase record (salt and check: no secret), or null when none is set. */
    record,
    async enabled(): Promise<boolean> {
      return (await record()) !== null;
    },
    key,
    /** The public half for writing while locked, or null (no passphrase, or a record from before drop boxes until its next unlock). */
    async dropBox(): Promise<DropBoxRecord | null> {
      return (await record())?.dropBox ?? null;
    },
    /** The drop box's private key, to open what was written while locked; null while locked. */
    async dropKey(): Promise<CryptoKey | null> {
      if (cachedDrop) return cachedDrop;
      const opened = await key();
      const box = (await record())?.dropBox;
      if (!opened || !box) return null;
      cachedDrop = await openDropBox(box, opened);
      return cachedDrop;
    },
    /**
     * Sets the first passphrase (typed twice); the key is unlocked from then on. Refused when one
     * is set already (another window turned it on first): its sessions are sealed with that one.
     */
    async enable(passphrase: string, again: string): Promise<CryptoKey> {
      if (passphrase !== again) throw new PassphraseError('mismatch');
      if (await record()) throw new PassphraseError('already-on');
      const made = await createPassphraseKey(passphrase, iterations ? { iterations } : {});
      await writeStored(local, KEY_RECORD, { ...made.record, dropBox: await createDropBox(made.key) });
      await remember(made.key);
      return made.key;
    },
    /** Opens the key; a record from before drop boxes gets one now, so later locked writes are kept. */
    async unlock(passphrase: string): Promise<CryptoKey> {
      const stored = await record();
      if (!stored) throw new PassphraseError('wrong-passphrase');
      const key = await unlockPassphraseKey(passphrase, stored);
      if (!stored.dropBox) await writeStored(local, KEY_RECORD, { ...stored, dropBox: await createDropBox(key) });
      await remember(key);
      return key;
    },
    /**
     * Takes a passphrase set up elsewhere (a backup's record, unlocked with `key`) as this
     * browser's, where none is set; the caller then seals the sessions here with it.
     */
    async adopt(adopted: KeyRecord, key: CryptoKey): Promise<void> {
      if (await record()) throw new Error('This browser has a passphrase already.');
      await writeStored(
        local,
        KEY_RECORD,
        adopted.dropBox ? adopted : { ...adopted, dropBox: await createDropBox(key) },
      );
      await remember(key);
    },
    async lock(): Promise<void> {
      cached = null;
      cachedDrop = null;
      await removeStored(session, UNLOCKED);
    },
    /** Forgets the passphrase; the caller has opened every sealed session first. */
    async disable(): Promise<void> {
      cached = null;
      cachedDrop = null;
      await removeStored(session, UNLOCKED);
      await removeStored(local, KEY_RECORD);
    },
    /** Drops this page's copy when another page locked (storage.session changed). */
    forget(): void {
      cached = null;
      cachedDrop = null;
    },
  };
}

export type Keyring = ReturnType<typeof createKeyring>;
