import { readFingerprint } from '@/utils/db/history-repo';
import { changesSince, everyCommitment, REBUILD_CHUNK } from '@/utils/history/history-changes';
import type { CacheRecord } from '@/utils/db/schema';
import {
  byNewest,
  commitmentEntries,
  commitmentsBySession,
  commitmentsCounted,
  commitmentSearchEntry,
  decodeCache,
  decodeOverview,
  DIGESTS_CACHE_ID,
  encodeCache,
  encodeOverview,
  OVERVIEW_CACHE_ID,
  overviewKey,
  refreshDigests,
  refreshSearchEntries,
  SEARCH_CACHE_ID,
  sessionDigest,
  sessionSearchEntry,
  trendOverview,
  trendSeries,
  type HistoryChanges,
  type OverviewSnapshot,
  type SearchEntry,
  type SessionDigest,
} from '@/utils/history';
import { isAllHistory, type DashboardActions, type DashboardDeps, type DashboardState } from './state';
import { BENCH_MARKS } from '@/utils/bench-marks';

/**
 * The history index: the digest of every session and the search index, kept in IndexedDB's
 * caches with the data's fingerprint. The first view comes from a snapshot; after it, a cache
 * whose fingerprint no longer matches is brought up to date from what changed, or rebuilt.
 */
