import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createPinia, setActivePinia } from 'pinia';
import { usePrivacyStore } from '@/stores/shared/privacy';
import { openAttuneDb } from '@/utils/db/open';
import { createIdbSessionRepo } from '@/utils/db/session-repo';
import { createKeyring } from '@/utils/crypto/keyring';
import { createPassphraseKey, unlockPassphraseKey } from '@/utils/crypto/passphrase';
import { openSession } from '@/utils/crypto/sealed-session';
import { fakeSession } from '../../support/records';
import { memoryArea } from '../../support/memory-area';
import { installServices, MissingServiceError } from '@/utils/services';
import { createSealLock } from '@/utils/crypto/seal-lock';

async function setup() {
  const db = await openAttuneDb(new IDBFactory());
  const rawSessions = createIdbSessionRepo(db);
  for (const id of ['a', 'b', 'c']) await rawSessions.ensure(fakeSession({ id, notes: `secret ${id}` }));
  const keyring = createKeyring({ local: memoryArea(), session: memoryArea(), iterations: 1_000 });
  let resealed = 0;
  const store = usePrivacyStore();
  installServices({ keyring, rawSessions, exclusive: createSealLock(), local: memoryArea() });
  await store.connect({
    sessionIds: async () => ['a', 'b', 'c'],
    afterReseal: async () => void (resealed += 1),
  });
  return { db, store, resealed: () => resealed };
}

describe('privacy store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('refuses loudly when its page never installed the keyring, instead of saying the passphrase is off', async () => {
    await expect(usePrivacyStore().connect()).rejects.toThrow(MissingServiceError);
    await expect(usePrivacyStore().unlock('correct horse battery')).rejects.toThrow(
      /"keyring" service is not installed/,
    );
  });

  it('turns the passphrase on: every session sealed, caches dropped, unlocked', async () => {
    const { db, store, resealed } = await setup();
    expect(await store.enable('correct horse battery', 'correct horse battery')).toBe(true);
    expect(store).toMatchObject({
      enabled: true,
      unlocked: true,
      message: 'Passphrase on. 3 sessions are now encrypted.',
    });
    expect(resealed()).toBe(1);
    for (const id of ['a', 'b', 'c'])
      expect(await db.get('sessions', id)).toMatchObject({ notes: '', sealed: expect.any(Object) });
  });

  it('takes a backup’s passphrase where none is set: unlocked, every session sealed with it', async () => {
    const { db, store, resealed } = await setup();
    const elsewhere = await createPassphraseKey('from the old laptop', { iterations: 1_000 });
    expect(await store.adopt(elsewhere.record, elsewhere.key)).toBe(true);
    expect(store).toMatchObject({ enabled: true, unlocked: true });
    expect(store.message).toMatch(/the one the backup was made with/);
    expect(resealed()).toBe(1);
    const sealed = await db.get('sessions', 'b');
    expect(sealed).toMatchObject({ notes: '', sealed: expect.any(Object) });
    if (!sealed) throw new Error('session gone');
    expect((await openSession(sealed, await unlockPassphraseKey('from the old laptop', elsewhere.record))).notes).toBe(
      'secret b',
    );
    // Where a passphrase is set already, another is not taken over it.
    expect(await store.adopt(elsewhere.record, elsewhere.key)).toBe(false);
  });

  it('says why a short or mistyped passphrase was refused, and changes nothing', async () => {
    const { db, store } = await setup();
    expect(await store.enable('short', 'short')).toBe(false);
    expect(store.error).toMatch(/at least 8 characters/);
    expect(await store.enable('correct horse battery', 'correct horse')).toBe(false);
    expect(store.error).toMatch(/not the same/);
    expect(store.enabled).toBe(false);
    expect((await db.get('sessions', 'a'))?.notes).toBe('secret a');
  });

  it('turns it off only while unlocked, opening every session again', async () => {
    const { db, store } = await setup();
    await store.enable('correct horse battery', 'correct horse battery');
    await store.lock();
    expect(await store.disable()).toBe(false);
    expect(store.error).toMatch(/locked/);
    await store.unlock('correct horse battery');
    expect(await store.disable()).toBe(true);
    expect(store.enabled).toBe(false);
    expect((await db.get('sessions', 'b'))?.notes).toBe('secret b');
  });
});
