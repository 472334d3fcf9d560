import { z } from 'zod';
import type { CallSnapshot } from './platforms/types';
import type { ExtensionMessage, TabCallState } from './messaging';

const platformSchema = z.enum(['meet', 'zoom', 'teams']);

export const callSnapshotSchema = z.object({
  platform: platformSchema,
  state: z.enum(['lobby', 'in-call', 'left', 'unknown']),
  title: z.string().max(200).nullable(),
  selfName: z.string().max(200).nullable(),
  controlsFound: z.boolean(),
}) satisfies z.ZodType<CallSnapshot>;

export const extensionMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('call-snapshot'), snapshot: callSnapshotSchema }),
]) satisfies z.ZodType<ExtensionMessage>;

export const tabCallStateSchema = z.object({
  tabId: z.number().int(),
  platform: platformSchema,
  snapshot: callSnapshotSchema,
  sessionId: z.string().nullable(),
  callStartedAt: z.number().nullable(),
  callEndedAt: z.number().nullable(),
  updatedAt: z.number(),
}) satisfies z.ZodType<TabCallState>;

/** The message, or null when it is not one of ours (wrong shape, unknown type, oversized text). */
export function parseExtensionMessage(raw: unknown): ExtensionMessage | null {
  const parsed = extensionMessageSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export function parseTabCallState(raw: unknown): TabCallState | null {
  const parsed = tabCallStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
