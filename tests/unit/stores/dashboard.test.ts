import { beforeEach, describe, expect, it, vi } from 'vitest';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { createPinia, setActivePinia } from 'pinia';
import { useHistoryStore } from '@/stores/dashboard/history';
import { useBackupStore } from '@/stores/dashboard/backup';
import { useDashboardSettingsStore } from '@/stores/dashboard/settings';
import { TALK_TARGETS_KEY } from '@/utils/talk-time/target-band';
import { openAttuneDb } from '@/utils/db/open';
import { createIdbHistoryRepo, type HistoryRepo } from '@/utils/db/history-repo';
import type { AttuneDb } from '@/utils/db/schema';
import { backupJson } from '@/utils/history/backup';
import { DIGESTS_CACHE_ID, RETENTION_KEY } from '@/utils/history';
import { fakeHistory } from '../../support/fake-history';
import { localDay } from '@/utils/commitments/follow-through';
import { memoryArea } from '../../support/memory-area';
import { MissingServiceError } from '@/utils/services';
import { idbRepos } from '../../support/repos';
import { wireDashboard, type WiredDashboard } from '../../support/dashboard';

const NOW = Date.UTC(2026, 5, 1);
const history = fakeHistory({ sessions: 40, commitmentsPerSession: 2, relationships: 3, now: NOW });

async function connected(settings = memoryArea()) {
  const db = await openAttuneDb(new IDBFactory());
  const history$ = createIdbHistoryRepo(db);
  await history$.merge(history);
  const store = wireDashboard({
    ...idbRepos(db),
    history: history$,
    settings,
    estimate: async () => ({ usage: 2_000_000, quota: 100_000_000 }),
  });
  return { db, store, history$ };
}

/** Another dashboard page over the same database: a fresh store, as the next visit has. */
function nextVisit(db: AttuneDb, history$: HistoryRepo, extra: Partial<WiredDashboard> = {}) {
  setActivePinia(createPinia());
  return wireDashboard({ ...idbRepos(db), history: history$, settings: memoryArea(), ...extra });
}

