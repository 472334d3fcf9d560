import type { SessionRecord } from '../db/types';
import { decryptText, encryptText, PassphraseError, type EncryptedText } from './passphrase';

/** What a passphrase protects in a session: the mentor's notes, the kept transcript, the AI summary. */
export type SealedFields = Pick<SessionRecord, 'notes' | 'transcript' | 'summary'>;
export const SEALED_FIELD_NAMES = ['notes', 'transcript', 'summary'] as const;

const EMPTY: SealedFields = { notes: '', transcript: null, summary: null };

export function touchesSealedFields(patch: object): boolean {
  return SEALED_FIELD_NAMES.some((name) => name in patch);
}

/** The session as stored under a passphrase: the three fields emptied, their values encrypted together (fresh IV). */
export async function sealSession<T extends SessionRecord>(record: T, key: CryptoKey, cryptoApi?: Crypto): Promise<T> {
  const fields: SealedFields = { notes: record.notes, transcript: record.transcript, summary: record.summary };
  const sealed = await encryptText(key, JSON.stringify(fields), cryptoApi);
  return { ...record, ...EMPTY, sealed };
}

/** The session with its sealed fields back; a record that is not sealed is returned as it is. */
export async function openSession<T extends SessionRecord>(record: T, key: CryptoKey, cryptoApi?: Crypto): Promise<T> {
  if (!record.sealed) return record;
  const fields = JSON.parse(await decryptText(key, record.sealed, cryptoApi)) as Partial<SealedFields> | null;
  if (typeof fields !== 'object' || fields === null || typeof fields.notes !== 'string') throw new PassphraseError('corrupt');
  const { sealed: _sealed, ...rest } = record;
  void _sealed;
  return { ...rest, notes: fields.notes, transcript: fields.transcript ?? null, summary: fields.summary ?? null } as T;
}

export type { EncryptedText };
