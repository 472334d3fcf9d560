import { describe, expect, it } from 'vitest';
import { fakeHistory } from '../../support/fake-history';
import { commitmentsBySession, sessionDigest } from '@/utils/history/digest';
import {
  formatTrendValue,
  MIN_TREND_SESSION_MS,
  onTimeRatio,
  openQuestionRatio,
  rollingMean,
  rollingMeanOfPresent,
  trendSentence,
  trendSeries,
  withinBand,
} from '@/utils/history/trends';

const NOW = Date.UTC(2026, 10, 1);
const history = fakeHistory({ sessions: 200, commitmentsPerSession: 3, relationships: 5, now: NOW, seed: 3 });
const bySession = commitmentsBySession(history.commitments);
const digests = history.sessions.map((s) => sessionDigest(s, bySession.get(s.id) ?? []));
const band = { minMentorShare: 0.2, maxMentorShare: 0.3 };

describe('trend series', () => {
  it('has one point per session that has the measure, oldest first', () => {
    const shuffled = [...digests].reverse();
    const [talk, open, monologue] = trendSeries(shuffled, { now: NOW, targetFor: () => band });
    expect(talk?.points).toHaveLength(history.sessions.filter((s) => s.talkTime).length);
    expect(open?.points).toHaveLength(digests.filter((d) => openQuestionRatio(d.questions) !== null).length);
    expect(monologue?.points.map((p) => p.value)).toEqual(
      [...history.sessions]
        .sort((a, b) => a.startedAt - b.startedAt)
        .map((s) => s.talkTime?.longestMentorMonologueSeconds),
    );
    for (const s of [talk, open, monologue]) {
      const times = s?.points.map((p) => p.at) ?? [];
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(s?.smoothed).toHaveLength(times.length);
    }
  });

  it('gives talk-share points the target band of their relationship and no band without one', () => {
    const [talk] = trendSeries(digests, { now: NOW, targetFor: (id) => (id === 'rel-1' ? band : null) });
    for (const p of talk?.points ?? []) {
      const rel = history.sessions.find((s) => s.id === p.sessionId)?.relationshipId;
      expect(p.band).toEqual(rel === 'rel-1' ? band : null);
    }
  });

  it('leaves out sessions without talk time or questions instead of drawing them as zero', () => {
    const first = history.sessions[0];
    if (!first) throw new Error('no session');
    const silent = sessionDigest(
      { ...first, talkTime: null, questionTallies: { open: 0, closed: 0, leading: 0, stacked: 2 } },
      [],
    );
    const series = trendSeries([silent], { now: NOW, targetFor: () => band });
    expect(series.map((s) => s.points.length)).toEqual([0, 0, 0, 0, 0]);
  });

  it('leaves out sessions too short to mean anything, and keeps one just long enough or still running', () => {
    const first = history.sessions.find((s) => s.talkTime);
    if (!first) throw new Error('no session with talk time');
    const at = first.startedAt;
    const visit = sessionDigest(
      { ...first, id: 'visit', endedAt: at + 7_000, talkTime: { ...first.talkTime, mentorShare: 1 } } as typeof first,
      [],
    );
    const enough = sessionDigest({ ...first, id: 'enough', endedAt: at + MIN_TREND_SESSION_MS }, []);
    const running = sessionDigest({ ...first, id: 'running', endedAt: null }, []);
    const [talk] = trendSeries([visit, enough, running], { now: NOW, targetFor: () => band });
    expect(talk?.points.map((p) => p.sessionId).sort()).toEqual(['enough', 'running']);
  });
});

describe('measures', () => {
  it('counts open questions against open, closed and leading ones, not stacked', () => {
    expect(openQuestionRatio({ open: 3, closed: 1, leading: 0, stacked: 5 })).toBe(0.75);
    expect(openQuestionRatio({ open: 0, closed: 0, leading: 0, stacked: 1 })).toBeNull();
  });

  it('counts a pending commitment against on-time only once its due day has passed', () => {
    const digest = { doneOnTime: 1, doneLate: 0, pendingDue: [NOW + 1_000] };
    expect(onTimeRatio(digest, NOW)).toBe(1);
    expect(onTimeRatio(digest, NOW + 2_000)).toBe(0.5);
    expect(onTimeRatio({ doneOnTime: 0, doneLate: 0, pendingDue: [] }, NOW)).toBeNull();
  });

  it('smooths with a trailing mean that starts from the first value', () => {
    expect(rollingMean([2, 4, 6, 8], 2)).toEqual([2, 3, 5, 7]);
  });

  it('skips missing values when smoothing, and has none where the window holds none', () => {
    expect(rollingMeanOfPresent([null, 1, null, 3, null, null, null], 2)).toEqual([null, 1, 1, 3, 3, null, null]);
  });

  it.each([
    ['share', 0.254, '25%'],
    ['seconds', 125, '2:05'],
  ] as const)('formats a %s value for people', (unit, value, text) => {
    expect(formatTrendValue(unit, value)).toBe(text);
  });

  it('says in a sentence how the later half compares with the earlier one', () => {
    const [talk] = trendSeries(digests, { now: NOW, targetFor: () => band });
    if (!talk) throw new Error('no series');
    const values = talk.points.map((p) => p.value);
    const half = Math.floor(values.length / 2);
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    expect(trendSentence(talk)).toBe(
      `${talk.title}: ${formatTrendValue('share', mean(values.slice(0, half)))} on average in the earlier ${half} sessions, ${formatTrendValue('share', mean(values.slice(half)))} in the later ${values.length - half}.`,
    );
    expect(withinBand(0.25, band)).toBe(true);
    expect(withinBand(0.35, band)).toBe(false);
  });
});
