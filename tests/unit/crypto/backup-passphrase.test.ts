import { describe, expect, it } from 'vitest';
import { resealSessions, sameKeyRecord } from '@/utils/crypto/backup-passphrase';
import { createPassphraseKey } from '@/utils/crypto/passphrase';
import { openSession, sealSession } from '@/utils/crypto/sealed-session';
import { fakeSession } from '../../support/records';

const fast = { iterations: 1_000 };

describe('a backup’s passphrase in another browser', () => {
  it('tells the same passphrase setup from another, even of the same words', async () => {
    const a = await createPassphraseKey('correct horse battery', fast);
    const b = await createPassphraseKey('correct horse battery', fast);
    expect(sameKeyRecord(a.record, { ...a.record, check: { ...a.record.check } })).toBe(true);
    expect(sameKeyRecord(a.record, b.record)).toBe(false);
  });

  it('seals again with this browser’s key what the backup’s key sealed, leaving unsealed sessions alone', async () => {
    const backup = await createPassphraseKey('from the old laptop', fast);
    const here = await createPassphraseKey('this browser', fast);
    const sealed = await sealSession(fakeSession({ id: 's1', notes: 'Talked about the promotion' }), backup.key);
    const plain = fakeSession({ id: 's2', notes: 'No passphrase then' });
    const [again, untouched] = await resealSessions([sealed, plain], backup.key, here.key);
    expect(untouched).toBe(plain);
    expect(again?.notes).toBe('');
    if (!again) throw new Error('no session');
    expect((await openSession(again, here.key)).notes).toBe('Talked about the promotion');
    await expect(openSession(again, backup.key)).rejects.toThrow();
  });
});
