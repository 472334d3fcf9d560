import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createPinia, setActivePinia } from 'pinia';
import { usePrivacyStore } from '@/stores/shared/privacy';
import { openAttuneDb } from '@/utils/db/open';
import { createIdbHistoryRepo } from '@/utils/db/history-repo';
import { createIdbSessionRepo } from '@/utils/db/session-repo';
import { createSealingSessionRepo } from '@/utils/db/sealing-session-repo';
import { createKeyring } from '@/utils/crypto/keyring';
import { fakeHistory } from '../../support/fake-history';
import { memoryArea } from '../../support/memory-area';
import { idbRepos } from '../../support/repos';
import { wireDashboard } from '../../support/dashboard';
import { installServices } from '@/utils/services';
import { createSealLock } from '@/utils/crypto/seal-lock';

const NOW = Date.UTC(2026, 5, 1);
const history = fakeHistory({ sessions: 6, commitmentsPerSession: 1, relationships: 2, now: NOW });
const OLD = 'the old laptop passphrase';
const HERE = 'this browser passphrase';

/** One browser profile: its database, keyring, privacy and dashboard stores, as the dashboard wires them. */
async function aBrowser() {
  setActivePinia(createPinia());
  const db = await openAttuneDb(new IDBFactory());
  const history$ = createIdbHistoryRepo(db);
  const keyring = createKeyring({ local: memoryArea(), session: memoryArea(), iterations: 100_000 });
  const raw = createIdbSessionRepo(db);
  const privacy = usePrivacyStore();
  installServices({ keyring, rawSessions: raw, exclusive: createSealLock(), local: memoryArea() });
  await privacy.connect({
    sessionIds: async () => (await db.getAllKeys('sessions')).map(String),
  });
  const sessions = createSealingSessionRepo(raw, keyring);
  const store = wireDashboard({
    ...idbRepos(db),
    history: history$,
    sessions,
    settings: memoryArea(),
    passphrase: {
      record: () => keyring.record(),
      key: () => keyring.key(),
      async adopt(record, key) {
        if (!(await privacy.adopt(record, key))) throw new Error(privacy.error ?? 'adopt failed');
      },
    },
  });
  await store.history.load(NOW);
  return { db, store, keyring, privacy, sessions, history$ };
}

/** A backup made in a browser whose notes are sealed with OLD. */
async function sealedBackup() {
  const old = await aBrowser();
  await old.history$.merge(history);
  expect(await old.privacy.enable(OLD, OLD)).toBe(true);
  const text = await old.store.backup.exportAll(NOW);
  if (!text) throw new Error('no backup');
  return { old, text };
}

const first = history.sessions[0];

describe('backups of sessions sealed with a passphrase', () => {
  beforeEach(() => {
    if (!first?.notes) throw new Error('the fake history has no notes');
  });

  it('keep the sessions sealed and carry the passphrase record', async () => {
    const { text } = await sealedBackup();
    const parsed = JSON.parse(text) as { passphrase?: unknown; sessions: Array<{ notes: string; sealed?: unknown }> };
    expect(parsed.passphrase).toMatchObject({ salt: expect.any(String), iterations: 100_000 });
    expect(parsed.sessions.every((s) => s.notes === '' && s.sealed)).toBe(true);
    expect(text).not.toContain(first?.notes);
  });

  it('open in a new browser with the backup’s passphrase, which becomes that browser’s', async () => {
    const { old, text } = await sealedBackup();
    const fresh = await aBrowser();
    await fresh.store.backup.importAll(text);
    // Asked for first: nothing imported yet.
    expect(fresh.store.backup.pendingImport).not.toBeNull();
    expect(fresh.store.notice.message).toMatch(/Type the backup’s passphrase/);
    expect(await fresh.db.count('sessions')).toBe(0);

    await fresh.store.backup.importPending('not the passphrase');
    expect(fresh.store.notice.error).toMatch(/does not open this backup’s notes/);
    expect(await fresh.db.count('sessions')).toBe(0);
    expect(fresh.store.backup.pendingImport).not.toBeNull();

    await fresh.store.backup.importPending(OLD);
    expect(fresh.store.notice.error).toBeNull();
    expect(fresh.store.backup.pendingImport).toBeNull();
    expect(await fresh.db.count('sessions')).toBe(history.sessions.length);
    expect(await fresh.keyring.record()).toEqual(await old.keyring.record());
    expect(fresh.privacy).toMatchObject({ enabled: true, unlocked: true });
    expect((await fresh.sessions.get(first?.id ?? ''))?.notes).toBe(first?.notes);
    expect(fresh.store.notice.message).toMatch(/Imported .*passphrase is now this browser’s/);
  });

  it('are sealed again with this browser’s own passphrase when it has another, unlocked', async () => {
    const { text } = await sealedBackup();
    const here = await aBrowser();
    await here.privacy.enable(HERE, HERE);
    const ownRecord = await here.keyring.record();
    await here.store.backup.importAll(text);
    expect(here.store.backup.pendingImport).not.toBeNull();
    await here.store.backup.importPending(OLD);
    expect(here.store.notice.error).toBeNull();
    expect(await here.keyring.record()).toEqual(ownRecord);
    expect((await here.sessions.get(first?.id ?? ''))?.notes).toBe(first?.notes);
    // Sealed with HERE now: locked, and unlocked with HERE, the notes are there.
    await here.privacy.lock();
    expect((await here.sessions.get(first?.id ?? ''))?.notes).toBe('');
    await here.privacy.unlock(HERE);
    expect((await here.sessions.get(first?.id ?? ''))?.notes).toBe(first?.notes);
  });

  it('wait for this browser’s notes to be unlocked when it has its own passphrase, importing nothing', async () => {
    const { text } = await sealedBackup();
    const here = await aBrowser();
    await here.privacy.enable(HERE, HERE);
    await here.privacy.lock();
    await here.store.backup.importAll(text);
    await here.store.backup.importPending(OLD);
    expect(here.store.notice.error).toMatch(/Unlock this browser’s notes first.*nothing was imported/);
    expect(await here.db.count('sessions')).toBe(0);
  });

  it('go back in without a question into the browser that made them', async () => {
    const { old, text } = await sealedBackup();
    await old.store.history.deleteAll();
    await old.store.backup.importAll(text);
    expect(old.store.backup.pendingImport).toBeNull();
    expect(await old.db.count('sessions')).toBe(history.sessions.length);
    expect((await old.sessions.get(first?.id ?? ''))?.notes).toBe(first?.notes);
  });

  it('from an older backup without the record go in sealed as they are, and the message says where they open', async () => {
    const { text } = await sealedBackup();
    const older = JSON.parse(text) as Record<string, unknown>;
    delete older.passphrase;
    const fresh = await aBrowser();
    await fresh.store.backup.importAll(JSON.stringify(older));
    expect(fresh.store.backup.pendingImport).toBeNull();
    expect(await fresh.db.count('sessions')).toBe(history.sessions.length);
    expect(fresh.store.notice.message).toMatch(/without their passphrase record.*only in the browser that made it/);
  });

  it('can be set aside: cancelling imports nothing', async () => {
    const { text } = await sealedBackup();
    const fresh = await aBrowser();
    await fresh.store.backup.importAll(text);
    fresh.store.backup.cancelImport();
    expect(fresh.store.backup.pendingImport).toBeNull();
    expect(fresh.store.notice.message).toBe('Nothing was imported.');
    expect(await fresh.db.count('sessions')).toBe(0);
  });
});
