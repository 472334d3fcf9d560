import type { TalkTargetBand } from '../talk-time/target-band';
import type { QuestionTallies, SessionRecord } from '../db/types';

/**
 * What the dashboard needs of one session to draw trends and list it: small enough that 5,000
 * of them load in a few milliseconds, rebuilt from the full records whenever they change.
 */
export interface SessionDigest extends Pick<
  SessionRecord,
  'id' | 'relationshipId' | 'platform' | 'title' | 'startedAt' | 'endedAt'
> {
  mentorShare: number | null;
  longestMonologueSeconds: number | null;
  questions: QuestionTallies;
  commitments: number;
  /** Done on or before the due day. */
  doneOnTime: number;
  /** Done, but after the due day. */
  doneLate: number;
  /** Due days (ms, end of the day) of commitments not done or dropped yet: overdue once past. */
  pendingDue: number[];
  /** Open or in progress. */
  open: number;
  /** The listening ratio of the session's moves; absent from digests built before moves were counted. */
  listening?: number | null;
}

/** One line of the search index: a session or a commitment, with its text folded for matching. */
export interface SearchEntry {
  kind: 'session' | 'commitment';
  id: string;
  sessionId: string;
  relationshipId: string | null;
  /** When: the session's start, or the commitment's capture. */
  at: number;
  label: string;
  /** Lower case, accents removed. */
  text: string;
  /**
   * A session whose notes, transcript and summary are under the passphrase: their words are not
   * in `text` (nor in the cache on disk); while unlocked, the dashboard searches them in memory.
   */
  sealed?: true;
}

export interface HistoryFilter {
  /** null: every relationship; '' (NO_RELATIONSHIP): sessions linked to none. */
  relationshipId: string | null;
  /** Inclusive bounds, ms; null for open-ended. */
  from: number | null;
  to: number | null;
}

export const NO_RELATIONSHIP = '';
export const ALL_HISTORY: HistoryFilter = { relationshipId: null, from: null, to: null };

/** One band type for the mentor's talk share, in the gauge, the store and the dashboard. */
export type TalkTarget = TalkTargetBand;

export interface TrendPoint {
  sessionId: string;
  at: number;
  value: number;
  /** The target band at this point, when the measure has one. */
  band: TalkTarget | null;
}

export interface TrendSeries {
  id: 'talk-share' | 'open-questions' | 'longest-monologue' | 'on-time' | 'listening';
  title: string;
  /** How a value reads: a share as a percentage, seconds as m:ss. */
  unit: 'share' | 'seconds';
  /** Whether a higher value is the better direction (for the chart's wording only). */
  higherIsBetter: boolean | null;
  points: TrendPoint[];
  /** A rolling mean over the points, same length. */
  smoothed: number[];
}

/** What one point of a trend chart stands for: a session, or the sessions of a calendar week or month. */
export type TrendGrain = 'session' | 'week' | 'month';

/** One point of a trend chart: a session, or the mean of the sessions in a week or month. */
export interface TrendBucket {
  /** Where the point sits on the time axis, ms: the session's start, or the middle of its week or month. */
  at: number;
  /** The period, ms: a session's start (both ends); a week or month, `end` exclusive. */
  start: number;
  end: number;
  /** The mean of the sessions' values. */
  value: number;
  sessions: number;
  /** The mean target band of the bucket's sessions that have one; null when none has. */
  band: TalkTarget | null;
  /**
   * The line: a rolling mean over this point and the ones before it (`BucketedTrend.smoothing` in
   * all). Per session, the series' own rolling mean; per week or month, the mean of the sessions
   * in those periods.
   */
  smoothed: number;
  /**
   * The targets' rolling mean over the same sessions as `smoothed` (those with a target): the band
   * the chart draws. With every relationship shown, neighbouring sessions often have different
   * targets (one per mode) and a band drawn session by session zigzags; the rolling share is read
   * against the rolling target. With one relationship it is that relationship's target exactly.
   */
  smoothedBand: TalkTarget | null;
  /** The newest session in the bucket: the one a click on the point opens. */
  newestSessionId: string;
}

export interface BucketedTrend {
  grain: TrendGrain;
  /** How many points (sessions, weeks or months) the line's rolling mean spans. */
  smoothing: number;
  /** Oldest first. */
  buckets: TrendBucket[];
}
