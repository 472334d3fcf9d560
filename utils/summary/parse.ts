import * as chrono from 'chrono-node';
import * as z from 'zod/mini';
import { SummaryError } from './errors';
import type { SessionSummary } from './types';

const MAX_ITEMS = 20;
const text = z.string().check(z.maxLength(2_000));

const summarySchema = z.object({
  themes: z.array(text).check(z.maxLength(MAX_ITEMS)),
  insights: z.array(text).check(z.maxLength(MAX_ITEMS)),
  agreedActions: z
    // The request asks for ISO dates, but a model may answer "Friday": that is read below, not refused.
    .array(z.object({ owner: text, action: text, due: z.nullable(z.string().check(z.maxLength(200))) }))
    .check(z.maxLength(MAX_ITEMS)),
  nextFocus: text,
});

function isoDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * A due date as the model wrote it, as an ISO day: "2026-12-04" as it is, the date part of an ISO
 * date-time, or words a date parser reads ("Friday", "next Tuesday") from the day of the summary.
 * Null when it is no date at all.
 */
export function normaliseDue(due: string, now: Date): string | null {
  const trimmed = due.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ]|$)/.exec(trimmed);
  if (iso?.[1] && !Number.isNaN(Date.parse(`${iso[1]}T00:00:00Z`))) return iso[1];
  const startOfDay = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const found = chrono.en.GB.parseDate(trimmed, startOfDay, { forwardDate: true });
  return found ? isoDay(found) : null;
}

/** Each action's due as an ISO day when it can be read; words that are no date stay with the action. */
function withReadableDues(parsed: z.infer<typeof summarySchema>, now: Date): SessionSummary {
  return {
    ...parsed,
    agreedActions: parsed.agreedActions.map(({ owner, action, due }) => {
      if (due === null || due.trim() === '') return { owner, action, due: null };
      const day = normaliseDue(due, now);
      return day ? { owner, action, due: day } : { owner, action: `${action} (${due.trim()})`, due: null };
    }),
  };
}

/** JSON Schema of the same shape, for endpoints that support structured output. */
export const SUMMARY_JSON_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['themes', 'insights', 'agreedActions', 'nextFocus'],
  properties: {
    themes: { type: 'array', items: { type: 'string' } },
    insights: { type: 'array', items: { type: 'string' } },
    agreedActions: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['owner', 'action', 'due'],
        properties: { owner: { type: 'string' }, action: { type: 'string' }, due: { type: ['string', 'null'] } },
      },
    },
    nextFocus: { type: 'string' },
  },
} as const;

/**
 * The model's reply as a summary; a SummaryError('malformed') when it is not one. `now` is the
 * day the summary is made, from which words like "Friday" are read.
 */
export function parseSummary(raw: string, now: Date = new Date()): SessionSummary {
  // Some local models wrap JSON in a Markdown fence despite being asked not to.
  const unfenced = raw
    .trim()
    .replace(/^```(?:json)?\s*/i, '')
    .replace(/\s*```$/, '');
  let json: unknown;
  try {
    json = JSON.parse(unfenced);
  } catch {
    throw new SummaryError('malformed');
  }
  const parsed = summarySchema.safeParse(json);
  if (!parsed.success) throw new SummaryError('malformed');
  return withReadableDues(parsed.data, now);
}
