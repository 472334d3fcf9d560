import { readFingerprint, type HistoryRepo } from '../db/history-repo';
import type { CacheRecord } from '../db/schema';
import { changesSince, everyCommitment, REBUILD_CHUNK } from './history-changes';
import { decodeCache, DIGESTS_CACHE_ID, encodeCache, SEARCH_CACHE_ID } from './history-cache';
import { decodeOverview, encodeOverview, OVERVIEW_CACHE_ID, type OverviewSnapshot } from './overview';
import {
  commitmentEntries,
  commitmentsCounted,
  refreshDigests,
  refreshSearchEntries,
  type HistoryChanges,
} from './refresh';
import { byNewest, commitmentsBySession, commitmentSearchEntry, sessionDigest, sessionSearchEntry } from './digest';
import type { SearchEntry, SessionDigest } from './types';

/** The digest and search index made afresh from every record, and the fingerprint they match. */
export interface BuiltIndex {
  fingerprint: string;
  digests: SessionDigest[];
  entries: SearchEntry[];
}

/** The digest as cached: its record (with the fingerprint it was made from) and its rows. */
export interface CachedDigests {
  cache: CacheRecord;
  digests: SessionDigest[];
}

/**
 * The history's index, kept in IndexedDB's caches beside the data's fingerprint: the digest of
 * every session (for trends and lists), the search index, and the first view's snapshot. A cache
 * whose fingerprint no longer matches is brought up to date from what changed since, or rebuilt.
 * Plain code over a HistoryRepo; the dashboard's store decides when, and shows the result.
 */
export interface HistoryIndex {
  fingerprint(): Promise<string>;
  /**
   * Reads the first view kept for the next visit; the answer takes the key it must match (the
   * settings and the day), so the settings can be read at the same time.
   */
  readSnapshot(): Promise<(key: string) => OverviewSnapshot | null>;
  writeSnapshot(snapshot: OverviewSnapshot, fingerprint: string, at: number): Promise<void>;
  /** The digest as last cached, whatever data it was made from; null when there is none usable. */
  readDigests(): Promise<CachedDigests | null>;
  /** Reads every session and commitment, a chunk at a time, and writes the digest and search index afresh. */
  rebuild(at: number): Promise<BuiltIndex>;
  /**
   * `digests` (made from `cache`'s data) brought up to `fingerprint` from what changed, and
   * written; null when the cache cannot say what changed (then rebuild).
   */
  refreshDigests(
    cache: CacheRecord,
    digests: SessionDigest[],
    fingerprint: string,
    at: number,
  ): Promise<SessionDigest[] | null>;
  /** The search index: from its cache when current, else brought up to date from it; null when only a rebuild will do. */
  searchEntries(at: number): Promise<SearchEntry[] | null>;
  /** Writes rows (and entries) made in memory as the caches of the data as it is now; returns that fingerprint. */
  writeCaches(digests: SessionDigest[], entries: SearchEntry[] | null, at: number): Promise<string>;
}

export function createHistoryIndex(history: HistoryRepo): HistoryIndex {
  /**
   * The last digest refresh's changes, kept for the search index: when its cache was built from
   * the same data as the digest's, the first search brings it up to date from them without reading again.
   */
  let lastChanges: { from: string; to: string; changes: HistoryChanges } | null = null;

  async function rebuild(at: number): Promise<BuiltIndex> {
    // The fingerprint is taken first, so a change made meanwhile shows as stale.
    const fingerprint = await history.fingerprint();
    const commitments = await everyCommitment(history);
    const bySession = commitmentsBySession(commitments);
    const digests: SessionDigest[] = [];
    const entries: SearchEntry[] = [];
    await history.forEachChunk('sessions', REBUILD_CHUNK, (chunk) => {
      for (const session of chunk) {
        digests.push(sessionDigest(session, bySession.get(session.id) ?? []));
        entries.push(sessionSearchEntry(session));
      }
    });
    for (const c of commitments) entries.push(commitmentSearchEntry(c));
    digests.sort(byNewest);
    entries.sort((a, b) => b.at - a.at);
    await history.writeCache(encodeCache(DIGESTS_CACHE_ID, digests, fingerprint, at));
    await history.writeCache(encodeCache(SEARCH_CACHE_ID, entries, fingerprint, at));
    return { fingerprint, digests, entries };
  }

  async function refreshDigestsFrom(
    cache: CacheRecord,
    digests: SessionDigest[],
    fingerprint: string,
    at: number,
  ): Promise<SessionDigest[] | null> {
    const since = readFingerprint(cache.fingerprint);
    const current = readFingerprint(fingerprint);
    if (!since || !current) return null;
    const known = new Set(digests.map((d) => d.id));
    let changes = await changesSince(history, known, since, false);
    let rows = refreshDigests(digests, changes);
    // A commitment written without a date this refresh could find (an import into a known session): read them all.
    if (commitmentsCounted(rows) !== current.commitments) {
      changes = await changesSince(history, known, since, true);
      rows = refreshDigests(digests, changes);
    }
    await history.writeCache(encodeCache(DIGESTS_CACHE_ID, rows, fingerprint, at));
    lastChanges = { from: cache.fingerprint, to: fingerprint, changes };
    return rows;
  }

  async function searchEntries(at: number): Promise<SearchEntry[] | null> {
    const [cache, fingerprint] = await Promise.all([history.readCache(SEARCH_CACHE_ID), history.fingerprint()]);
    const cached = decodeCache<SearchEntry>(cache);
    if (!cache || !cached) return null;
    if (cache.fingerprint === fingerprint) return cached;
    const since = readFingerprint(cache.fingerprint);
    const current = readFingerprint(fingerprint);
    if (!since || !current) return null;
    const known = new Set(cached.filter((e) => e.kind === 'session').map((e) => e.id));
    const kept = lastChanges?.from === cache.fingerprint && lastChanges.to === fingerprint ? lastChanges.changes : null;
    let entries = refreshSearchEntries(cached, kept ?? (await changesSince(history, known, since, false)));
    if (commitmentEntries(entries) !== current.commitments)
      entries = refreshSearchEntries(cached, await changesSince(history, known, since, true));
    await history.writeCache(encodeCache(SEARCH_CACHE_ID, entries, fingerprint, at));
    return entries;
  }

  return {
    fingerprint: () => history.fingerprint(),
    async readSnapshot() {
      const record = await history.readCache(OVERVIEW_CACHE_ID);
      return (key) => decodeOverview(record, key);
    },
    writeSnapshot: (snapshot, fingerprint, at) => history.writeCache(encodeOverview(snapshot, fingerprint, at)),
    async readDigests() {
      const cache = await history.readCache(DIGESTS_CACHE_ID);
      const digests = decodeCache<SessionDigest>(cache);
      return cache && digests ? { cache, digests } : null;
    },
    rebuild,
    refreshDigests: refreshDigestsFrom,
    searchEntries,
    async writeCaches(digests, entries, at) {
      const fingerprint = await history.fingerprint();
      await history.writeCache(encodeCache(DIGESTS_CACHE_ID, digests, fingerprint, at));
      if (entries) await history.writeCache(encodeCache(SEARCH_CACHE_ID, entries, fingerprint, at));
      return fingerprint;
    },
  };
}
