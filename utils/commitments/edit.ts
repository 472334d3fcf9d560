import type { CommitmentRecord } from '../db/types';
import { UserFacingError } from '../errors';

/** What the mentor can change on a captured commitment. */
export type CommitmentEdit = Partial<
  Pick<CommitmentRecord, 'owner' | 'action' | 'due' | 'dueTime' | 'agreedByBoth' | 'obstacles' | 'support'>
>;

export class CommitmentEditError extends UserFacingError {
  override readonly name = 'CommitmentEditError';
}

const LIMITS = { owner: 200, action: 1_000, obstacles: 2_000, support: 2_000 } as const;

function isRealDay(iso: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function text(field: keyof typeof LIMITS, value: string, required: boolean): string {
  const trimmed = value.replace(/\s+/g, ' ').trim();
  if (required && !trimmed)
    throw new CommitmentEditError(field === 'owner' ? 'Say who will do it.' : 'Say what will be done.');
  if (trimmed.length > LIMITS[field])
    throw new CommitmentEditError(`That is longer than ${LIMITS[field]} characters; shorten it.`);
  return trimmed;
}

/**
 * The commitment with the edit applied, tidied (spaces collapsed, an empty due date is none).
 * Refuses with a sentence, changing nothing, when the edit leaves it without an owner or action,
 * or names a day that does not exist.
 */
export function applyCommitmentEdit(record: CommitmentRecord, edit: CommitmentEdit): CommitmentRecord {
  const next = { ...record };
  if (edit.owner !== undefined) next.owner = text('owner', edit.owner, true);
  if (edit.action !== undefined) next.action = text('action', edit.action, true);
  if (edit.obstacles !== undefined) next.obstacles = text('obstacles', edit.obstacles, false);
  if (edit.support !== undefined) next.support = text('support', edit.support, false);
  if (edit.agreedByBoth !== undefined) next.agreedByBoth = edit.agreedByBoth;
  if (edit.due !== undefined) {
    const due = edit.due?.trim() ?? '';
    if (due && !isRealDay(due))
      throw new CommitmentEditError('That due date is not a real day. Pick one from the calendar, or leave it empty.');
    next.due = due || null;
  }
  if (edit.dueTime !== undefined) {
    const time = edit.dueTime?.trim() ?? '';
    if (time && !/^([01]\d|2[0-3]):[0-5]\d$/.test(time))
      throw new CommitmentEditError('That time is not a time of day. Pick one, or leave it empty for the whole day.');
    next.dueTime = time || null;
  }
  // A time belongs to a day: with the date gone, so is the time.
  if (next.due === null && next.dueTime) next.dueTime = null;
  return next;
}
