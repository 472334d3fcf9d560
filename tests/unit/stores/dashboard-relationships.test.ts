import { beforeEach, describe, expect, it, vi } from 'vitest';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { createPinia, setActivePinia } from 'pinia';
import { openAttuneDb } from '@/utils/db/open';
import { createIdbHistoryRepo } from '@/utils/db/history-repo';
import { DIGESTS_CACHE_ID, decodeCache, type SessionDigest } from '@/utils/history';
import { backupJson, parseBackupJson } from '@/utils/history/backup';
import { fakeHistory } from '../../support/fake-history';
import { addDays, localDay } from '@/utils/commitments/follow-through';
import { fakeCommitment } from '../../support/records';
import { memoryArea } from '../../support/memory-area';
import { idbRepos } from '../../support/repos';
import { wireDashboard } from '../../support/dashboard';

const NOW = Date.UTC(2026, 5, 1);
const history = fakeHistory({ sessions: 30, commitmentsPerSession: 2, relationships: 3, now: NOW });

async function connected() {
  const db = await openAttuneDb(new IDBFactory());
  const history$ = createIdbHistoryRepo(db);
  await history$.merge(history);
  const store = wireDashboard({ ...idbRepos(db), history: history$, settings: memoryArea() });
  await store.history.load(NOW);
  return { db, store, history$ };
}

