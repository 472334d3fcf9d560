import { describe, expect, it } from 'vitest';
import { fakeHistory } from '../../support/fake-history';
import { commitmentSearchEntry, sessionSearchEntry } from '@/utils/history/digest';
import { queryTerms, searchHistory } from '@/utils/history/search';
import { ALL_HISTORY, NO_RELATIONSHIP } from '@/utils/history/types';
import { fakeCommitment, fakeSession } from '../../support/records';

const history = fakeHistory({
  sessions: 300,
  commitmentsPerSession: 4,
  relationships: 6,
  now: Date.UTC(2026, 0, 1),
  seed: 5,
});
const entries = [...history.sessions.map(sessionSearchEntry), ...history.commitments.map(commitmentSearchEntry)].sort(
  (a, b) => b.at - a.at,
);

describe('search', () => {
  it('finds every session and commitment holding all the words, and nothing else', () => {
    const result = searchHistory(entries, 'Feedback  BUDGET', ALL_HISTORY, 10_000);
    const expected = entries.filter((e) => e.text.includes('feedback') && e.text.includes('budget'));
    expect(result.total).toBe(expected.length);
    expect(result.hits.map((h) => h.id)).toEqual(expected.map((e) => e.id));
    expect(result.hits.some((h) => h.kind === 'commitment') || result.hits.some((h) => h.kind === 'session')).toBe(
      true,
    );
  });

  it('keeps a quoted phrase together', () => {
    expect(queryTerms('"send the" draft')).toEqual(['send the', 'draft']);
    const result = searchHistory(entries, '"send the"', ALL_HISTORY, 10_000);
    expect(result.total).toBe(entries.filter((e) => e.text.includes('send the')).length);
  });

  it('matches without regard to accents', () => {
    const mine = [sessionSearchEntry(fakeSession({ id: 's', notes: 'Résumé and café' }))];
    expect(searchHistory(mine, 'resume cafe', ALL_HISTORY, 10).total).toBe(1);
  });

  it('applies the relationship and date filters', () => {
    const from = history.sessions[100]?.startedAt ?? 0;
    const result = searchHistory(entries, 'the', { relationshipId: 'rel-2', from, to: null }, 10_000);
    expect(result.total).toBeGreaterThan(0);
    expect(result.hits.every((h) => h.relationshipId === 'rel-2' && h.at >= from)).toBe(true);
    const unlinked = [commitmentSearchEntry(fakeCommitment({ relationshipId: null, action: 'Call the bank' }))];
    expect(searchHistory(unlinked, 'bank', { relationshipId: NO_RELATIONSHIP, from: null, to: null }, 10).total).toBe(
      1,
    );
    expect(searchHistory(unlinked, 'bank', { relationshipId: 'rel-1', from: null, to: null }, 10).total).toBe(0);
  });

  it('returns at most the limit, newest first, with the full count', () => {
    const result = searchHistory(entries, 'the', ALL_HISTORY, 7);
    expect(result.hits).toHaveLength(7);
    expect(result.total).toBeGreaterThan(7);
    const times = result.hits.map((h) => h.at);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('answers an empty query with nothing', () => {
    expect(searchHistory(entries, '   ', ALL_HISTORY, 10)).toEqual({ hits: [], total: 0 });
  });
});