describe('dashboard store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('builds the digest on first load, caches it, and draws the next first view from the cache', async () => {
    const { store, history$ } = await connected();
    await store.history.load(NOW);
    expect(store.history.digests.map((d) => d.id)).toEqual(
      [...history.sessions].sort((a, b) => b.startedAt - a.startedAt).map((s) => s.id),
    );
    expect(store.history.trends.find((t) => t.id === 'talk-share')?.points).toHaveLength(history.sessions.length);
    const cache = await history$.readCache(DIGESTS_CACHE_ID);
    expect(cache?.fingerprint).toBe(await history$.fingerprint());

    // A second page over the same database: no full read while the cache is current.
    setActivePinia(createPinia());
    const spy = vi.spyOn(history$, 'forEachChunk');
    const other = await openAttuneDb(new IDBFactory());
    const second = wireDashboard({ ...idbRepos(other), history: history$, settings: memoryArea() });
    await second.history.load(NOW);
    await new Promise((r) => setTimeout(r, 20));
    expect(spy).not.toHaveBeenCalled();
    expect(second.history.digests).toHaveLength(history.sessions.length);
  });

  it('draws the first view from its snapshot, reads the digest after it, and checks that only then', async () => {
    const { db, store, history$ } = await connected();
    await store.history.load(NOW);
    const drawn = JSON.parse(JSON.stringify(store.history.overview));
    // The data changes behind the caches' back: one session fewer.
    await db.delete('sessions', 'ses-3');
    const later: Array<() => void> = [];
    const runLater = async () => {
      while (later.length > 0) later.shift()?.();
      await new Promise((r) => setTimeout(r, 20));
    };
    const next = nextVisit(db, history$, { afterFirstView: (work) => void later.push(work) });
    const chunks = vi.spyOn(history$, 'forEachChunk');
    const reads = vi.spyOn(history$, 'readCache');
    await next.history.load(NOW);
    // First view: the snapshot of the last visit, not the digest.
    expect(next.history.loaded).toBe(true);
    expect(next.history.digestsReady).toBe(false);
    expect(reads.mock.calls.map(([id]) => id)).toEqual(['dashboard.overview']);
    expect(next.history.overviewSessions).toBe(history.sessions.length);
    expect(JSON.parse(JSON.stringify(next.history.overview))).toEqual(drawn);
    expect(next.history.relationshipStats.size).toBeGreaterThan(0);
    expect(chunks).not.toHaveBeenCalled();
    // After that frame: the (stale) digest, then its check, which rebuilds it.
    await runLater();
    expect(next.history.digestsReady).toBe(true);
    await runLater();
    await vi.waitFor(() => expect(next.history.digests).toHaveLength(history.sessions.length - 1));
    expect(next.history.overviewSessions).toBe(history.sessions.length - 1);
    expect(chunks).toHaveBeenCalled();
  });

  it('does not use a snapshot made for other talk targets: the digest is read for the first view', async () => {
    const { db, store, history$ } = await connected();
    await store.history.load(NOW);
    const settings = memoryArea();
    await settings.set({ [TALK_TARGETS_KEY]: { mentoring: { minMentorShare: 0.1, maxMentorShare: 0.2 } } });
    const next = nextVisit(db, history$, { settings, afterFirstView: () => undefined });
    await next.history.load(NOW);
    expect(next.history.digestsReady).toBe(true);
    expect(next.history.overviewSessions).toBe(history.sessions.length);
  });

  it('after a call, brings the digest and the search index up to date reading only what changed', async () => {
    const { db, store, history$ } = await connected();
    await store.history.load(NOW);
    await store.search.search('delegation');
    // A call behind the caches' back: a new session saved, and an older commitment done in its review.
    const template = history.sessions[0];
    const reviewed = history.commitments.find((c) => c.status === 'open');
    if (!template || !reviewed) throw new Error('fake history too small');
    const later = Math.max(...history.sessions.map((s) => s.lastCheckpointAt)) + 3_600_000;
    await db.put('sessions', {
      ...template,
      id: 'ses-new',
      startedAt: later - 1_800_000,
      lastCheckpointAt: later,
      notes: 'Planned the quarterly offsite',
    });
    await db.put('commitments', {
      ...reviewed,
      status: 'done',
      updatedAt: later,
      reviewNotes: [{ sessionId: 'ses-new', status: 'done', note: '', at: later }],
    });

    const next = nextVisit(db, history$);
    const chunks = vi.spyOn(history$, 'forEachChunk');
    const reads = vi.spyOn(history$, 'getSessions');
    const commitmentReads = vi.spyOn(history$, 'commitmentsOfSessions');
    await next.history.load(NOW);
    await vi.waitFor(() => expect(next.history.digests).toHaveLength(history.sessions.length + 1));
    await vi.waitFor(() => expect(next.history.refreshing).toBe(false));
    // Only the sessions saved lately, and the commitments of the sessions touched.
    expect(chunks).not.toHaveBeenCalled();
    expect(reads.mock.calls[0]?.[0]).toContain('ses-new');
    expect(reads.mock.calls[0]?.[0].length).toBeLessThan(5);
    expect(commitmentReads.mock.calls[0]?.[0]).toEqual(expect.arrayContaining(['ses-new', reviewed.sessionId]));
    expect(commitmentReads.mock.calls[0]?.[0].length).toBeLessThan(6);
    // The reviewed commitment is no longer open; the new session brought none.
    const rel = reviewed.relationshipId ?? '';
    expect(next.history.relationshipStats.get(rel)?.open).toBe(
      (store.history.relationshipStats.get(rel)?.open ?? 0) - 1,
    );

    // The search index came along: the new notes are found without a rebuild.
    await next.search.search('offsite');
    expect(next.search.searchResult?.hits.map((h) => h.sessionId)).toContain('ses-new');
    expect(chunks).not.toHaveBeenCalled();
    expect(commitmentReads).toHaveBeenCalledTimes(1);

    // And both equal what a full rebuild makes.
    const refreshed = JSON.parse(JSON.stringify(next.history.digests));
    const refreshedHits = next.search.searchResult?.total;
    await next.history.rebuild(NOW);
    expect(JSON.parse(JSON.stringify(next.history.digests))).toEqual(refreshed);
    await next.search.search('offsite');
    expect(next.search.searchResult?.total).toBe(refreshedHits);
  });

  it('reads every commitment when one was written without a date it can find, and still counts it', async () => {
    const { db, store, history$ } = await connected();
    await store.history.load(NOW);
    const template = history.commitments[0];
    const session = history.sessions[3];
    if (!template || !session) throw new Error('fake history too small');
    // As an import into a session the digest knows: an old write time, and no session saved.
    await db.put('commitments', {
      ...template,
      id: 'com-imported',
      sessionId: session.id,
      status: 'open',
      updatedAt: 1,
    });
    const next = nextVisit(db, history$);
    const chunks = vi.spyOn(history$, 'forEachChunk');
    await next.history.load(NOW);
    await vi.waitFor(() =>
      expect(next.history.digests.find((d) => d.id === session.id)?.commitments).toBe(
        (store.history.digests.find((d) => d.id === session.id)?.commitments ?? NaN) + 1,
      ),
    );
    expect(chunks.mock.calls.map(([name]) => name)).toEqual(['commitments']);
  });

  it('deletes a session and undoes it', async () => {
    const { db, store } = await connected();
    await store.history.load(NOW);
    await store.history.deleteSession('ses-5');
    expect(await db.get('sessions', 'ses-5')).toBeUndefined();
    expect(store.history.digests.some((d) => d.id === 'ses-5')).toBe(false);
    expect(store.notice.message).toMatch(/Deleted 1 session, 2 commitments/);
    await store.history.undo();
    expect(await db.get('sessions', 'ses-5')).toEqual(history.sessions[5]);
    expect(store.history.digests.some((d) => d.id === 'ses-5')).toBe(true);
  });

  it('refuses a bad backup with a sentence and changes nothing', async () => {
    const { db, store } = await connected();
    await store.history.load(NOW);
    const text = backupJson(history, NOW).replace('"startedAt":', '"startedAt":"x","was":');
    await store.backup.importAll(text);
    expect(store.notice.error).toMatch(/Nothing was imported/);
    expect(await db.count('sessions')).toBe(history.sessions.length);
  });

  it('merges a backup without duplicates after deleting everything', async () => {
    const { db, store } = await connected();
    await store.history.load(NOW);
    const text = await store.backup.exportAll(NOW);
    await store.history.deleteAll();
    expect(await db.count('sessions')).toBe(0);
    expect(store.history.digests).toEqual([]);
    await store.backup.importAll(text ?? '');
    expect(await db.count('commitments')).toBe(history.commitments.length);
    expect(store.history.digests).toHaveLength(history.sessions.length);
    await store.backup.importAll(text ?? '');
    expect(store.notice.message).toMatch(/^Imported 0 records/);
  });

  it('keeps the backup it made, named for its day, until the page closes', async () => {
    const { store } = await connected();
    await store.history.load(NOW);
    expect(store.backup.made).toBeNull();
    const text = await store.backup.exportAll(NOW);
    expect(store.backup.made).toEqual({ name: `attune-backup-${localDay(new Date(NOW))}.json`, content: text });
  });

  it('deletes sessions past the retention period when it loads', async () => {
    const cutoffDays = 5;
    const { db, store } = await connected(memoryArea({ initial: { [RETENTION_KEY]: cutoffDays } }));
    await store.history.load(NOW);
    const deleted = await store.history.applyRetention(NOW);
    const expected = history.sessions.filter((s) => s.startedAt < NOW - cutoffDays * 86_400_000).length;
    expect(deleted).toBe(expected);
    expect(await db.count('sessions')).toBe(history.sessions.length - expected);
    expect(store.history.digests).toHaveLength(history.sessions.length - expected);
  });

  it('refuses loudly when an action is called before the page wired the stores, instead of doing nothing', async () => {
    await expect(useHistoryStore().load(NOW)).rejects.toThrow(MissingServiceError);
    await expect(useBackupStore().exportAll(NOW)).rejects.toThrow(/service is not installed/);
    await expect(useHistoryStore().deleteSession('s1')).rejects.toThrow(/service is not installed/);
    await expect(useDashboardSettingsStore().saveRetention(30)).rejects.toThrow(/service is not installed/);
  });
});
