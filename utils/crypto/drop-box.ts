/**
 * Writing while locked. A passphrase's record also holds a P-256 key pair: the public half in
 * clear, the private half sealed under the passphrase's key. Anything typed while the notes are
 * locked is sealed to the public half (an ephemeral ECDH agreement per blob, then AES-GCM), so it
 * is stored encrypted at once without the passphrase, and only the passphrase can open it later.
 * Nothing is kept in clear and nothing waits in memory.
 */
import { fromBase64, toBase64 } from './base64';
import { decryptText, encryptText, PassphraseError, type DropBoxRecord, type EncryptedText } from './passphrase';

export type { DropBoxRecord };

/** One sealed blob: the sender's ephemeral public key (SPKI, base64) and the AES-GCM text. */
export interface DropBlob extends EncryptedText {
  epk: string;
}

const CURVE: EcKeyImportParams = { name: 'ECDH', namedCurve: 'P-256' };

/** A new key pair for a passphrase whose key is `key`. */
export async function createDropBox(key: CryptoKey, cryptoApi: Crypto = globalThis.crypto): Promise<DropBoxRecord> {
  const pair = (await cryptoApi.subtle.generateKey(CURVE, true, ['deriveKey'])) as CryptoKeyPair;
  const publicKey = toBase64(await cryptoApi.subtle.exportKey('spki', pair.publicKey));
  const privateKey = await encryptText(
    key,
    toBase64(await cryptoApi.subtle.exportKey('pkcs8', pair.privateKey)),
    cryptoApi,
  );
  return { publicKey, privateKey };
}

async function agreedKey(
  privateKey: CryptoKey,
  publicKey: CryptoKey,
  usage: KeyUsage,
  cryptoApi: Crypto,
): Promise<CryptoKey> {
  return cryptoApi.subtle.deriveKey(
    { name: 'ECDH', public: publicKey },
    privateKey,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

/** Seals `text` to the drop box's public key, bound to `boundTo` (a session id). Needs no passphrase. */
export async function dropSeal(
  box: Pick<DropBoxRecord, 'publicKey'>,
  text: string,
  boundTo: string,
  cryptoApi: Crypto = globalThis.crypto,
): Promise<DropBlob> {
  const recipient = await cryptoApi.subtle.importKey('spki', fromBase64(box.publicKey), CURVE, false, []);
  const ephemeral = (await cryptoApi.subtle.generateKey(CURVE, true, ['deriveKey'])) as CryptoKeyPair;
  const shared = await agreedKey(ephemeral.privateKey, recipient, 'encrypt', cryptoApi);
  const sealed = await encryptText(shared, text, cryptoApi, boundTo);
  return { ...sealed, epk: toBase64(await cryptoApi.subtle.exportKey('spki', ephemeral.publicKey)) };
}

/** The drop box's private key, opened with the passphrase's key (PassphraseError('corrupt') when it does not open). */
export async function openDropBox(
  box: DropBoxRecord,
  key: CryptoKey,
  cryptoApi: Crypto = globalThis.crypto,
): Promise<CryptoKey> {
  const pkcs8 = await decryptText(key, box.privateKey, cryptoApi);
  try {
    return await cryptoApi.subtle.importKey('pkcs8', fromBase64(pkcs8), CURVE, false, ['deriveKey']);
  } catch {
    throw new PassphraseError('corrupt');
  }
}

/** Opens a blob that dropSeal made for `boundTo`. */
export async function dropOpen(
  privateKey: CryptoKey,
  blob: DropBlob,
  boundTo: string,
  cryptoApi: Crypto = globalThis.crypto,
): Promise<string> {
  let sender: CryptoKey;
  try {
    sender = await cryptoApi.subtle.importKey('spki', fromBase64(blob.epk), CURVE, false, []);
  } catch {
    throw new PassphraseError('corrupt');
  }
  return decryptText(await agreedKey(privateKey, sender, 'decrypt', cryptoApi), blob, cryptoApi, boundTo);
}
