// What the pages say about numbers, sizes, dates and durations, through Intl: plural words by
// the language's rules, sizes in the right unit, and dates that never throw (an imported or
// damaged record with an impossible date shows "unknown date" instead of breaking a list).

import type { CommitmentStatus } from '../db/types';

/** "1 session", "2 sessions", "1,024 sessions": the count with its word in the right number. */
export function countOf(n: number, one: string, other: string, locale?: string): string {
  const rule = new Intl.PluralRules(locale).select(n);
  return `${new Intl.NumberFormat(locale).format(n)} ${rule === 'one' ? one : other}`;
}

const SIZE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** A size in the largest unit under 1,024 of it: "850 kB", "10 GB", "1.5 MB". */
export function byteSize(bytes: number, locale?: string): string {
  if (!Number.isFinite(bytes) || bytes < 0) return 'unknown size';
  if (bytes < 1024) return countOf(bytes, 'byte', 'bytes', locale);
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < SIZE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: SIZE_UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0,
  }).format(value);
}

const STATUS_WORDS: Record<CommitmentStatus, string> = {
  open: 'open',
  'in-progress': 'in progress',
  done: 'done',
  dropped: 'dropped',
};

/** A commitment's status as a person says it. */
export function statusWord(status: CommitmentStatus): string {
  return STATUS_WORDS[status] ?? 'unknown';
}

/** A moment as text with these options, or "unknown date" when it is no real moment. */
export function safeDate(ms: number | null | undefined, options: Intl.DateTimeFormatOptions, locale?: string): string {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return 'unknown date';
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return 'unknown date';
  return new Intl.DateTimeFormat(locale, options).format(date);
}

/** How long a session lasted, for a list: "45 min", "1 h 5 min", "under a minute"; null when it has not ended. */
export function durationText(startedAt: number, endedAt: number | null, locale?: string): string | null {
  if (endedAt === null || !Number.isFinite(startedAt) || !Number.isFinite(endedAt) || endedAt < startedAt) return null;
  const minutes = Math.round((endedAt - startedAt) / 60_000);
  if (minutes < 1) return 'under a minute';
  const hours = Math.floor(minutes / 60);
  const unit = (value: number, u: 'hour' | 'minute') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short' }).format(value);
  if (hours === 0) return unit(minutes, 'minute');
  return minutes % 60 === 0 ? unit(hours, 'hour') : `${unit(hours, 'hour')} ${unit(minutes % 60, 'minute')}`;
}
