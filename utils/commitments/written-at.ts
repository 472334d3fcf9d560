import type { CommitmentRecord } from '../db/types';

/**
 * The latest moment a commitment is known to have been written, for records made before they
 * said so themselves: its capture or its latest review.
 */
export function lastWrittenAt(commitment: Pick<CommitmentRecord, 'createdAt' | 'reviewNotes'>): number {
  let at = commitment.createdAt;
  for (const note of commitment.reviewNotes) if (note.at > at) at = note.at;
  return at;
}
