import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { openAttuneDb } from '@/utils/db/open';
import { createIdbHistoryRepo } from '@/utils/db/history-repo';
import { createHistoryIndex } from '@/utils/history/history-index';
import { DIGESTS_CACHE_ID, SEARCH_CACHE_ID } from '@/utils/history/history-cache';
import { overviewKey } from '@/utils/history/overview';
import { bandsForEveryMode } from '@/utils/talk-time/target-band';
import { fakeCommitment, fakeSession } from '../../support/records';
import { fakeHistory } from '../../support/fake-history';

const NOW = Date.UTC(2026, 5, 1);
const history = fakeHistory({ sessions: 30, commitmentsPerSession: 2, relationships: 3, now: NOW });

async function indexOver() {
  const db = await openAttuneDb(new IDBFactory());
  const repo = createIdbHistoryRepo(db);
  await repo.merge(history);
  return { repo, index: createHistoryIndex(repo) };
}

describe('the history index', () => {
  it('rebuilds the digest and search index from every record and reads them back from the caches', async () => {
    const { repo, index } = await indexOver();
    const built = await index.rebuild(NOW);
    expect(built.digests).toHaveLength(30);
    expect(built.entries).toHaveLength(30 + history.commitments.length);
    expect(built.fingerprint).toBe(await repo.fingerprint());
    const read = vi.spyOn(repo, 'forEachChunk');
    expect((await index.readDigests())?.digests).toEqual(built.digests);
    expect(await index.searchEntries(NOW)).toEqual(built.entries);
    expect(read).not.toHaveBeenCalled();
  });

  it('brings a stale digest and search index up to date to what a rebuild makes, reading only what changed', async () => {
    const { repo, index } = await indexOver();
    const first = await index.rebuild(NOW);
    const cached = await index.readDigests();
    if (!cached) throw new Error('no digest cached');
    // After a call: a new session with a commitment, and an old session gone.
    await repo.merge({
      relationships: [],
      sessions: [fakeSession({ id: 'ses-new', relationshipId: 'rel-0', startedAt: NOW - 3_600_000, endedAt: NOW })],
      commitments: [fakeCommitment({ id: 'c-new', sessionId: 'ses-new', relationshipId: 'rel-0' })],
    });
    await repo.deleteSessions([first.digests[5]?.id ?? '']);
    const fingerprint = await repo.fingerprint();
    const read = vi.spyOn(repo, 'forEachChunk');
    const rows = await index.refreshDigests(cached.cache, cached.digests, fingerprint, NOW);
    const entries = await index.searchEntries(NOW);
    expect(read).not.toHaveBeenCalled();
    const fresh = await createHistoryIndex(repo).rebuild(NOW);
    expect(rows).toEqual(fresh.digests);
    expect(entries).toEqual(fresh.entries);
    expect((await repo.readCache(DIGESTS_CACHE_ID))?.fingerprint).toBe(fingerprint);
  });

  it('says when a cache cannot tell what changed, so that the caller rebuilds', async () => {
    const { repo, index } = await indexOver();
    const built = await index.rebuild(NOW);
    const cached = await index.readDigests();
    if (!cached) throw new Error('no digest cached');
    const unreadable = { ...cached.cache, fingerprint: 'from an older Attune' };
    expect(await index.refreshDigests(unreadable, built.digests, await repo.fingerprint(), NOW)).toBeNull();
    const search = await repo.readCache(SEARCH_CACHE_ID);
    if (!search) throw new Error('no search index cached');
    await repo.writeCache({ ...search, fingerprint: 'from an older Attune' });
    expect(await createHistoryIndex(repo).searchEntries(NOW)).toBeNull();
  });

  it('keeps the first view for the settings and day it was made for, and for no other', async () => {
    const { index } = await indexOver();
    const built = await index.rebuild(NOW);
    const key = overviewKey(bandsForEveryMode({}), NOW);
    const snapshot = { key, sessions: built.digests.length, trends: [], relationships: [] };
    await index.writeSnapshot(snapshot, built.fingerprint, NOW);
    const kept = await index.readSnapshot();
    expect(kept(key)).toEqual(snapshot);
    expect(
      kept(overviewKey(bandsForEveryMode({ mentoring: { minMentorShare: 0, maxMentorShare: 0.1 } }), NOW)),
    ).toBeNull();
    expect(kept(overviewKey(bandsForEveryMode({}), NOW + 2 * 86_400_000))).toBeNull();
  });
});
