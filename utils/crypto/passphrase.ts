import { fromBase64, toBase64 } from './base64';
import { UserFacingError } from '../errors';

/**
 * Optional encryption at rest for the most private fields (notes, transcripts, summaries):
 * AES-GCM with a 256-bit key derived from the user's passphrase by PBKDF2-SHA-256. The key is
 * never written to disk: once unlocked it is shared by the panel and the dashboard through
 * storage.session, which lives in memory until the browser quits. A forgotten passphrase cannot
 * be recovered, by design.
 */

/** OWASP's 2023 guidance for PBKDF2-HMAC-SHA256. */
export const PBKDF2_ITERATIONS = 600_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const MIN_PASSPHRASE_LENGTH = 8;
// Encrypted under the key when it is made, so a wrong passphrase is recognised at once.
const CHECK_TEXT = 'attune-passphrase-check';

export type CryptoFailure = 'too-short' | 'wrong-passphrase' | 'corrupt' | 'locked' | 'mismatch' | 'already-on';

const SENTENCES: Record<CryptoFailure, string> = {
  'too-short': `Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters.`,
  'wrong-passphrase': 'That passphrase does not open your notes. Check it and try again.',
  corrupt: 'This encrypted note is damaged and cannot be read. The rest of your data is unaffected.',
  locked:
    'Your notes, transcripts and summaries are locked. Unlock them with your passphrase to change them; nothing was changed.',
  mismatch: 'The two passphrases are not the same. Type it again in both boxes.',
  'already-on':
    'A passphrase was turned on in another Attune window a moment ago; your sessions are protected by that one. Reload this page to see it.',
};

export class PassphraseError extends UserFacingError {
  override readonly name = 'PassphraseError';
  constructor(readonly failure: CryptoFailure) {
    super(SENTENCES[failure]);
  }
}

/** What is stored about the passphrase: never the passphrase or the key. */
export interface KeyRecord {
  salt: string;
  iterations: number;
  check: EncryptedText;
  /** For writing while locked (see drop-box.ts); absent in records made before it existed. */
  dropBox?: DropBoxRecord;
}

export interface EncryptedText {
  iv: string;
  data: string;
}

/** In the passphrase record, for writing while locked (drop-box.ts): the public key (SPKI, base64) and the private key (PKCS#8) sealed under the passphrase's key. */
export interface DropBoxRecord {
  publicKey: string;
  privateKey: EncryptedText;
}

/** A DropBoxRecord read from storage or a backup, or undefined when it is not one. */
export function parseDropBox(raw: unknown): DropBoxRecord | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { publicKey, privateKey } = raw as Record<string, unknown>;
  if (typeof publicKey !== 'string' || publicKey.length === 0 || publicKey.length > 1_000) return undefined;
  if (typeof privateKey !== 'object' || privateKey === null) return undefined;
  const { iv, data } = privateKey as Record<string, unknown>;
  if (typeof iv !== 'string' || typeof data !== 'string' || !iv || !data || iv.length > 100 || data.length > 2_000)
    return undefined;
  return { publicKey, privateKey: { iv, data } };
}

async function deriveKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
  subtle: SubtleCrypto,
): Promise<CryptoKey> {
  const material = await subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    // Extractable only so that exportKey can put it in storage.session (memory) for the other pages.
    true,
    ['encrypt', 'decrypt'],
  );
}

/**
 * AES-GCM with a fresh IV. `boundTo` (a session id) is authenticated as additional data: the
 * text then opens only where it was sealed, never after being copied into another record.
 */
export async function encryptText(
  key: CryptoKey,
  text: string,
  cryptoApi: Crypto = globalThis.crypto,
  boundTo?: string,
): Promise<EncryptedText> {
  const iv = cryptoApi.getRandomValues(new Uint8Array(IV_BYTES));
  const data = await cryptoApi.subtle.encrypt(gcm(iv, boundTo), key, new TextEncoder().encode(text));
  return { iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

/** Opens what encryptText sealed; `boundTo` must be what it was sealed with (PassphraseError('corrupt') otherwise). */
export async function decryptText(
  key: CryptoKey,
  encrypted: EncryptedText,
  cryptoApi: Crypto = globalThis.crypto,
  boundTo?: string,
): Promise<string> {
  try {
    const plain = await cryptoApi.subtle.decrypt(
      gcm(fromBase64(encrypted.iv), boundTo),
      key,
      fromBase64(encrypted.data),
    );
    return new TextDecoder().decode(plain);
  } catch {
    throw new PassphraseError('corrupt');
  }
}

function gcm(iv: Uint8Array<ArrayBuffer>, boundTo: string | undefined): AesGcmParams {
  return boundTo === undefined
    ? { name: 'AES-GCM', iv }
    : { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(`attune-session:${boundTo}`) };
}

/** Sets a new passphrase: returns the key to use now and the record to store. */
export async function createPassphraseKey(
  passphrase: string,
  { iterations = PBKDF2_ITERATIONS, cryptoApi = globalThis.crypto }: { iterations?: number; cryptoApi?: Crypto } = {},
): Promise<{ key: CryptoKey; record: KeyRecord }> {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) throw new PassphraseError('too-short');
  const salt = cryptoApi.getRandomValues(new Uint8Array(SALT_BYTES));
  const key = await deriveKey(passphrase, salt, iterations, cryptoApi.subtle);
  return { key, record: { salt: toBase64(salt), iterations, check: await encryptText(key, CHECK_TEXT, cryptoApi) } };
}

/** Opens the key with the passphrase the user typed; PassphraseError('wrong-passphrase') if it is not theirs. */
export async function unlockPassphraseKey(
  passphrase: string,
  record: KeyRecord,
  cryptoApi: Crypto = globalThis.crypto,
): Promise<CryptoKey> {
  const key = await deriveKey(passphrase, fromBase64(record.salt), record.iterations, cryptoApi.subtle);
  try {
    if ((await decryptText(key, record.check, cryptoApi)) === CHECK_TEXT) return key;
  } catch {
    // falls through: a wrong key fails authentication
  }
  throw new PassphraseError('wrong-passphrase');
}

/** The raw key as base64, for storage.session only (memory, extension pages only, gone when the browser quits). */
export async function exportKey(key: CryptoKey, cryptoApi: Crypto = globalThis.crypto): Promise<string> {
  return toBase64(new Uint8Array(await cryptoApi.subtle.exportKey('raw', key)));
}

export async function importKey(raw: string, cryptoApi: Crypto = globalThis.crypto): Promise<CryptoKey> {
  return cryptoApi.subtle.importKey('raw', fromBase64(raw), { name: 'AES-GCM', length: 256 }, true, [
    'encrypt',
    'decrypt',
  ]);
}

/** A KeyRecord read from storage, or null when it is not one. */
export function parseKeyRecord(raw: unknown): KeyRecord | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { salt, iterations, check, dropBox } = raw as Record<string, unknown>;
  const text = (x: unknown): x is string => typeof x === 'string' && x.length > 0;
  if (!text(salt) || typeof iterations !== 'number' || !Number.isInteger(iterations) || iterations < 1) return null;
  if (
    typeof check !== 'object' ||
    check === null ||
    !text((check as EncryptedText).iv) ||
    !text((check as EncryptedText).data)
  )
    return null;
  const box = parseDropBox(dropBox);
  return {
    salt,
    iterations,
    check: { iv: (check as EncryptedText).iv, data: (check as EncryptedText).data },
    ...(box ? { dropBox: box } : {}),
  };
}
