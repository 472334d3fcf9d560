import type { StoredSummary } from '../db/types';

/** A stored summary as plain text: for search, and for places that show it in a few lines. */
export function summaryText(summary: StoredSummary | null): string {
  if (!summary) return '';
  return [
    summary.themes.join('; '),
    ...summary.insights,
    ...summary.agreedActions.map((a) => `${a.owner}: ${a.action}`),
    summary.nextFocus,
  ]
    .filter((line) => line.trim())
    .join('\n');
}
