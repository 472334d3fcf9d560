// zod/mini: the same validation with a fraction of the code, which matters in the panel's bundle.
import * as z from 'zod/mini';
import type { CallSnapshot } from './platforms/types';
import type { CaptionUtterance, ExtensionMessage, TabCallState } from './messaging';

const MAX_TEXT = 200;
const platformSchema = z.enum(['meet', 'zoom', 'teams']);
const shortText = z.nullable(z.string().check(z.maxLength(MAX_TEXT)));

export const callSnapshotSchema = z.object({
  platform: platformSchema,
  state: z.enum(['lobby', 'in-call', 'left', 'unknown']),
  title: shortText,
  selfName: shortText,
  controlsFound: z.boolean(),
}) satisfies z.ZodMiniType<CallSnapshot>;

// An utterance is a turn of speech; a monologue of a few minutes fits, a runaway block does not.
const MAX_UTTERANCE_TEXT = 10_000;
const MAX_UTTERANCES_A_MESSAGE = 100;

export const captionUtteranceSchema = z.object({
  speaker: z.string().check(z.maxLength(MAX_TEXT)),
  text: z.string().check(z.minLength(1), z.maxLength(MAX_UTTERANCE_TEXT)),
  at: z.number(),
  endedAt: z.number(),
}) satisfies z.ZodMiniType<CaptionUtterance>;

export const extensionMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('call-snapshot'), snapshot: callSnapshotSchema }),
  z.object({ type: z.literal('caption-status'), platform: platformSchema, status: z.enum(['on', 'off', 'unrecognised']) }),
  z.object({ type: z.literal('caption-utterances'), utterances: z.array(captionUtteranceSchema).check(z.maxLength(MAX_UTTERANCES_A_MESSAGE)) }),
]) satisfies z.ZodMiniType<ExtensionMessage>;

export const tabCallStateSchema = z.object({
  tabId: z.number().check(z.int()),
  platform: platformSchema,
  snapshot: callSnapshotSchema,
  sessionId: z.nullable(z.string()),
  callStartedAt: z.nullable(z.number()),
  callEndedAt: z.nullable(z.number()),
  updatedAt: z.number(),
}) satisfies z.ZodMiniType<TabCallState>;

/** The message, or null when it is not one of ours (wrong shape, unknown type, oversized text). */
export function parseExtensionMessage(raw: unknown): ExtensionMessage | null {
  const parsed = extensionMessageSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export function parseTabCallState(raw: unknown): TabCallState | null {
  const parsed = tabCallStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
