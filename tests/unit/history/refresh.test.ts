import { describe, expect, it } from 'vitest';
import { fakeHistory } from '../../support/fake-history';
import {
  commitmentsBySession,
  commitmentSearchEntry,
  sessionDigest,
  sessionSearchEntry,
  byNewest,
} from '@/utils/history/digest';
import {
  commitmentEntries,
  commitmentsCounted,
  refreshDigests,
  refreshSearchEntries,
  sessionsToRead,
  type HistoryChanges,
} from '@/utils/history/refresh';
import type { CommitmentRecord, SessionRecord } from '@/utils/db/types';

const NOW = Date.UTC(2026, 5, 1);
const base = fakeHistory({ sessions: 12, commitmentsPerSession: 3, relationships: 2, now: NOW });

/** What a full rebuild makes of this history: the answer a refresh must give. */
function rebuilt(sessions: readonly SessionRecord[], commitments: readonly CommitmentRecord[]) {
  const bySession = commitmentsBySession(commitments);
  return {
    digests: sessions.map((s) => sessionDigest(s, bySession.get(s.id) ?? [])).sort(byNewest),
    entries: [...sessions.map(sessionSearchEntry), ...commitments.map(commitmentSearchEntry)].sort(
      (a, b) => b.at - a.at,
    ),
  };
}

/** After a call: one session added, one edited, one deleted, and a commitment of an old session done in review. */
function afterACall() {
  const [gone, edited, ...rest] = base.sessions;
  if (!gone || !edited) throw new Error('too few sessions');
  const reviewed = base.commitments.find((c) => c.sessionId === rest[0]?.id && c.due !== null);
  if (!reviewed) throw new Error('no dated commitment');
  const added: SessionRecord = {
    ...edited,
    id: 'ses-new',
    startedAt: NOW + 1_000,
    lastCheckpointAt: NOW + 3_600_000,
    notes: 'Talked about the quarterly offsite',
  };
  const editedNow: SessionRecord = {
    ...edited,
    notes: 'Rewritten notes about delegation',
    questionTallies: { ...edited.questionTallies, open: 99 },
    lastCheckpointAt: NOW + 60_000,
  };
  const sessions = [...rest, editedNow, added];
  const commitments = base.commitments
    .filter((c) => c.sessionId !== gone.id)
    .map((c) =>
      c.id === reviewed.id
        ? {
            ...c,
            status: 'done' as const,
            reviewNotes: [{ sessionId: 'ses-new', status: 'done' as const, note: 'sent it', at: NOW }],
          }
        : c,
    );
  commitments.push({
    ...reviewed,
    id: 'com-new',
    sessionId: 'ses-new',
    action: 'Book the offsite venue',
    status: 'open',
    reviewNotes: [],
  });
  const sessionIds = sessions.map((s) => s.id);
  // Read as a refresh reads it: every commitment, or only those of the sessions whose commitments were written.
  const full: HistoryChanges = { sessionIds, sessions: [editedNow, added], commitments, recounted: null };
  const recounted = new Set([editedNow.id, added.id, reviewed.sessionId]);
  const partial: HistoryChanges = {
    ...full,
    commitments: commitments.filter((c) => recounted.has(c.sessionId)),
    recounted,
  };
  return { sessions, commitments, full, partial, gone, reviewed };
}

describe('refreshing the digest from what changed', () => {
  const before = rebuilt(base.sessions, base.commitments);

  it('reads again the sessions saved since, and those the digest does not know', () => {
    const known = new Set(['a', 'b', 'c']);
    expect(sessionsToRead(known, ['a', 'b', 'c', 'imported'], ['c']).sort()).toEqual(['c', 'imported']);
    expect(sessionsToRead(known, ['a', 'b'], [])).toEqual([]);
  });

  it.each(['full', 'partial'] as const)(
    'gives the digest a full rebuild would, from a %s read of the commitments',
    (read) => {
      const after = afterACall();
      const refreshed = refreshDigests(before.digests, after[read]);
      expect(refreshed).toEqual(rebuilt(after.sessions, after.commitments).digests);
      expect(refreshed.some((d) => d.id === after.gone.id)).toBe(false);
      const owner = refreshed.find((d) => d.id === after.reviewed.sessionId);
      const was = before.digests.find((d) => d.id === after.reviewed.sessionId);
      expect((owner?.doneOnTime ?? 0) + (owner?.doneLate ?? 0)).toBe((was?.doneOnTime ?? 0) + (was?.doneLate ?? 0) + 1);
      expect(commitmentsCounted(refreshed)).toBe(after.commitments.length);
    },
  );

  it.each(['full', 'partial'] as const)(
    'gives the search index a full rebuild would, from a %s read of the commitments',
    (read) => {
      const after = afterACall();
      const refreshed = refreshSearchEntries(before.entries, after[read]);
      const expected = rebuilt(after.sessions, after.commitments).entries;
      const key = (e: { kind: string; id: string }) => `${e.kind}:${e.id}`;
      expect([...refreshed].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
        [...expected].sort((a, b) => key(a).localeCompare(key(b))),
      );
      expect(refreshed.map((e) => e.at)).toEqual(expected.map((e) => e.at));
      expect(refreshed.some((e) => e.text.includes('offsite venue'))).toBe(true);
      // The deleted session and its commitments are gone from the index.
      expect(refreshed.some((e) => e.sessionId === after.gone.id)).toBe(false);
      expect(commitmentEntries(refreshed)).toBe(after.commitments.length);
    },
  );

  it('counts fewer commitments than are stored when a partial read missed one (the caller then reads them all)', () => {
    const after = afterACall();
    // Imported into a session the digest knows, with an old write time: no partial read finds it.
    const untouched = after.sessions.find((x) => !after.partial.recounted?.has(x.id));
    const template = after.commitments[0];
    if (!untouched || !template) throw new Error('fake history too small');
    const stored = [...after.commitments, { ...template, id: 'com-imported', sessionId: untouched.id }];
    expect(commitmentsCounted(refreshDigests(before.digests, after.partial))).toBe(stored.length - 1);
    expect(commitmentsCounted(refreshDigests(before.digests, { ...after.full, commitments: stored }))).toBe(
      stored.length,
    );
  });

  it('skips a session deleted between listing the ids and reading it', () => {
    const changes: HistoryChanges = {
      sessionIds: ['vanished', ...base.sessions.map((s) => s.id)],
      sessions: [],
      commitments: base.commitments,
      recounted: null,
    };
    expect(refreshDigests(before.digests, changes)).toEqual(before.digests);
  });
});
