import type { CacheRecord } from '../db/schema';
import type { SearchEntry, SessionDigest } from './types';

/** The cache records the dashboard keeps (utils/db `caches` store). */
export const DIGESTS_CACHE_ID = 'dashboard.digests';
export const SEARCH_CACHE_ID = 'dashboard.search';
/** Bump when SessionDigest or SearchEntry change shape: older caches are then rebuilt. */
// 2: search entries say which sessions are sealed.
export const HISTORY_CACHE_VERSION = 2;

export function encodeCache(
  id: string,
  rows: readonly SessionDigest[] | readonly SearchEntry[],
  fingerprint: string,
  now: number,
): CacheRecord {
  return { id, version: HISTORY_CACHE_VERSION, fingerprint, builtAt: now, data: JSON.stringify(rows) };
}

/** The rows of a cache record, or null when it is missing, of another version or unreadable. */
export function decodeCache<T extends SessionDigest | SearchEntry>(record: CacheRecord | null): T[] | null {
  if (!record || record.version !== HISTORY_CACHE_VERSION) return null;
  try {
    const rows: unknown = JSON.parse(record.data);
    return Array.isArray(rows) ? (rows as T[]) : null;
  } catch {
    return null;
  }
}
