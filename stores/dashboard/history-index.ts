import {
  createHistoryIndex,
  overviewKey,
  trendOverview,
  trendSeries,
  type HistoryIndex,
  type OverviewSnapshot,
  type SearchEntry,
  type SessionDigest,
} from '@/utils/history';
import type { HistoryRepo } from '@/utils/db/history-repo';
import type { CacheRecord } from '@/utils/db/schema';
import { isAllHistory, type HistoryActions, type DashboardDeps, type HistoryState } from './state';
import { BENCH_MARKS } from '@/utils/bench-marks';

/**
 * The dashboard's side of the history index (utils/history/history-index.ts): when to read,
 * refresh or rebuild it, and what the page shows meanwhile. The first view comes from a snapshot;
 * after it, a digest whose fingerprint no longer matches is brought up to date, or rebuilt.
 */
export function historyIndexActions(s: HistoryState, deps: () => DashboardDeps, ctx: HistoryActions) {
  let made: { over: HistoryRepo; index: HistoryIndex } | null = null;
  /** One index per repository (it remembers the last refresh's changes for the search index). */
  function historyIndex(): HistoryIndex {
    const { history } = deps();
    if (made?.over !== history) made = { over: history, index: createHistoryIndex(history) };
    return made.index;
  }

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
    await historyIndex().writeSnapshot(next, fingerprint, at);
  }

  /** The digest on screen matches the data: then, and not before, the open commitments are read. */
  function markCurrent() {
    globalThis.performance?.mark?.(BENCH_MARKS.historyCurrent);
    void ctx.loadDue();
  }

  function showDigests(rows: SessionDigest[]) {
    s.digests.value = rows;
    s.digestsReady.value = true;
  }

  async function saveCaches(rows: SessionDigest[], entries: SearchEntry[] | null, at: number) {
    await saveSnapshot(await historyIndex().writeCaches(rows, entries, at), at);
  }

  /** The digest and the search index made afresh; a change made meanwhile shows as stale. */
  async function rebuild(at: number) {
    s.refreshing.value = true;
    try {
      const built = await historyIndex().rebuild(at);
      showDigests(built.digests);
      s.searchEntries.value = built.entries;
      await saveSnapshot(built.fingerprint, at);
      ctx.runSearch();
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
    s.refreshing.value = true;
    try {
      const rows = await historyIndex().refreshDigests(cache, s.digests.value, fingerprint, at);
      if (!rows) return false;
      showDigests(rows);
      await saveSnapshot(fingerprint, at);
      if (s.searchEntries.value) {
        // An index already in memory is made current like the one on disk, at the next search.
        s.searchEntries.value = null;
        await ctx.searchAgain();
      }
      return true;
    } finally {
      s.refreshing.value = false;
    }
  }

  /** Brings the digest up to date in the background when the data changed since it was made. */
  async function revalidate(cache: CacheRecord | null, at: number) {
    try {
      const fingerprint = await historyIndex().fingerprint();
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
    const cached = await historyIndex().readDigests();
    if (cached) {
      showDigests(cached.digests);
      s.loaded.value = true;
      deps().afterFirstView(() => void revalidate(cached.cache, at));
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
    try {
      const [rels, snapshotFor] = await Promise.all([
        d.relationships.list(),
        historyIndex().readSnapshot(),
        ctx.loadSettings(),
      ]);
      s.relationships.value = rels;
      const kept = snapshotFor(overviewKey(s.talkTargets.value, at));
      if (kept && isAllHistory(s.filter.value)) {
        s.snapshot.value = kept;
        s.loaded.value = true;
        d.afterFirstView(
          () =>
            void readDigests(at).catch((e: unknown) =>
              s.fail(e, 'Attune could not read your history. Reload the page to try again.'),
            ),
        );
      } else {
        await readDigests(at);
      }
      s.notice.error = null;
    } catch (e) {
      s.loaded.value = true;
      s.fail(e, 'Attune could not read your history. Reload the page to try again.');
    }
  }

  /** The search index: from its cache when current or brought up to date, rebuilt otherwise. */
  async function ensureSearchIndex() {
    if (s.searchEntries.value) return;
    const at = deps().now();
    const entries = await historyIndex().searchEntries(at);
    if (entries) s.searchEntries.value = entries;
    else await rebuild(at);
  }

  return { load, rebuild, saveCaches, ensureSearchIndex };
}
