import type { CommitmentRecord, SessionRecord } from '../db/types';
import {
  byNewest,
  commitmentFigures,
  commitmentsBySession,
  commitmentSearchEntry,
  sessionDigest,
  sessionSearchEntry,
} from './digest';
import type { SearchEntry, SessionDigest } from './types';

/**
 * A refresh reads again every session saved, and every commitment written, since this long
 * before the newest save its digest was built from: a panel reads the clock before its write
 * lands, so a write can carry a time a little older than one already on disk.
 */
export const RESAVE_MARGIN_MS = 60_000;

/**
 * What a refresh reads of the history. After a call: the ids of every session, the one or two
 * sessions saved since, and the commitments of the sessions whose commitments were written since
 * (the call's own, and those reviewed in it).
 */
export interface HistoryChanges {
  /** Every session stored now. */
  sessionIds: readonly string[];
  /** In full: the sessions saved since the digest was built, and any the digest does not know. */
  sessions: readonly SessionRecord[];
  /** Every commitment of the sessions in `recounted`; of every session when that is null. */
  commitments: readonly CommitmentRecord[];
  /** The sessions whose commitments are counted again (those in `sessions` among them); null: all. */
  recounted: ReadonlySet<string> | null;
}

/** The sessions a refresh reads in full: saved since the digest was built, or not in it (an import). */
export function sessionsToRead(
  known: ReadonlySet<string>,
  stored: readonly string[],
  savedSince: readonly string[],
): string[] {
  const out = new Set(savedSince);
  for (const id of stored) if (!known.has(id)) out.add(id);
  return [...out];
}

const isRecounted = (changes: HistoryChanges, sessionId: string) =>
  changes.recounted === null || changes.recounted.has(sessionId);

/**
 * The digest brought up to date without reading every session: sessions gone are dropped, those
 * read again are digested afresh, the others keep their digest, with their commitments' figures
 * counted again where those changed. Newest first.
 */
export function refreshDigests(cached: readonly SessionDigest[], changes: HistoryChanges): SessionDigest[] {
  const bySession = commitmentsBySession(changes.commitments);
  const reread = new Map(changes.sessions.map((s) => [s.id, s]));
  const before = new Map(cached.map((d) => [d.id, d]));
  const out: SessionDigest[] = [];
  for (const id of changes.sessionIds) {
    const session = reread.get(id);
    if (session) {
      out.push(sessionDigest(session, bySession.get(id) ?? []));
      continue;
    }
    // A session deleted between listing the ids and reading it has neither.
    const digest = before.get(id);
    if (digest)
      out.push(isRecounted(changes, id) ? { ...digest, ...commitmentFigures(bySession.get(id) ?? []) } : digest);
  }
  return out.sort(byNewest);
}

/**
 * The search index brought up to date the same way: entries of sessions gone or read again, and
 * of commitments counted again, are made afresh or dropped. Newest first.
 */
export function refreshSearchEntries(cached: readonly SearchEntry[], changes: HistoryChanges): SearchEntry[] {
  const stored = new Set(changes.sessionIds);
  const reread = new Set(changes.sessions.map((s) => s.id));
  const out = cached.filter((e) =>
    e.kind === 'session'
      ? stored.has(e.id) && !reread.has(e.id)
      : changes.recounted !== null && stored.has(e.sessionId) && !isRecounted(changes, e.sessionId),
  );
  for (const s of changes.sessions) out.push(sessionSearchEntry(s));
  for (const c of changes.commitments) out.push(commitmentSearchEntry(c));
  return out.sort((a, b) => b.at - a.at);
}

/** How many commitments a digest counts: when it is not what the history holds, a refresh missed some. */
export function commitmentsCounted(digests: readonly SessionDigest[]): number {
  let total = 0;
  for (const d of digests) total += d.commitments;
  return total;
}

/** How many commitments a search index holds entries for. */
export function commitmentEntries(entries: readonly SearchEntry[]): number {
  let total = 0;
  for (const e of entries) if (e.kind === 'commitment') total += 1;
  return total;
}
