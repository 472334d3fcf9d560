import { beforeEach, describe, expect, it } from 'vitest';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { createPinia, setActivePinia } from 'pinia';
import { openAttuneDb } from '@/utils/db/open';
import { createIdbHistoryRepo } from '@/utils/db/history-repo';
import { createIdbSessionRepo, type SessionRepo } from '@/utils/db/session-repo';
import { PassphraseError } from '@/utils/crypto/passphrase';
import { memoryArea } from '../../support/memory-area';
import { idbRepos } from '../../support/repos';
import { wireDashboard } from '../../support/dashboard';
import { fakeRelationship, fakeSession } from '../../support/records';

const START = Date.UTC(2026, 10, 20, 10);
const transcript = [{ speaker: 'You', text: 'What matters most today?', at: START + 5_000, endedAt: START + 7_000 }];
// A session that never ended (the browser crashed): its last save is its best known end.
const session = fakeSession({
  id: 'ses-t',
  startedAt: START,
  endedAt: null,
  lastCheckpointAt: START + 40 * 60_000,
  transcript,
  notes: 'Keep these',
});

async function dashboard(wrap: (repo: SessionRepo) => SessionRepo = (r) => r) {
  const db = await openAttuneDb(new IDBFactory());
  await createIdbHistoryRepo(db).merge({ relationships: [fakeRelationship()], sessions: [session], commitments: [] });
  const store = wireDashboard({
    ...idbRepos(db),
    sessions: wrap(createIdbSessionRepo(db)),
    settings: memoryArea(),
  });
  await store.history.load(START + 86_400_000);
  await store.history.openSession(session.id);
  return { db, store };
}

describe('deleting a session’s transcript from its report', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('deletes the transcript alone, keeping the notes and the session’s best known end', async () => {
    const { db, store } = await dashboard();
    await store.history.deleteTranscript(session.id);
    const saved = await db.get('sessions', session.id);
    expect(saved?.transcript).toBeNull();
    expect(saved?.notes).toBe('Keep these');
    expect(saved?.lastCheckpointAt).toBe(session.lastCheckpointAt);
    expect(store.history.report?.session.transcript).toBeNull();
    expect(store.notice.message).toMatch(/^Deleted the transcript of this session\./);
  });

  it('changes nothing for a session that is not the one in the report', async () => {
    const { db, store } = await dashboard();
    await store.history.deleteTranscript('another');
    expect((await db.get('sessions', session.id))?.transcript).toEqual(transcript);
  });

  it('says what to do when the passphrase is locked, and keeps the transcript', async () => {
    const { db, store } = await dashboard((repo) => ({
      ...repo,
      checkpoint: () => Promise.reject(new PassphraseError('locked')),
    }));
    await store.history.deleteTranscript(session.id);
    expect(store.notice.error).toMatch(/unlock them in Settings/);
    expect((await db.get('sessions', session.id))?.transcript).toEqual(transcript);
    expect(store.history.report?.session.transcript).toEqual(transcript);
  });
});
