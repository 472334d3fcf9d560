import { isProtected } from '../crypto/sealed-session';
import { listeningRatio } from '../listening/follow';
import type { CommitmentRecord, SessionRecord } from '../db/types';
import type { SearchEntry, SessionDigest } from './types';
import { summaryText } from '../summary/text';

/** The last moment of a local due day (YYYY-MM-DD): a commitment done by then is on time. */
export function endOfDueDay(due: string): number {
  const [y, m, d] = due.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1, 23, 59, 59, 999).getTime();
}

/** When a commitment was marked done: its latest review that set it done, or null. */
export function completedAt(commitment: CommitmentRecord): number | null {
  if (commitment.status !== 'done') return null;
  let at: number | null = null;
  for (const note of commitment.reviewNotes) if (note.status === 'done' && (at === null || note.at > at)) at = note.at;
  return at;
}

/** A digest's figures that come from the session's commitments. */
export type CommitmentFigures = Pick<SessionDigest, 'commitments' | 'doneOnTime' | 'doneLate' | 'pendingDue' | 'open'>;

export function commitmentFigures(commitments: readonly CommitmentRecord[]): CommitmentFigures {
  let doneOnTime = 0;
  let doneLate = 0;
  let open = 0;
  const pendingDue: number[] = [];
  for (const c of commitments) {
    if (c.status === 'open' || c.status === 'in-progress') open += 1;
    if (c.due === null || c.status === 'dropped') continue;
    const dueEnd = endOfDueDay(c.due);
    if (c.status === 'done') {
      const at = completedAt(c);
      // Done without a dated review (an older record): counted as on time, the kinder reading.
      if (at === null || at <= dueEnd) doneOnTime += 1;
      else doneLate += 1;
    } else pendingDue.push(dueEnd);
  }
  return { commitments: commitments.length, doneOnTime, doneLate, pendingDue, open };
}

export function sessionDigest(session: SessionRecord, commitments: readonly CommitmentRecord[]): SessionDigest {
  return {
    id: session.id,
    relationshipId: session.relationshipId,
    platform: session.platform,
    title: session.title,
    startedAt: session.startedAt,
    endedAt: session.endedAt ?? session.lastCheckpointAt,
    mentorShare: session.talkTime ? session.talkTime.mentorShare : null,
    longestMonologueSeconds: session.talkTime ? session.talkTime.longestMentorMonologueSeconds : null,
    questions: { ...session.questionTallies },
    listening: session.moves ? listeningRatio(session.moves.counts) : null,
    ...commitmentFigures(commitments),
  };
}

/** Folds text for matching: lower case, accents and other combining marks removed. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function sessionSearchEntry(session: SessionRecord): SearchEntry {
  const label = session.title?.trim() || 'Untitled session';
  return {
    kind: 'session',
    id: session.id,
    sessionId: session.id,
    relationshipId: session.relationshipId,
    at: session.startedAt,
    label,
    text: foldText([session.title ?? '', session.agenda, session.notes, summaryText(session.summary)].join('\n')),
    ...(isProtected(session) ? { sealed: true as const } : {}),
  };
}

export function commitmentSearchEntry(commitment: CommitmentRecord): SearchEntry {
  return {
    kind: 'commitment',
    id: commitment.id,
    sessionId: commitment.sessionId,
    relationshipId: commitment.relationshipId,
    at: commitment.createdAt,
    label: `${commitment.owner}: ${commitment.action}`,
    text: foldText([commitment.owner, commitment.action, ...commitment.reviewNotes.map((n) => n.note)].join('\n')),
  };
}

/** Groups commitments by the session they were agreed in. */
export function commitmentsBySession(commitments: Iterable<CommitmentRecord>): Map<string, CommitmentRecord[]> {
  const out = new Map<string, CommitmentRecord[]>();
  for (const c of commitments) {
    const list = out.get(c.sessionId);
    if (list) list.push(c);
    else out.set(c.sessionId, [c]);
  }
  return out;
}

/** Newest first: how lists and the cache keep digests. */
export function byNewest(a: { startedAt: number }, b: { startedAt: number }): number {
  return b.startedAt - a.startedAt;
}
