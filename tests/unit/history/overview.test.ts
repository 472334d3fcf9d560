import { describe, expect, it } from 'vitest';
import {
  decodeOverview,
  encodeOverview,
  overviewKey,
  trendOverview,
  type OverviewSnapshot,
} from '@/utils/history/overview';
import { bandsForEveryMode } from '@/utils/talk-time/target-band';
import { rollingMean } from '@/utils/history/trends';
import type { TrendSeries } from '@/utils/history/types';

const DAY = 86_400_000;
const NOW = new Date(2026, 10, 25, 12).getTime();

function series(values: number[]): TrendSeries {
  const points = values.map((value, i) => ({
    sessionId: `s${i}`,
    at: NOW - (values.length - i) * DAY,
    value,
    band: null,
  }));
  return {
    id: 'open-questions',
    title: 'Open questions',
    unit: 'share',
    higherIsBetter: true,
    points,
    smoothed: rollingMean(values, 3),
  };
}

describe('overview snapshot', () => {
  it('summarises a trend: its sessions, sentence and the buckets the chart draws', () => {
    const o = trendOverview(series([0.2, 0.4, 0.6, 0.8]));
    expect(o.sessions).toBe(4);
    expect(o.sentence).toBe('Open questions: 30% on average in the earlier 2 sessions, 70% in the later 2.');
    expect(o.trend.grain).toBe('session');
    expect(o.trend.buckets.map((b) => b.value)).toEqual([0.2, 0.4, 0.6, 0.8]);
  });

  it('holds for the talk targets and the local day it was made for', () => {
    const targets = bandsForEveryMode({});
    const key = overviewKey(targets, NOW);
    expect(overviewKey(targets, NOW + 60_000)).toBe(key);
    expect(overviewKey(targets, NOW + DAY)).not.toBe(key);
    expect(overviewKey({ ...targets, mentoring: { minMentorShare: 0.1, maxMentorShare: 0.2 } }, NOW)).not.toBe(key);
  });

  it('round-trips through its cache record, and refuses another key, version or broken data', () => {
    const key = overviewKey(bandsForEveryMode({}), NOW);
    const snapshot: OverviewSnapshot = {
      key,
      sessions: 4,
      trends: [trendOverview(series([0.2, 0.4, 0.6, 0.8]))],
      relationships: [['r1', { sessions: 4, lastAt: NOW, open: 2 }]],
    };
    const record = encodeOverview(snapshot, '4:8:2:0:99', NOW);
    expect(decodeOverview(record, key)).toEqual(snapshot);
    expect(decodeOverview(record, 'another day')).toBeNull();
    expect(decodeOverview({ ...record, version: 0 }, key)).toBeNull();
    expect(decodeOverview({ ...record, data: '{"key":' }, key)).toBeNull();
    expect(decodeOverview({ ...record, data: JSON.stringify({ key, sessions: 4 }) }, key)).toBeNull();
    expect(decodeOverview(null, key)).toBeNull();
  });
});
