import type { CommitmentRecord } from '@/utils/db/types';
import type { FingerprintFigures, HistoryRepo } from '@/utils/db/history-repo';
import { RESAVE_MARGIN_MS, sessionsToRead, type HistoryChanges } from './refresh';

/** Reads per chunk when rebuilding the digest: small enough that the page keeps answering. */
export const REBUILD_CHUNK = 500;

/** Every commitment, read a chunk at a time. */
export async function everyCommitment(history: HistoryRepo): Promise<CommitmentRecord[]> {
  const commitments: CommitmentRecord[] = [];
  await history.forEachChunk('commitments', REBUILD_CHUNK * 4, (chunk) => void commitments.push(...chunk));
  return commitments;
}

/**
 * What changed since a cache with the figures `since` was built, for a cache that knows the
 * sessions `known`: the sessions saved since (or unknown to it) in full, and the commitments of
 * the sessions whose commitments were written since; with `allCommitments`, every one.
 */
export async function changesSince(
  history: HistoryRepo,
  known: ReadonlySet<string>,
  since: FingerprintFigures,
  allCommitments: boolean,
): Promise<HistoryChanges> {
  const [sessionIds, saved, written] = await Promise.all([
    history.sessionIds(),
    history.sessionIdsSavedSince(since.lastSavedAt - RESAVE_MARGIN_MS),
    allCommitments ? null : history.commitmentsWrittenSince(since.lastWrittenAt - RESAVE_MARGIN_MS),
  ]);
  const toRead = sessionsToRead(known, sessionIds, saved);
  const sessions = await history.getSessions(toRead);
  if (!written) return { sessionIds, sessions, commitments: await everyCommitment(history), recounted: null };
  const recounted = new Set([...toRead, ...written.map((c) => c.sessionId)]);
  return { sessionIds, sessions, commitments: await history.commitmentsOfSessions([...recounted]), recounted };
}
