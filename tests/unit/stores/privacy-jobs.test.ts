import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createPinia, setActivePinia } from 'pinia';
import { PASSPHRASE_JOB_KEY, usePrivacyStore, type ResealDone } from '@/stores/shared/privacy';
import { openAttuneDb } from '@/utils/db/open';
import { createIdbSessionRepo, type SessionRepo } from '@/utils/db/session-repo';
import { createSealingSessionRepo } from '@/utils/db/sealing-session-repo';
import { createKeyring } from '@/utils/crypto/keyring';
import { createSealLock } from '@/utils/crypto/seal-lock';
import { fakeSession } from '../../support/records';
import { memoryArea } from '../../support/memory-area';
import { installServices } from '@/utils/services';

const PASS = 'correct horse battery';

async function browser(ids = ['a', 'b', 'c']) {
  const db = await openAttuneDb(new IDBFactory());
  const rawSessions = createIdbSessionRepo(db);
  for (const id of ids) await rawSessions.ensure(fakeSession({ id, notes: `secret ${id}` }));
  const local = memoryArea();
  const session = memoryArea();
  const exclusive = createSealLock();
  const sessionIds = async () => (await db.getAllKeys('sessions')).map(String);
  /** A dashboard page: its own keyring and privacy store over the same storage. */
  async function dashboard(rawOverride?: SessionRepo, afterReseal?: (done: ResealDone) => Promise<void>) {
    setActivePinia(createPinia());
    const keyring = createKeyring({ local, session, iterations: 1_000 });
    const store = usePrivacyStore();
    installServices({ keyring, rawSessions: rawOverride ?? rawSessions, local, exclusive });
    await store.connect({ sessionIds, afterReseal });
    return { store, keyring };
  }
  return { db, rawSessions, local, session, exclusive, dashboard };
}

/** A repository whose writes fail after `n` of them, as a full disk does. */
function fillsUpAfter(inner: SessionRepo, n: number): SessionRepo & { free(): void } {
  let left = n;
  let full = true;
  return {
    ...inner,
    async checkpoint(id, patch) {
      if (full && left-- <= 0) throw new DOMException('Quota exceeded', 'QuotaExceededError');
      return inner.checkpoint(id, patch);
    },
    free() {
      full = false;
    },
  };
}

describe('turning the passphrase on and off, interrupted and concurrent', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('a second window turning it on after the first is refused and seals nothing with its own key', async () => {
    const { db, dashboard } = await browser();
    const first = await dashboard();
    const second = await dashboard();
    expect(await first.store.enable(PASS, PASS)).toBe(true);
    expect(await second.store.enable('another pass phrase', 'another pass phrase')).toBe(false);
    expect(second.store.error).toMatch(/another Attune window/);
    await first.keyring.lock();
    await first.keyring.unlock(PASS);
    const repo = createSealingSessionRepo(createIdbSessionRepo(db), first.keyring);
    for (const id of ['a', 'b', 'c']) expect((await repo.get(id))?.notes).toBe(`secret ${id}`);
  });

  it('a turn-on stopped by a full disk is remembered, shown, and finished at the next open', async () => {
    const { db, rawSessions, local, dashboard } = await browser();
    const full = fillsUpAfter(rawSessions, 1);
    const page = await dashboard(full);
    expect(await page.store.enable(PASS, PASS)).toBe(false);
    expect(page.store.error).toMatch(/space|full|storage/i);
    expect(page.store.pendingJob).toBe('seal');
    expect(local.data.get(PASSPHRASE_JOB_KEY)).toBe('seal');
    expect((await db.getAll('sessions')).filter((s) => !s.sealed)).toHaveLength(2);

    // The next dashboard opened (space freed), unlocked: it finishes the job by itself.
    full.free();
    const next = await dashboard();
    expect(next.store.pendingJob).toBeNull();
    expect(next.store.message).toMatch(/Finished turning the passphrase on: 2 more sessions encrypted/);
    expect((await db.getAll('sessions')).every((s) => s.sealed)).toBe(true);
  });

  it('locked at the next open: the unfinished job waits, and unlocking finishes it', async () => {
    const { db, rawSessions, dashboard } = await browser();
    const page = await dashboard(fillsUpAfter(rawSessions, 1));
    await page.store.enable(PASS, PASS);
    await page.keyring.lock();
    const next = await dashboard();
    expect(next.store).toMatchObject({ enabled: true, unlocked: false, pendingJob: 'seal' });
    expect(await next.store.unlock(PASS)).toBe(true);
    expect(next.store.pendingJob).toBeNull();
    expect((await db.getAll('sessions')).every((s) => s.sealed)).toBe(true);
  });

  it('turning off skips a damaged session, names it, and still opens the rest', async () => {
    const { db, dashboard } = await browser();
    const page = await dashboard();
    await page.store.enable(PASS, PASS);
    const b = await db.get('sessions', 'b');
    await db.put('sessions', { ...b!, sealed: { ...b!.sealed!, data: btoa('broken') } });
    expect(await page.store.disable()).toBe(true);
    expect(page.store.message).toMatch(/1 session could not be opened/);
    expect((await db.get('sessions', 'a'))?.notes).toBe('secret a');
    expect((await db.get('sessions', 'c'))?.notes).toBe('secret c');
    expect(page.store.enabled).toBe(false);
  });

  it('notes saved by a panel while the dashboard turns the passphrase off end up readable, not sealed under a forgotten key', async () => {
    const { db, local, session, exclusive, dashboard } = await browser();
    const page = await dashboard();
    await page.store.enable(PASS, PASS);
    const keyring = createKeyring({ local, session, iterations: 1_000 });
    // What the panel found when its write got its turn: with the shared lock, the turn-off had finished.
    const saw: boolean[] = [];
    const panelKeyring = { ...keyring, enabled: async () => (saw.push(await keyring.enabled()), saw.at(-1)!) };
    const panel = createSealingSessionRepo(createIdbSessionRepo(db), panelKeyring, { exclusive, writer: 'panel' });
    const [off] = await Promise.all([
      page.store.disable(),
      panel.checkpoint('a', { notes: 'typed during the turn-off', lastCheckpointAt: 9 }),
    ]);
    expect(off).toBe(true);
    expect(saw).toEqual([false]);
    const a = await db.get('sessions', 'a');
    expect(a?.sealed).toBeUndefined();
    expect(a?.notes).toBe('typed during the turn-off');
  });

  it('hands the key to the page after sealing or opening, so it can bring its undo in line', async () => {
    const { dashboard } = await browser();
    const seen: boolean[] = [];
    const page = await dashboard(undefined, async (done) => void seen.push(done.open));
    await page.store.enable(PASS, PASS);
    await page.store.disable();
    expect(seen).toEqual([false, true]);
  });
});
