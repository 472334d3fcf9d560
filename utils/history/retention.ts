import type { HistoryBundle, HistoryRepo } from '../db/history-repo';
import { storedValue } from '../storage-area';

/** storage.local: delete sessions older than this many days; absent or null keeps everything. */
export const RETENTION_KEY = 'dashboard.retentionDays';

const DAY_MS = 86_400_000;

/** The periods offered; null keeps every session. */
export const RETENTION_CHOICES: ReadonlyArray<{ days: number | null; label: string }> = [
  { days: null, label: 'Keep everything' },
  { days: 90, label: '3 months' },
  { days: 180, label: '6 months' },
  { days: 365, label: '1 year' },
  { days: 730, label: '2 years' },
  { days: 1825, label: '5 years' },
];

export function parseRetentionDays(raw: unknown): number | null {
  return typeof raw === 'number' && Number.isInteger(raw) && raw > 0 ? raw : null;
}

/** Sessions that started before this moment are past the retention period; null keeps all. */
export function retentionCutoff(days: number | null, now: number): number | null {
  return days === null ? null : now - days * DAY_MS;
}

/** The sessions a retention period would delete now. */
export function sessionsPastRetention<T extends { id: string; startedAt: number }>(
  sessions: readonly T[],
  days: number | null,
  now: number,
): string[] {
  const cutoff = retentionCutoff(days, now);
  if (cutoff === null) return [];
  return sessions.filter((s) => s.startedAt < cutoff).map((s) => s.id);
}

/**
 * Deletes the sessions past the retention period, with their commitments. What was removed (for
 * an undo), or null when nothing was.
 */
export async function deletePastRetention(
  history: Pick<HistoryRepo, 'sessionIdsStartedBefore' | 'deleteSessions'>,
  days: number | null,
  now: number,
): Promise<HistoryBundle | null> {
  const cutoff = retentionCutoff(days, now);
  if (cutoff === null) return null;
  const ids = await history.sessionIdsStartedBefore(cutoff);
  return ids.length === 0 ? null : history.deleteSessions(ids);
}

/** storage.local: how many days sessions are kept (null: all). */
export const RETENTION_DAYS = storedValue(RETENTION_KEY, parseRetentionDays);