describe('managing relationships from the dashboard', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('renames a relationship, changes its kind and keeps the mentee’s e-mail', async () => {
    const { db, store } = await connected();
    const ok = await store.history.editRelationship(
      'rel-1',
      { mentorName: 'Alex Morgan', menteeName: 'Sam O.', mode: 'co-coaching', email: 'sam@example.org' },
      NOW,
    );
    expect(ok).toBe(true);
    expect(await db.get('relationships', 'rel-1')).toMatchObject({
      menteeName: 'Sam O.',
      mode: 'co-coaching',
      menteeEmail: 'sam@example.org',
      updatedAt: NOW,
    });
    expect(store.history.relationshipById.get('rel-1')?.menteeName).toBe('Sam O.');
  });

  it('says what is wrong with an edit and saves nothing', async () => {
    const { db, store } = await connected();
    const before = await db.get('relationships', 'rel-1');
    expect(
      await store.history.editRelationship(
        'rel-1',
        { mentorName: 'Alex', menteeName: 'Sam', mode: 'mentoring', email: 'sam@' },
        NOW,
      ),
    ).toBe(false);
    expect(store.notice.error).toMatch(/e-mail address/);
    expect(await db.get('relationships', 'rel-1')).toEqual(before);
  });

  it('archives and unarchives, keeping the relationship and its sessions', async () => {
    const { db, store } = await connected();
    await store.history.archive('rel-2', NOW);
    expect(await db.get('relationships', 'rel-2')).toMatchObject({ stage: 'moving-on', archivedAt: NOW });
    expect(store.history.relationships.some((r) => r.id === 'rel-2')).toBe(true);
    expect(store.history.relationshipStats.get('rel-2')?.sessions).toBe(
      history.sessions.filter((s) => s.relationshipId === 'rel-2').length,
    );
    await store.history.unarchive('rel-2', NOW + 1);
    expect((await db.get('relationships', 'rel-2'))?.archivedAt).toBeNull();
  });

  it('merges one relationship into another: every session and commitment moves, nothing is lost, the merged record goes', async () => {
    const { db, store, history$ } = await connected();
    const fromSessions = history.sessions
      .filter((s) => s.relationshipId === 'rel-1')
      .map((s) => s.id)
      .sort();
    const fromCommitments = history.commitments
      .filter((c) => c.relationshipId === 'rel-1')
      .map((c) => c.id)
      .sort();
    const intoSessions = history.sessions.filter((s) => s.relationshipId === 'rel-0').length;
    expect(fromSessions.length).toBeGreaterThan(0);

    expect(await store.history.mergeRelationship('rel-1', 'rel-0', NOW)).toBe(true);

    expect(await db.get('relationships', 'rel-1')).toBeUndefined();
    expect(await db.count('sessions')).toBe(history.sessions.length);
    expect(await db.count('commitments')).toBe(history.commitments.length);
    expect((await db.getAllKeysFromIndex('sessions', 'by-relationship', 'rel-1')).length).toBe(0);
    expect((await db.getAllKeysFromIndex('commitments', 'by-relationship', 'rel-1')).length).toBe(0);
    const moved = await db.getAllFromIndex('sessions', 'by-relationship', 'rel-0');
    expect(moved).toHaveLength(intoSessions + fromSessions.length);
    // The sessions are as they were but for their relationship.
    const original = new Map(history.sessions.map((s) => [s.id, s]));
    for (const s of moved)
      expect({ ...s, relationshipId: original.get(s.id)?.relationshipId }).toEqual(original.get(s.id));
    const movedCommitments = (await db.getAllFromIndex('commitments', 'by-relationship', 'rel-0')).map((c) => c.id);
    expect(movedCommitments).toEqual(expect.arrayContaining(fromCommitments));

    expect(store.history.relationships.map((r) => r.id).sort()).toEqual(['rel-0', 'rel-2']);
    expect(store.history.relationshipStats.get('rel-0')?.sessions).toBe(intoSessions + fromSessions.length);
    expect(store.notice.message).toMatch(
      new RegExp(`${fromSessions.length} sessions? and ${fromCommitments.length} commitments? moved`),
    );
    // The cached digest says so too, for the next visit.
    const cached = decodeCache<SessionDigest>(await history$.readCache(DIGESTS_CACHE_ID));
    expect(cached?.filter((d) => d.relationshipId === 'rel-1')).toEqual([]);
  });

  it('undoes a merge: both relationships, their sessions and commitments (owners too) are as they were', async () => {
    const { db, store, history$ } = await connected();
    const before = {
      relationships: await db.getAll('relationships'),
      sessions: await db.getAll('sessions'),
      commitments: await db.getAll('commitments'),
    };
    expect(await store.history.mergeRelationship('rel-1', 'rel-0', NOW)).toBe(true);
    expect(store.history.undoable).not.toBeNull();

    await store.history.undo();

    expect(store.notice.error).toBeNull();
    expect(store.notice.message).toMatch(/^Merge undone: .* is back with \d+ sessions? and \d+ commitments?\.$/);
    expect(store.history.undoable).toBeNull();
    expect(await db.getAll('relationships')).toEqual(before.relationships);
    expect(await db.getAll('sessions')).toEqual(before.sessions);
    const commitments = await db.getAll('commitments');
    expect(commitments.map(({ updatedAt: _, ...c }) => c)).toEqual(
      before.commitments.map(({ updatedAt: _, ...c }) => c),
    );
    expect(store.history.relationships.map((r) => r.id).sort()).toEqual(['rel-0', 'rel-1', 'rel-2']);
    expect(store.history.relationshipStats.get('rel-1')?.sessions).toBe(
      before.sessions.filter((s) => s.relationshipId === 'rel-1').length,
    );
    const cached = decodeCache<SessionDigest>(await history$.readCache(DIGESTS_CACHE_ID));
    expect(cached?.filter((d) => d.relationshipId === 'rel-1').length).toBeGreaterThan(0);
  });

  it('leaves alone, on undoing a merge, a session deleted since', async () => {
    const { db, store, history$ } = await connected();
    const moved = history.sessions.find((s) => s.relationshipId === 'rel-1');
    expect(await store.history.mergeRelationship('rel-1', 'rel-0', NOW)).toBe(true);
    const undo = store.history.undoable;
    await history$.deleteSessions([moved?.id ?? '']);
    store.history.undoable = undo;
    await store.history.undo();
    expect(await db.get('sessions', moved?.id ?? '')).toBeUndefined();
    expect(await db.get('relationships', 'rel-1')).toBeDefined();
  });

  it('refuses to merge a relationship into itself and changes nothing', async () => {
    const { db, store } = await connected();
    expect(await store.history.mergeRelationship('rel-1', 'rel-1', NOW)).toBe(false);
    expect(store.notice.error).toMatch(/itself/);
    expect(await db.get('relationships', 'rel-1')).toBeDefined();
  });

  it('changes nothing when the relationship to merge into is gone', async () => {
    const { db, store } = await connected();
    expect(await store.history.mergeRelationship('rel-1', 'nobody', NOW)).toBe(false);
    expect(store.notice.error).toMatch(/no longer here/);
    expect((await db.getAllKeysFromIndex('sessions', 'by-relationship', 'rel-1')).length).toBeGreaterThan(0);
  });

  it('deletes a relationship and undoes it', async () => {
    const { db, store } = await connected();
    await store.history.deleteRelationship('rel-2');
    expect(await db.get('relationships', 'rel-2')).toBeUndefined();
    await store.history.undo();
    expect(await db.get('relationships', 'rel-2')).toEqual(history.relationships[2]);
    expect(store.history.relationships.some((r) => r.id === 'rel-2')).toBe(true);
  });

  it('keeps the e-mail and the archive date through a backup', () => {
    const rels = history.relationships.map((r, i) =>
      i === 0 ? { ...r, menteeEmail: 'sam@example.org', archivedAt: NOW } : r,
    );
    const text = backupJson({ ...history, relationships: rels }, NOW);
    expect(parseBackupJson(text, text.length).relationships[0]).toMatchObject({
      menteeEmail: 'sam@example.org',
      archivedAt: NOW,
    });
  });
});

