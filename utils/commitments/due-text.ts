import type { CommitmentRecord } from '../db/types';

/** The due date as exports write it: "2026-12-01", or "2026-12-01 15:00" when a time was agreed. */
export function dueText(c: Pick<CommitmentRecord, 'due' | 'dueTime'>): string {
  if (!c.due) return '';
  return c.dueTime ? `${c.due} ${c.dueTime}` : c.due;
}
