import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createPinia, setActivePinia } from 'pinia';
import { usePrivacyStore } from '@/stores/shared/privacy';
import { openAttuneDb } from '@/utils/db/open';
import { createIdbSessionRepo } from '@/utils/db/session-repo';
import { createSealingSessionRepo } from '@/utils/db/sealing-session-repo';
import { createKeyring } from '@/utils/crypto/keyring';
import { createSealLock } from '@/utils/crypto/seal-lock';
import { backupJson } from '@/utils/history/backup';
import { fakeHistory } from '../../support/fake-history';
import { memoryArea } from '../../support/memory-area';
import { idbRepos } from '../../support/repos';
import { wireDashboard } from '../../support/dashboard';
import { installServices } from '@/utils/services';

const NOW = Date.UTC(2026, 5, 1);
const PASS = 'this browser passphrase';
const WORD = 'sabbatical';

/** A browser whose dashboard is wired as connect.ts wires it. */
async function aBrowser() {
  setActivePinia(createPinia());
  const db = await openAttuneDb(new IDBFactory());
  const keyring = createKeyring({ local: memoryArea(), session: memoryArea(), iterations: 100_000 });
  const raw = createIdbSessionRepo(db);
  const exclusive = createSealLock();
  const privacy = usePrivacyStore();
  installServices({ keyring, rawSessions: raw, exclusive, local: memoryArea() });
  await privacy.connect({
    sessionIds: async () => (await db.getAllKeys('sessions')).map(String),
    afterReseal: async (done) => {
      await store.history.matchUndoToPassphrase(done);
      await db.clear('caches');
      await store.history.load(NOW);
    },
  });
  const sessions = createSealingSessionRepo(raw, keyring, { exclusive });
  const store = wireDashboard({
    ...idbRepos(db),
    sessions,
    settings: memoryArea(),
    passphrase: { record: () => keyring.record(), key: () => keyring.key(), adopt: async () => undefined },
  });
  await store.history.load(NOW);
  return { db, store, keyring, privacy, sessions };
}

/** A plain export (no passphrase) whose first session's notes hold WORD. */
function plainBackup() {
  const history = fakeHistory({ sessions: 3, commitmentsPerSession: 1, relationships: 1, now: NOW });
  const [first, ...rest] = history.sessions;
  const sessions = [{ ...first!, notes: `Thinking about a ${WORD} next year` }, ...rest];
  return { text: backupJson({ ...history, sessions }, NOW), id: first!.id };
}

/** Everything IndexedDB holds, sessions and caches, as text. */
async function onDisk(db: Awaited<ReturnType<typeof openAttuneDb>>): Promise<string> {
  return JSON.stringify([await db.getAll('sessions'), await db.getAll('caches')]);
}

describe('imports and search under a passphrase', () => {
  it('an import while unlocked is sealed before it is stored; the words are searchable while unlocked, and only then', async () => {
    const here = await aBrowser();
    await here.privacy.enable(PASS, PASS);
    const { text, id } = plainBackup();
    await here.store.backup.importAll(text);
    expect(here.store.notice.error).toBeNull();
    expect(await onDisk(here.db)).not.toContain(WORD);
    expect((await here.sessions.get(id))?.notes).toContain(WORD);

    await here.store.search.search(WORD);
    expect(here.store.search.searchResult?.hits.map((h) => h.sessionId)).toEqual([id]);
    // The cache written meanwhile holds no sealed words.
    expect(await onDisk(here.db)).not.toContain(WORD);

    await here.privacy.lock();
    await here.store.search.passphraseChanged();
    await here.store.search.search(WORD);
    expect(here.store.search.searchResult?.total ?? 0).toBe(0);
  });

  it('an import while locked is stored encrypted at once and opens after unlocking', async () => {
    const here = await aBrowser();
    await here.privacy.enable(PASS, PASS);
    await here.privacy.lock();
    const { text, id } = plainBackup();
    await here.store.backup.importAll(text);
    expect(here.store.notice.error).toBeNull();
    expect(await onDisk(here.db)).not.toContain(WORD);
    expect((await here.sessions.get(id))?.notes).toBe('');
    await here.privacy.unlock(PASS);
    expect((await here.sessions.get(id))?.notes).toContain(WORD);
  });

  it('undo after the passphrase was turned off puts back a readable session, not one sealed under a forgotten key', async () => {
    const here = await aBrowser();
    const { text, id } = plainBackup();
    await here.store.backup.importAll(text);
    await here.privacy.enable(PASS, PASS);
    await here.store.history.deleteSession(id);
    await here.privacy.disable();
    await here.store.history.undo();
    const back = await here.db.get('sessions', id);
    expect(back?.sealed).toBeUndefined();
    expect(back?.notes).toContain(WORD);
  });

  it('undo after the passphrase was turned on puts back a sealed session, not plaintext', async () => {
    const here = await aBrowser();
    const { text, id } = plainBackup();
    await here.store.backup.importAll(text);
    await here.store.history.deleteSession(id);
    await here.privacy.enable(PASS, PASS);
    await here.store.history.undo();
    expect(await onDisk(here.db)).not.toContain(WORD);
    expect((await here.sessions.get(id))?.notes).toContain(WORD);
  });
});
