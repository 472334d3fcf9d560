import { NO_RELATIONSHIP, type HistoryFilter } from './types';

const DAY_MS = 86_400_000;

export function matchesFilter(item: { relationshipId: string | null; at: number }, filter: HistoryFilter): boolean {
  if (filter.relationshipId !== null) {
    if (
      filter.relationshipId === NO_RELATIONSHIP
        ? item.relationshipId !== null
        : item.relationshipId !== filter.relationshipId
    )
      return false;
  }
  if (filter.from !== null && item.at < filter.from) return false;
  if (filter.to !== null && item.at > filter.to) return false;
  return true;
}

/** The digests a filter keeps, in the order given. */
export function filterDigests<T extends { relationshipId: string | null; startedAt: number }>(
  digests: readonly T[],
  filter: HistoryFilter,
): T[] {
  if (filter.relationshipId === null && filter.from === null && filter.to === null) return digests.slice();
  return digests.filter((d) => matchesFilter({ relationshipId: d.relationshipId, at: d.startedAt }, filter));
}

/** A date input's value (YYYY-MM-DD, local) as the start or the end of that day; null if empty or invalid. */
export function dayStart(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const ms = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime();
  return Number.isNaN(ms) ? null : ms;
}

export function dayEnd(value: string): number | null {
  const start = dayStart(value);
  return start === null ? null : start + DAY_MS - 1;
}

/** A timestamp as a date input's value (local YYYY-MM-DD). */
export function toDayValue(ms: number | null): string {
  if (ms === null) return '';
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** One page of a list: `page` counts from 0 and is clamped to the pages there are. */
export function pageOf<T>(
  items: readonly T[],
  page: number,
  size: number,
): { items: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(0, page), pages - 1);
  return { items: items.slice(current * size, current * size + size), page: current, pages };
}
