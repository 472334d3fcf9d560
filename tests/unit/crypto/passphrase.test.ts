import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createPassphraseKey,
  decryptText,
  encryptText,
  PassphraseError,
  unlockPassphraseKey,
} from '@/utils/crypto/passphrase';

// Few iterations keep the tests quick; the product uses PBKDF2_ITERATIONS.
const FAST = { iterations: 1_000 };

describe('passphrase encryption', () => {
  it('encrypts notes so that only the same passphrase reads them back', async () => {
    const { key, record } = await createPassphraseKey('correct horse battery', FAST);
    const sealed = await encryptText(key, 'Priya is thinking of leaving — confidential');
    expect(JSON.stringify(sealed)).not.toContain('Priya');
    const reopened = await unlockPassphraseKey('correct horse battery', record);
    expect(await decryptText(reopened, sealed)).toBe('Priya is thinking of leaving — confidential');
  });

  it('recognises a wrong passphrase at once', async () => {
    const { record } = await createPassphraseKey('correct horse battery', FAST);
    await expect(unlockPassphraseKey('Correct horse battery', record)).rejects.toMatchObject({
      failure: 'wrong-passphrase',
    });
  });

  it('refuses a short passphrase', async () => {
    await expect(createPassphraseKey('short', FAST)).rejects.toBeInstanceOf(PassphraseError);
  });

  it('says a tampered note is damaged instead of showing garbage', async () => {
    const { key } = await createPassphraseKey('correct horse battery', FAST);
    const sealed = await encryptText(key, 'notes');
    const flipped = { ...sealed, data: sealed.data.slice(0, -4) + (sealed.data.endsWith('AAA=') ? 'BAA=' : 'AAA=') };
    await expect(decryptText(key, flipped)).rejects.toMatchObject({ failure: 'corrupt' });
  });

  it('uses a fresh IV for every note, so equal notes do not look equal', async () => {
    const { key } = await createPassphraseKey('correct horse battery', FAST);
    const [a, b] = await Promise.all([encryptText(key, 'same'), encryptText(key, 'same')]);
    expect(a.iv).not.toBe(b.iv);
    expect(a.data).not.toBe(b.data);
  });

  it('round-trips any text', async () => {
    const { key } = await createPassphraseKey('correct horse battery', FAST);
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme' }), async (text) => {
        expect(await decryptText(key, await encryptText(key, text))).toBe(text);
      }),
      { numRuns: 50 },
    );
  });
});