export function historyIndexActions(s: DashboardState, deps: () => DashboardDeps, ctx: DashboardActions) {
  /**
   * The last refresh's changes, kept for the search index: when its cache was built from the same
   * data as the digest's, the first search brings it up to date from them without reading again.
   */
  let lastChanges: { from: string; to: string; changes: HistoryChanges } | null = null;

  /** The first view over all the history, kept for the next visit; written only when it changed. */
  async function saveSnapshot(fingerprint: string, at: number) {
    if (!s.digestsReady.value) return;
    const series = isAllHistory(s.filter.value) ? s.trends.value : trendSeries(s.digests.value, s.trendContext());
    const next: OverviewSnapshot = {
      key: overviewKey(s.talkTargets.value, at),
      sessions: s.digests.value.length,
      trends: series.map(trendOverview),
      relationships: [...s.relationshipStats.value],
    };
    if (JSON.stringify(next) === JSON.stringify(s.snapshot.value)) return;
    s.snapshot.value = next;
    await deps().history.writeCache(encodeOverview(next, fingerprint, at));
  }

  /** The digest on screen matches the data: then, and not before, the open commitments are read. */
  function markCurrent() {
    globalThis.performance?.mark?.(BENCH_MARKS.historyCurrent);
    void ctx.loadDue();
  }

  async function saveCaches(rows: SessionDigest[], entries: SearchEntry[] | null, at: number) {
    const { history } = deps();
    const fingerprint = await history.fingerprint();
    await history.writeCache(encodeCache(DIGESTS_CACHE_ID, rows, fingerprint, at));
    if (entries) await history.writeCache(encodeCache(SEARCH_CACHE_ID, entries, fingerprint, at));
    await saveSnapshot(fingerprint, at);
  }

  /**
   * Reads every session and commitment a chunk at a time and makes the digest and the search
   * index afresh. The fingerprint is taken first, so a change made meanwhile shows as stale.
   */
  async function rebuild(at: number) {
    const { history } = deps();
    s.refreshing.value = true;
    try {
      const fingerprint = await history.fingerprint();
      const commitments = await everyCommitment(history);
      const bySession = commitmentsBySession(commitments);
      const rows: SessionDigest[] = [];
      const entries: SearchEntry[] = [];
      await history.forEachChunk('sessions', REBUILD_CHUNK, (chunk) => {
        for (const session of chunk) {
          rows.push(sessionDigest(session, bySession.get(session.id) ?? []));
          entries.push(sessionSearchEntry(session));
        }
      });
      for (const c of commitments) entries.push(commitmentSearchEntry(c));
      rows.sort(byNewest);
      entries.sort((a, b) => b.at - a.at);
      s.digests.value = rows;
      s.digestsReady.value = true;
      s.searchEntries.value = entries;
      await history.writeCache(encodeCache(DIGESTS_CACHE_ID, rows, fingerprint, at));
      await history.writeCache(encodeCache(SEARCH_CACHE_ID, entries, fingerprint, at));
      await saveSnapshot(fingerprint, at);
      if (s.query.value) ctx.runSearch();
    } finally {
      s.refreshing.value = false;
    }
  }

  /**
   * Brings the digest up to date from what changed since `cache` was built (after a call: a
   * session or two and a relationship's commitments). False when the cache cannot say what
   * changed: then rebuild. The search index follows at the first search.
   */
  async function refresh(cache: CacheRecord, fingerprint: string, at: number): Promise<boolean> {
    const since = readFingerprint(cache.fingerprint);
    const current = readFingerprint(fingerprint);
    if (!since || !current) return false;
    const { history } = deps();
    s.refreshing.value = true;
    try {
      const known = new Set(s.digests.value.map((d) => d.id));
      let changes = await changesSince(history, known, since, false);
      let rows = refreshDigests(s.digests.value, changes);
      // A commitment written without a date this refresh could find (an import into a known session): read them all.
      if (commitmentsCounted(rows) !== current.commitments) {
        changes = await changesSince(history, known, since, true);
        rows = refreshDigests(s.digests.value, changes);
      }
      s.digests.value = rows;
      s.digestsReady.value = true;
      await history.writeCache(encodeCache(DIGESTS_CACHE_ID, rows, fingerprint, at));
      lastChanges = { from: cache.fingerprint, to: fingerprint, changes };
      await saveSnapshot(fingerprint, at);
      if (s.searchEntries.value) {
        // An index already in memory is made current like the one on disk, at the next search.
        s.searchEntries.value = null;
        if (s.query.value) await ctx.search(s.query.value);
      }
      return true;
    } finally {
      s.refreshing.value = false;
    }
  }

  /** The search index brought up to date from its cache; false when that cannot say what changed. */
  async function refreshSearch(cache: CacheRecord, cached: SearchEntry[], fingerprint: string): Promise<boolean> {
    const since = readFingerprint(cache.fingerprint);
    const current = readFingerprint(fingerprint);
    if (!since || !current) return false;
    const { history } = deps();
    const known = new Set(cached.filter((e) => e.kind === 'session').map((e) => e.id));
    const kept = lastChanges?.from === cache.fingerprint && lastChanges.to === fingerprint ? lastChanges.changes : null;
    let entries = refreshSearchEntries(cached, kept ?? (await changesSince(history, known, since, false)));
    if (commitmentEntries(entries) !== current.commitments)
      entries = refreshSearchEntries(cached, await changesSince(history, known, since, true));
    s.searchEntries.value = entries;
    await history.writeCache(encodeCache(SEARCH_CACHE_ID, entries, fingerprint, Date.now()));
    return true;
  }

  /** Brings the digest up to date in the background when the data changed since it was made. */
  async function revalidate(cache: CacheRecord | null, at: number) {
    try {
      const fingerprint = await deps().history.fingerprint();
      if (cache?.fingerprint === fingerprint) await saveSnapshot(fingerprint, at);
      else if (!cache || !(await refresh(cache, fingerprint, at))) await rebuild(at);
    } catch (e) {
      s.fail(e, 'Attune could not refresh the history. What you see may be a little out of date.');
    } finally {
      markCurrent();
    }
  }

  /** The digest from its cache (then checked after the next frame), or rebuilt when there is none. */
  async function readDigests(at: number) {
    const d = deps();
    const cache = await d.history.readCache(DIGESTS_CACHE_ID);
    const cached = decodeCache<SessionDigest>(cache);
    if (cached) {
      s.digests.value = cached;
      s.digestsReady.value = true;
      s.loaded.value = true;
      (d.afterFirstView ?? ((work) => work()))(() => void revalidate(cache, at));
    } else {
      await rebuild(at);
      s.loaded.value = true;
      markCurrent();
    }
  }

  /**
   * The first view: relationships and the snapshot of the last first view over all the history
   * (a few kilobytes, however many sessions there are), drawn at once; the digest is read after
   * that frame. Without a snapshot for today's settings, the digest is read first; without a
   * digest either, the rebuild is awaited. Whether the digest still matches the data is checked
   * after the first view, and a stale one stays on screen while a rebuild runs.
   */
  async function load(at: number) {
    const d = deps();
    s.now.value = at;
    const later = d.afterFirstView ?? ((work) => work());
    try {
      const [rels, record] = await Promise.all([
        d.relationships.list(),
        d.history.readCache(OVERVIEW_CACHE_ID),
        ctx.loadSettings(),
      ]);
      s.relationships.value = rels;
      const kept = decodeOverview(record, overviewKey(s.talkTargets.value, at));
      if (kept && isAllHistory(s.filter.value)) {
        s.snapshot.value = kept;
        s.loaded.value = true;
        later(
          () =>
            void readDigests(at).catch((e: unknown) =>
              s.fail(e, 'Attune could not read your history. Reload the page to try again.'),
            ),
        );
      } else {
        await readDigests(at);
      }
      s.error.value = null;
    } catch (e) {
      s.loaded.value = true;
      s.fail(e, 'Attune could not read your history. Reload the page to try again.');
    }
  }

  /** The search index: from its cache when current, rebuilt otherwise. */
  async function ensureSearchIndex() {
    if (s.searchEntries.value) return;
    const { history } = deps();
    const [cache, fingerprint] = await Promise.all([history.readCache(SEARCH_CACHE_ID), history.fingerprint()]);
    const cached = decodeCache<SearchEntry>(cache);
    if (cached && cache?.fingerprint === fingerprint) s.searchEntries.value = cached;
    else if (!cache || !cached || !(await refreshSearch(cache, cached, fingerprint))) await rebuild(Date.now());
  }

  return { load, rebuild, saveCaches, ensureSearchIndex };
}
