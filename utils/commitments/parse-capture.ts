import * as chrono from 'chrono-node';
import { CaptureError, type CaptureContext, type CapturedCommitment } from './capture-types';

export { CaptureError, type CaptureContext, type CapturedCommitment };

const MAX_LINE_LENGTH = 500;
// Words left dangling once the date phrase is cut out of the action.
const DANGLING = /(^|\s+)(by|before|on|until|till|for|due|at|in|no later than|latest)$/i;

function isoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The next date with this day of the month, today included (months too short are skipped). */
function nextDayOfMonth(day: number, now: Date): Date | null {
  if (day < 1 || day > 31) return null;
  for (let m = 0; m < 3; m += 1) {
    const candidate = new Date(now.getFullYear(), now.getMonth() + m, day, 12);
    if (candidate.getDate() !== day) continue;
    if (m > 0 || day >= now.getDate()) return candidate;
  }
  return null;
}

// Regions that write numeric dates month first (CLDR): the United States and its territories,
// the Philippines, Belize, Micronesia, the Marshall Islands, Palau. Everywhere else day first.
const MONTH_FIRST_REGIONS = new Set(['US', 'PR', 'GU', 'VI', 'AS', 'MP', 'UM', 'PH', 'BZ', 'FM', 'MH', 'PW']);

/** Whether "02/03" means 3 February where this language tag is used. */
export function readsMonthFirst(locale: string | undefined): boolean {
  if (!locale) return false;
  try {
    const region = new Intl.Locale(locale).maximize().region;
    return region !== undefined && MONTH_FIRST_REGIONS.has(region);
  } catch {
    return false;
  }
}

// Labels that head a note rather than name the person who will act: "Note: 3 things to try".
const NOT_AN_OWNER = new Set([
  'note',
  'notes',
  'nb',
  'todo',
  'to do',
  'to-do',
  'action',
  'actions',
  'action item',
  'next step',
  'next steps',
  'idea',
  'ideas',
  'reminder',
  'remember',
  'follow-up',
  'follow up',
  'homework',
  'task',
  'tasks',
  'tip',
  'goal',
  'goals',
  'fyi',
  'ps',
  'update',
  'question',
  'agenda',
  'plan',
  'step',
  'important',
  'later',
  'maybe',
  'also',
  'commitment',
]);

function hhmm(d: Date): string {
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/**
 * The first date said in the text: chrono's reading, or a bare "the 15th", which chrono skips.
 * A weekday or date said on that very day means today ("by Friday" on a Friday, with or
 * without a time), the same rule as "by 4 December" on 4 December.
 */
function findDate(
  text: string,
  now: Date,
  locale?: string,
): { index: number; text: string; date: Date; time?: string } | null {
  // From the start of the day, so that a date said on that very day ("by 4 December" on
  // 4 December) is today, not the same day next year: chrono places a bare date at noon and
  // forwardDate would move it a year on once noon has passed.
  const startOfDay = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const parser = readsMonthFirst(locale) ? chrono.en : chrono.en.GB;
  const [found] = parser.parse(text, startOfDay, { forwardDate: true });
  if (found) {
    const date = found.start.date();
    const time = found.start.isCertain('hour') ? hhmm(date) : undefined;
    return { index: found.index, text: found.text, date, ...(time ? { time } : {}) };
  }
  const ordinal = /\b(?:the )?(\d{1,2})(?:st|nd|rd|th)\b/i.exec(text);
  const date = ordinal?.[1] ? nextDayOfMonth(Number(ordinal[1]), now) : null;
  return ordinal && date ? { index: ordinal.index, text: ordinal[0], date } : null;
}

/** A name said in the line, as the relationship spells it when it is the mentor's or mentee's first name. */
function fullName(said: string, ctx: CaptureContext): string {
  const lower = said.toLocaleLowerCase();
  for (const name of [ctx.menteeName, ctx.mentorName]) {
    if (name.toLocaleLowerCase() === lower || name.split(/\s+/)[0]?.toLocaleLowerCase() === lower) return name;
  }
  return said;
}

/** Who owns the line, and the rest of it: "Sam: …", "I'll …" (the mentor), "you'll …" (the mentee). */
function splitOwner(line: string, ctx: CaptureContext): { owner: string; rest: string } {
  const labelled = /^([\p{L}][\p{L}\p{M}'’ .-]{0,40}?)\s*:\s*(.+)$/u.exec(line);
  if (labelled?.[1] && labelled[2]) {
    const label = labelled[1].trim();
    const lower = label.toLowerCase();
    if (lower === 'me' || lower === 'i' || lower === 'mentor') return { owner: ctx.mentorName, rest: labelled[2] };
    if (lower === 'you' || lower === 'mentee') return { owner: ctx.menteeName, rest: labelled[2] };
    if (NOT_AN_OWNER.has(lower)) return { owner: ctx.menteeName, rest: labelled[2] };
    return { owner: fullName(label, ctx), rest: labelled[2] };
  }
  const mentor = /^(i(?:'|’)ll|i will|i am going to|i'm going to|i’m going to|we(?:'|’)ll|we will)\s+(.+)$/i.exec(line);
  if (mentor?.[1] && mentor[2]) {
    const both = /^we/i.test(mentor[1]);
    return { owner: both ? `${ctx.mentorName} and ${ctx.menteeName}` : ctx.mentorName, rest: mentor[2] };
  }
  const mentee = /^(you(?:'|’)ll|you will|you are going to|you're going to|you’re going to)\s+(.+)$/i.exec(line);
  if (mentee?.[2]) return { owner: ctx.menteeName, rest: mentee[2] };
  const named = /^([\p{Lu}][\p{L}'’-]+)\s+(will|is going to|to)\s+(.+)$/u.exec(line);
  if (named?.[1] && named[3]) return { owner: fullName(named[1], ctx), rest: named[3] };
  return { owner: ctx.menteeName, rest: line };
}

/**
 * Reads a quick-capture line: who will do what by when. "Sam: send the draft CV by Friday" →
 * owner Sam, "Send the draft CV", the coming Friday. With no owner, the mentee owns it.
 */
export function parseCapture(line: string, ctx: CaptureContext): CapturedCommitment {
  const clean = (typeof line === 'string' ? line : '').replace(/\s+/g, ' ').trim();
  if (!clean) throw new CaptureError('Type who will do what, for example “Sam: send the draft CV by Friday”.');
  if (clean.length > MAX_LINE_LENGTH)
    throw new CaptureError(`Keep a commitment under ${MAX_LINE_LENGTH} characters; split it into steps.`);

  const { owner, rest } = splitOwner(clean, ctx);
  const found = findDate(rest, ctx.now, ctx.locale);
  let action = rest;
  let due: string | null = null;
  if (found) {
    due = isoDate(found.date);
    action = `${rest.slice(0, found.index)} ${rest.slice(found.index + found.text.length)}`;
  }
  action = action.replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 3; i += 1)
    action = action
      .replace(/[\s,;.:–—-]+$/, '')
      .replace(DANGLING, '')
      .trim();
  action = action.replace(/[\s,;.:–—-]+$/, '');
  action = action.replace(/^(to|will)\s+/i, '');
  if (!action) throw new CaptureError('Say what will be done, not only when: for example “send the draft by Friday”.');
  return {
    owner,
    action: action.charAt(0).toUpperCase() + action.slice(1),
    due,
    ...(found?.time ? { dueTime: found.time } : {}),
  };
}
