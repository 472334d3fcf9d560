import { describe, expect, it } from 'vitest';
import { fakeCommitment, fakeSession } from '../../support/records';
import { completedAt, endOfDueDay, foldText, sessionDigest } from '@/utils/history/digest';

const due = '2026-03-10';
const end = endOfDueDay(due);
const done = (id: string, at: number) =>
  fakeCommitment({ id, due, status: 'done', reviewNotes: [{ sessionId: 's2', status: 'done', note: '', at }] });

describe('session digest', () => {
  it('sorts commitments into done on time, done late, pending and dropped', () => {
    const digest = sessionDigest(fakeSession(), [
      done('a', end - 1),
      done('b', end + 1),
      fakeCommitment({ id: 'c', due, status: 'open' }),
      fakeCommitment({ id: 'd', due, status: 'dropped' }),
      fakeCommitment({ id: 'e', due: null, status: 'in-progress' }),
    ]);
    expect(digest).toMatchObject({ commitments: 5, doneOnTime: 1, doneLate: 1, pendingDue: [end], open: 2 });
  });

  it('takes a commitment as done when its latest "done" review says so', () => {
    const c = fakeCommitment({
      status: 'done',
      reviewNotes: [
        { sessionId: 'x', status: 'done', note: '', at: 5 },
        { sessionId: 'y', status: 'in-progress', note: '', at: 9 },
        { sessionId: 'z', status: 'done', note: '', at: 7 },
      ],
    });
    expect(completedAt(c)).toBe(7);
    expect(completedAt({ ...c, status: 'open' })).toBeNull();
  });

  it('ends a due day at its last local millisecond', () => {
    const next = new Date(2026, 2, 11).getTime();
    expect(next - end).toBe(1);
  });

  it('copies the talk measures, or leaves them null when none were taken', () => {
    const talkTime = {
      source: 'audio' as const,
      mentorSeconds: 60,
      menteeSeconds: 180,
      mentorShare: 0.25,
      longestMentorMonologueSeconds: 42,
    };
    expect(sessionDigest(fakeSession({ talkTime }), [])).toMatchObject({
      mentorShare: 0.25,
      longestMonologueSeconds: 42,
    });
    expect(sessionDigest(fakeSession(), [])).toMatchObject({ mentorShare: null, longestMonologueSeconds: null });
  });

  it('folds accents and case for search', () => {
    expect(foldText('Tomás DÉLÉGATION')).toBe('tomas delegation');
  });
});
