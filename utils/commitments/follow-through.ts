import type { CommitmentRecord, CommitmentStatus, RelationshipRecord } from '../db/types';

/** How far ahead the dashboard's "due this week" list looks: today and the six days after it. */
export const DUE_SOON_DAYS = 7;

const STILL_OPEN: ReadonlySet<CommitmentStatus> = new Set(['open', 'in-progress']);

type Dated = Pick<CommitmentRecord, 'due' | 'dueTime' | 'status'>;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The local calendar day of `at` as YYYY-MM-DD: the form `due` is kept in. */
export function localDay(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** The day `days` after `day` (both YYYY-MM-DD), by the calendar, so a clock change does not skip one. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return localDay(new Date(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days));
}

/** When a commitment with a time of day falls due, in the local time zone. */
function dueMoment(due: string, time: string): Date {
  const [y, m, d] = due.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1, hour ?? 0, minute ?? 0);
}

/**
 * Whether a commitment is still open past its due date, as of `now`: one with a time of day is
 * late from that minute; one with a day only is late from the next day (the whole day is its).
 * Done and dropped ones are never late; undated ones never fall due.
 */
export function isOverdue(c: Dated, now: Date): boolean {
  if (!c.due || !STILL_OPEN.has(c.status)) return false;
  if (c.dueTime) return dueMoment(c.due, c.dueTime).getTime() < now.getTime();
  return c.due < localDay(now);
}

/** Whether it is still open and due today (a timed one, later today or already past). */
export function isDueOn(c: Dated, day: string): boolean {
  return c.due === day && STILL_OPEN.has(c.status);
}

export interface DueItem {
  commitment: CommitmentRecord;
  relationshipId: string | null;
  /** "Alex Morgan & Priya Shah", or null for a commitment of a session never linked to a relationship. */
  relationshipLabel: string | null;
  overdue: boolean;
}

export interface DueGroup {
  /** 'overdue', or the day (YYYY-MM-DD) the group's commitments fall due. */
  key: 'overdue' | string;
  items: DueItem[];
}

/** Whether it belongs to a relationship the mentor archived (moved on from): no longer followed up. */
export function ofArchived(
  c: Pick<CommitmentRecord, 'relationshipId'>,
  relationships: ReadonlyMap<string, Pick<RelationshipRecord, 'archivedAt'>>,
): boolean {
  const rel = c.relationshipId === null ? undefined : relationships.get(c.relationshipId);
  return typeof rel?.archivedAt === 'number';
}

function byDue(a: CommitmentRecord, b: CommitmentRecord): number {
  return (
    (a.due ?? '').localeCompare(b.due ?? '') ||
    (a.dueTime ?? '24:00').localeCompare(b.dueTime ?? '24:00') ||
    a.createdAt - b.createdAt
  );
}

/**
 * The open commitments that need attention this week, across the relationships not archived: the overdue ones
 * (however late) as one group first, then those due from now to the end of the next
 * `DUE_SOON_DAYS` days, a group a day, each sorted by when it falls due.
 */
export function dueThisWeek(
  commitments: readonly CommitmentRecord[],
  relationships: ReadonlyMap<string, Pick<RelationshipRecord, 'mentorName' | 'menteeName' | 'archivedAt'>>,
  now: Date,
  days = DUE_SOON_DAYS,
): DueGroup[] {
  const today = localDay(now);
  const last = addDays(today, days - 1);
  const picked = commitments
    .filter((c) => c.due !== null && STILL_OPEN.has(c.status) && c.due <= last && !ofArchived(c, relationships))
    .sort(byDue);
  const overdue: DueItem[] = [];
  const byDay = new Map<string, DueItem[]>();
  for (const c of picked) {
    const rel = c.relationshipId === null ? undefined : relationships.get(c.relationshipId);
    const item: DueItem = {
      commitment: c,
      relationshipId: c.relationshipId,
      relationshipLabel: rel ? `${rel.mentorName} & ${rel.menteeName}` : null,
      overdue: isOverdue(c, now),
    };
    if (item.overdue) overdue.push(item);
    else byDay.set(c.due ?? today, [...(byDay.get(c.due ?? today) ?? []), item]);
  }
  const groups: DueGroup[] = overdue.length ? [{ key: 'overdue', items: overdue }] : [];
  for (const [day, items] of byDay) groups.push({ key: day, items });
  return groups;
}
