import { foldText } from './digest';
import { matchesFilter } from './filters';
import type { HistoryFilter, SearchEntry } from './types';

export interface SearchResult {
  hits: SearchEntry[];
  /** How many matched in all; `hits` holds at most `limit`, newest first. */
  total: number;
}

/** The words of a query, folded like the index; quoted phrases stay together. */
export function queryTerms(query: string): string[] {
  const terms: string[] = [];
  for (const match of foldText(query).matchAll(/"([^"]+)"|(\S+)/g)) {
    const term = (match[1] ?? match[2] ?? '').trim();
    if (term) terms.push(term);
  }
  return terms;
}

/**
 * Sessions and commitments whose text holds every term of the query, within the filter.
 * A linear scan: 25,000 folded strings take a few milliseconds, no index to keep in step.
 * `entries` are expected newest first.
 */
export function searchHistory(
  entries: readonly SearchEntry[],
  query: string,
  filter: HistoryFilter,
  limit: number,
): SearchResult {
  const terms = queryTerms(query);
  if (terms.length === 0) return { hits: [], total: 0 };
  const hits: SearchEntry[] = [];
  let total = 0;
  for (const entry of entries) {
    if (!terms.every((t) => entry.text.includes(t))) continue;
    if (!matchesFilter(entry, filter)) continue;
    total += 1;
    if (hits.length < limit) hits.push(entry);
  }
  return { hits, total };
}
