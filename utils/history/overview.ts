import type { CacheRecord } from '../db/schema';
import { trendBuckets } from './trend-buckets';
import { trendSentence } from './trends';
import type { TalkTargets } from '../talk-time/target-band';
import type { BucketedTrend, TrendSeries } from './types';

/** What a trend chart draws and says, without the sessions behind it. */
export interface TrendOverview {
  id: TrendSeries['id'];
  title: string;
  unit: TrendSeries['unit'];
  /** How many sessions have this measure. */
  sessions: number;
  sentence: string;
  trend: BucketedTrend;
}

export interface RelationshipStats {
  sessions: number;
  lastAt: number | null;
  open: number;
}

/**
 * The dashboard's first view over all of the history: the four charts and each relationship's
 * figures. Kept in the `caches` store so the next visit draws it without reading and folding
 * every session's digest first.
 */
export interface OverviewSnapshot {
  /** The settings and day it was made for (see `overviewKey`): any other, and it is not used. */
  key: string;
  sessions: number;
  trends: TrendOverview[];
  relationships: Array<[string, RelationshipStats]>;
}

export const OVERVIEW_CACHE_ID = 'dashboard.overview';
/** Bump when OverviewSnapshot or what it holds change shape. */
export const OVERVIEW_CACHE_VERSION = 1;

export function trendOverview(series: TrendSeries): TrendOverview {
  return {
    id: series.id,
    title: series.title,
    unit: series.unit,
    sessions: series.points.length,
    sentence: trendSentence(series),
    trend: trendBuckets(series),
  };
}

/**
 * A snapshot holds for the talk targets it was drawn against, on the local day it was made
 * (commitments fall overdue at the end of a day; weeks and months follow the local calendar).
 */
export function overviewKey(targets: TalkTargets, now: number): string {
  const day = new Date(now);
  return JSON.stringify([targets, day.getFullYear(), day.getMonth(), day.getDate(), day.getTimezoneOffset()]);
}

export function encodeOverview(snapshot: OverviewSnapshot, fingerprint: string, now: number): CacheRecord {
  return {
    id: OVERVIEW_CACHE_ID,
    version: OVERVIEW_CACHE_VERSION,
    fingerprint,
    builtAt: now,
    data: JSON.stringify(snapshot),
  };
}

/** The snapshot in a cache record when it is of this version and made for `key`; else null. */
export function decodeOverview(record: CacheRecord | null, key: string): OverviewSnapshot | null {
  if (!record || record.version !== OVERVIEW_CACHE_VERSION) return null;
  try {
    const snapshot = JSON.parse(record.data) as Partial<OverviewSnapshot> | null;
    if (
      !snapshot ||
      snapshot.key !== key ||
      !Array.isArray(snapshot.trends) ||
      !Array.isArray(snapshot.relationships) ||
      typeof snapshot.sessions !== 'number'
    )
      return null;
    return snapshot as OverviewSnapshot;
  } catch {
    return null;
  }
}
