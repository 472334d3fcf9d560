import * as z from 'zod/mini';
import { SummaryError } from './errors';
import type { SessionSummary } from './types';

const MAX_ITEMS = 20;
const text = z.string().check(z.maxLength(2_000));

const summarySchema = z.object({
  themes: z.array(text).check(z.maxLength(MAX_ITEMS)),
  insights: z.array(text).check(z.maxLength(MAX_ITEMS)),
  agreedActions: z
    .array(z.object({ owner: text, action: text, due: z.nullable(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))) }))
    .check(z.maxLength(MAX_ITEMS)),
  nextFocus: text,
}) satisfies z.ZodMiniType<SessionSummary>;

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

/** The model's reply as a summary; a SummaryError('malformed') when it is not one. */
export function parseSummary(raw: string): SessionSummary {
  // Some local models wrap JSON in a Markdown fence despite being asked not to.
  const unfenced = raw.trim().replace(/^```(?:json)?\s*/i, '').replace(/\s*```$/, '');
  let json: unknown;
  try {
    json = JSON.parse(unfenced);
  } catch {
    throw new SummaryError('malformed');
  }
  const parsed = summarySchema.safeParse(json);
  if (!parsed.success) throw new SummaryError('malformed');
  return parsed.data;
}