describe('due this week in the dashboard', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('lists the open commitments due this week and the overdue ones, by the page’s clock, and follows a merge and a deletion', async () => {
    const { store, history$ } = await connected();
    const today = localDay(new Date(NOW));
    const extra = [
      fakeCommitment({
        id: 'due-late',
        sessionId: 'ses-1',
        relationshipId: 'rel-1',
        due: addDays(today, -3),
        createdAt: NOW,
        updatedAt: NOW,
      }),
      fakeCommitment({
        id: 'due-soon',
        sessionId: 'ses-2',
        relationshipId: 'rel-2',
        due: addDays(today, 2),
        createdAt: NOW,
        updatedAt: NOW,
      }),
      fakeCommitment({
        id: 'due-done',
        sessionId: 'ses-2',
        relationshipId: 'rel-2',
        due: addDays(today, 1),
        status: 'done',
        createdAt: NOW,
        updatedAt: NOW,
      }),
    ];
    await history$.merge({ relationships: [], sessions: [], commitments: extra });
    await store.history.loadDue();
    const ids = () => store.history.dueSoon.flatMap((g) => g.items.map((i) => i.commitment.id));
    expect(ids()).toEqual(expect.arrayContaining(['due-late', 'due-soon']));
    expect(ids()).not.toContain('due-done');
    expect(store.history.dueSoon[0]?.key).toBe('overdue');
    // Every one is open, and due no later than six days from now.
    for (const item of store.history.dueSoon.flatMap((g) => g.items)) {
      expect(['open', 'in-progress']).toContain(item.commitment.status);
      expect((item.commitment.due ?? '') <= addDays(today, 6)).toBe(true);
    }

    await store.history.mergeRelationship('rel-1', 'rel-2', NOW);
    const late = store.history.dueSoon.flatMap((g) => g.items).find((i) => i.commitment.id === 'due-late');
    expect(late?.relationshipId).toBe('rel-2');
    expect(late?.relationshipLabel).toBe(
      `${history.relationships[2]?.mentorName} & ${history.relationships[2]?.menteeName}`,
    );

    await store.history.deleteRelationship('rel-2');
    expect(ids()).not.toContain('due-soon');
    await store.history.undo();
    await vi.waitFor(() => expect(ids()).toContain('due-soon'));
  });
});
