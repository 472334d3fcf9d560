import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createPinia, setActivePinia } from 'pinia';
import { installServices } from '@/utils/services';
import { useSessionStore } from '@/stores/panel/session';
import { newSessionRecord } from '@/utils/call/new-session';
import { openAttuneDb } from '@/utils/db/open';
import { createIdbSessionRepo, type SessionRepo } from '@/utils/db/session-repo';
import { createIdbRelationshipRepo } from '@/utils/db/relationship-repo';
import { createIdbHistoryRepo } from '@/utils/db/history-repo';
import { createIdbCommitmentRepo } from '@/utils/db/commitment-repo';
import { DbError } from '@/utils/db/errors';
import type { TabCallState } from '@/utils/messaging';
import { fakeCommitment, fakeRelationship } from '../../support/records';

function tabState(overrides: Partial<TabCallState> = {}): TabCallState {
  return {
    tabId: 1,
    platform: 'teams',
    snapshot: { platform: 'teams', state: 'in-call', title: 'Mentoring', selfName: null, controlsFound: true },
    sessionId: 'ses-9',
    callStartedAt: 1_000,
    callEndedAt: null,
    updatedAt: 1_000,
    ...overrides,
  };
}

async function connectedStore() {
  const db = await openAttuneDb(new IDBFactory());
  const sessions = createIdbSessionRepo(db);
  const relationships = createIdbRelationshipRepo(db);
  const history = createIdbHistoryRepo(db);
  const commitments = createIdbCommitmentRepo(db);
  const store = useSessionStore();
  installServices({ sessions, relationships, history });
  return { store, sessions, relationships, history, commitments };
}

describe('session store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('creates the session in storage when the call starts', async () => {
    const { store, sessions } = await connectedStore();
    await store.syncWithCall(tabState(), 1_500);
    expect(await sessions.get('ses-9')).toMatchObject({
      platform: 'teams',
      title: 'Mentoring',
      startedAt: 1_000,
      endedAt: null,
    });
  });

  it('resumes the stored session when the panel reopens mid-call', async () => {
    const { store, sessions, relationships } = await connectedStore();
    await store.syncWithCall(tabState(), 1_500);
    await sessions.checkpoint('ses-9', { notes: 'kept', lastCheckpointAt: 2_000 });

    setActivePinia(createPinia());
    const reopened = useSessionStore();
    installServices({ sessions, relationships });
    await reopened.syncWithCall(tabState(), 9_000);
    expect(reopened.session?.notes).toBe('kept');
    expect(reopened.session?.startedAt).toBe(1_000);
  });

  it('checkpoints while the call runs and records the end when it ends', async () => {
    const { store, sessions } = await connectedStore();
    await store.syncWithCall(tabState(), 1_500);
    await store.checkpoint(6_500);
    expect((await sessions.get('ses-9'))?.lastCheckpointAt).toBe(6_500);
    await store.syncWithCall(
      tabState({ callEndedAt: 60_000, snapshot: { ...tabState().snapshot, state: 'left' } }),
      60_100,
    );
    expect(await sessions.get('ses-9')).toMatchObject({ endedAt: 60_000 });
  });

  it('names the linked relationship', async () => {
    const { store, sessions, relationships } = await connectedStore();
    await relationships.put(fakeRelationship());
    await sessions.ensure({ ...newSessionRecord({ ...tabState(), sessionId: 'ses-9' }, 1), relationshipId: 'rel-1' });
    await store.syncWithCall(tabState(), 2);
    expect(store.relationshipLabel).toBe('Alex Morgan & Priya Shah');
  });

  it('shows a sentence, not an exception, when storage is full', async () => {
    const full: SessionRepo = {
      get: async () => null,
      ensure: async () => {
        throw new DbError('quota');
      },
      checkpoint: async () => null,
      listByRelationship: async () => [],
      listRecent: async () => [],
    };
    const store = useSessionStore();
    installServices({ sessions: full, relationships: createIdbRelationshipRepo(await openAttuneDb(new IDBFactory())) });
    await store.syncWithCall(tabState(), 1);
    expect(store.error).toMatch(/storage is full/);
    expect(store.session).toBeNull();
  });

  it('opens the ended session again when the same meeting is rejoined (one call, one session)', async () => {
    const { store, sessions } = await connectedStore();
    await store.syncWithCall(tabState(), 1_500);
    await store.update({ agenda: 'Promotion case' }, 2_000);
    await store.syncWithCall(
      tabState({ callEndedAt: 60_000, snapshot: { ...tabState().snapshot, state: 'left' } }),
      60_100,
    );
    await store.syncWithCall(tabState(), 63_000);
    expect(await sessions.get('ses-9')).toMatchObject({ endedAt: null, startedAt: 1_000, agenda: 'Promotion case' });
    expect(store.session?.endedAt).toBeNull();
  });

  it('notices a session deleted behind the panel: says so, saves nothing more, and can restore it', async () => {
    const { store, sessions, history } = await connectedStore();
    await store.syncWithCall(tabState(), 1_500);
    await store.update({ agenda: 'Promotion case' }, 2_000);
    await history.deleteSessions(['ses-9']);
    expect(await store.update({ notes: 'typed after the deletion' }, 3_000)).toBe(false);
    expect(store.gone).toBe('deleted-elsewhere');
    expect(store.error).toMatch(/deleted in the dashboard/);
    expect(await store.stillStored(3_500)).toBe(false);
    expect(await sessions.get('ses-9')).toBeNull();
    expect(await store.restore(4_000)).toBe(true);
    expect(await sessions.get('ses-9')).toMatchObject({ agenda: 'Promotion case', lastCheckpointAt: 4_000 });
    expect(await store.update({ notes: 'kept now' }, 5_000)).toBe(true);
    expect((await sessions.get('ses-9'))?.notes).toBe('kept now');
    expect(store.error).toBeNull();
  });

  it('lets the mentor discard the session with its commitments, and undo that', async () => {
    const { store, sessions, commitments } = await connectedStore();
    await store.syncWithCall(tabState(), 1_500);
    await commitments.put(fakeCommitment({ id: 'c1', sessionId: 'ses-9' }));
    expect(await store.discard()).toBe(true);
    expect(await sessions.get('ses-9')).toBeNull();
    expect(await commitments.listBySession('ses-9')).toEqual([]);
    expect(store.error).toBeNull();
    await store.checkpoint(9_000);
    expect(await sessions.get('ses-9')).toBeNull();
    expect(await store.undoDiscard()).toBe(true);
    expect(await sessions.get('ses-9')).not.toBeNull();
    expect((await commitments.listBySession('ses-9')).map((c) => c.id)).toEqual(['c1']);
  });
});
