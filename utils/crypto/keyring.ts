import type { KeyValueArea } from '../call/call-tabs';
import { createPassphraseKey, exportKey, importKey, parseKeyRecord, PassphraseError, unlockPassphraseKey, type KeyRecord } from './passphrase';

/** storage.local: the passphrase's salt and check (no secret). */
export const KEY_RECORD_KEY = 'privacy.keyRecord';
/** storage.session: the unlocked key, in memory only, shared by the panel and the dashboard. */
export const UNLOCKED_KEY = 'privacy.unlockedKey';

export interface KeyringOptions {
  local: KeyValueArea;
  session: KeyValueArea;
  /** PBKDF2 rounds for a new passphrase (tests use few). */
  iterations?: number;
}

/**
 * Whether a passphrase protects this profile's notes, and the key while it is unlocked. The key
 * is kept in this page's memory and in storage.session, so unlocking once in the panel or the
 * dashboard opens both until the browser quits or someone locks it.
 */
export function createKeyring({ local, session, iterations }: KeyringOptions) {
  let cached: CryptoKey | null = null;

  async function record(): Promise<KeyRecord | null> {
    return parseKeyRecord((await local.get(KEY_RECORD_KEY))[KEY_RECORD_KEY]);
  }

  async function remember(key: CryptoKey) {
    cached = key;
    await session.set({ [UNLOCKED_KEY]: await exportKey(key) });
  }

  return {
    /** This browser's passphrase record (salt and check: no secret), or null when none is set. */
    record,
    async enabled(): Promise<boolean> {
      return (await record()) !== null;
    },
    /** The unlocked key, or null (locked, or no passphrase set). */
    async key(): Promise<CryptoKey | null> {
      if (cached) return cached;
      const raw = (await session.get(UNLOCKED_KEY))[UNLOCKED_KEY];
      if (typeof raw !== 'string' || !(await record())) return null;
      cached = await importKey(raw);
      return cached;
    },
    /** Sets the first passphrase (typed twice); the key is unlocked from then on. */
    async enable(passphrase: string, again: string): Promise<CryptoKey> {
      if (passphrase !== again) throw new PassphraseError('mismatch');
      const made = await createPassphraseKey(passphrase, iterations ? { iterations } : {});
      await local.set({ [KEY_RECORD_KEY]: made.record });
      await remember(made.key);
      return made.key;
    },
    async unlock(passphrase: string): Promise<CryptoKey> {
      const stored = await record();
      if (!stored) throw new PassphraseError('wrong-passphrase');
      const key = await unlockPassphraseKey(passphrase, stored);
      await remember(key);
      return key;
    },
    /**
     * Takes a passphrase set up elsewhere (a backup's record, unlocked with `key`) as this
     * browser's, where none is set; the caller then seals the sessions here with it.
     */
    async adopt(adopted: KeyRecord, key: CryptoKey): Promise<void> {
      if (await record()) throw new Error('This browser has a passphrase already.');
      await local.set({ [KEY_RECORD_KEY]: adopted });
      await remember(key);
    },
    async lock(): Promise<void> {
      cached = null;
      await session.remove(UNLOCKED_KEY);
    },
    /** Forgets the passphrase; the caller has opened every sealed session first. */
    async disable(): Promise<void> {
      cached = null;
      await session.remove(UNLOCKED_KEY);
      await local.remove(KEY_RECORD_KEY);
    },
    /** Drops this page's copy when another page locked (storage.session changed). */
    forget(): void {
      cached = null;
    },
  };
}

export type Keyring = ReturnType<typeof createKeyring>;
