// zod/mini: the same validation with a fraction of the code, which matters in the panel's bundle.
import * as z from 'zod/mini';
import { parseOrNull } from './parse-or-null';
import type { CallSnapshot } from './platforms/types';
import { MAX_UTTERANCE_TEXT, MAX_UTTERANCES_A_MESSAGE } from './captions/limits';
import type {
  CaptionUtterance,
  ExtensionMessage,
  MicPermissionMessage,
  NotesHandOff,
  SessionByHandMessage,
  OffscreenCommand,
  TabCallState,
  TalkAudioMessage,
} from './messaging';
import { tabStateKey } from './messaging';
import { storedValue } from './storage-area';

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

export const captionUtteranceSchema = z.object({
  speaker: z.string().check(z.maxLength(MAX_TEXT)),
  text: z.string().check(z.minLength(1), z.maxLength(MAX_UTTERANCE_TEXT)),
  at: z.number(),
  endedAt: z.number(),
  self: z.optional(z.boolean()),
  sharedName: z.optional(z.boolean()),
}) satisfies z.ZodMiniType<CaptionUtterance>;

const extensionMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('call-snapshot'), snapshot: callSnapshotSchema }),
  z.object({
    type: z.literal('active-speaker'),
    highlight: z.object({ self: z.boolean(), other: z.boolean(), found: z.boolean() }),
  }),
  z.object({
    type: z.literal('caption-status'),
    platform: platformSchema,
    status: z.enum(['on', 'off', 'unrecognised']),
  }),
  z.object({
    type: z.literal('caption-utterances'),
    utterances: z.array(captionUtteranceSchema).check(z.maxLength(MAX_UTTERANCES_A_MESSAGE)),
  }),
]) satisfies z.ZodMiniType<ExtensionMessage>;
// Exported on its own line: WXT's auto-import scanner reads `export const a = f(x, [` followed by
// a line starting `z.` as a second exported name `z`, and then wires zod into any file with a `z`.
export { extensionMessageSchema };

const tabId = z.number().check(z.int());
const seconds = z.number().check(z.gte(0));
const segmentSchema = z.object({ start: seconds, end: seconds });
// An update carries what closed since the last one; a few thousand is a resync of a long call.
const MAX_SEGMENTS = 20_000;
const speakerFeedSchema = z.object({
  from: z.number().check(z.int(), z.gte(0)),
  closed: z.array(segmentSchema).check(z.maxLength(MAX_SEGMENTS)),
  open: z.nullable(segmentSchema),
});

export const offscreenCommandSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('offscreen-start'),
    tabId,
    tabStreamId: z.nullable(z.string().check(z.maxLength(MAX_TEXT))),
  }),
  z.object({ type: z.literal('offscreen-stop'), tabId }),
  z.object({ type: z.literal('offscreen-resync'), tabId }),
]) satisfies z.ZodMiniType<OffscreenCommand>;

export const talkAudioMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('talk-status'),
    tabId,
    mic: z.enum(['on', 'needs-permission', 'denied', 'unavailable']),
    tab: z.enum(['on', 'unavailable']),
    startedAt: z.number(),
  }),
  z.object({
    type: z.literal('talk-update'),
    tabId,
    startedAt: z.number(),
    analysedSeconds: seconds,
    speaking: z.object({ mentor: z.boolean(), mentee: z.boolean() }),
    roomTooLoud: z.optional(z.boolean()),
    mentor: speakerFeedSchema,
    mentee: speakerFeedSchema,
  }),
]) satisfies z.ZodMiniType<TalkAudioMessage>;

export const micPermissionMessageSchema = z.object({
  type: z.literal('mic-permission'),
  granted: z.boolean(),
}) satisfies z.ZodMiniType<MicPermissionMessage>;

export const parseOffscreenCommand: (raw: unknown) => OffscreenCommand | null = parseOrNull(offscreenCommandSchema);

export const parseTalkAudioMessage: (raw: unknown) => TalkAudioMessage | null = parseOrNull(talkAudioMessageSchema);

// The same bounds as the notes box and agenda field.
export const notesHandOffSchema = z.object({
  type: z.literal('notes-hand-off'),
  sessionId: z.string().check(z.minLength(1), z.maxLength(MAX_TEXT)),
  writer: z.string().check(z.minLength(1), z.maxLength(MAX_TEXT)),
  fields: z.object({
    agenda: z.optional(z.string().check(z.maxLength(2_000))),
    notes: z.optional(z.string().check(z.maxLength(100_000))),
  }),
  at: z.number().check(z.gte(0), z.lte(8.64e15)),
}) satisfies z.ZodMiniType<NotesHandOff>;

export const parseNotesHandOff: (raw: unknown) => NotesHandOff | null = parseOrNull(notesHandOffSchema);

export const parseMicPermissionMessage: (raw: unknown) => MicPermissionMessage | null =
  parseOrNull(micPermissionMessageSchema);

export const tabCallStateSchema = z.object({
  tabId: z.number().check(z.int()),
  platform: platformSchema,
  snapshot: callSnapshotSchema,
  sessionId: z.nullable(z.string()),
  callStartedAt: z.nullable(z.number()),
  callEndedAt: z.nullable(z.number()),
  updatedAt: z.number(),
  byHand: z.optional(z.boolean()),
}) satisfies z.ZodMiniType<TabCallState>;

export const sessionByHandSchema = z.object({
  type: z.literal('session-by-hand'),
  tabId,
  action: z.enum(['start', 'end']),
}) satisfies z.ZodMiniType<SessionByHandMessage>;

export const parseSessionByHand: (raw: unknown) => SessionByHandMessage | null = parseOrNull(sessionByHandSchema);

/** The message, or null when it is not one of ours (wrong shape, unknown type, oversized text). */
export const parseExtensionMessage: (raw: unknown) => ExtensionMessage | null = parseOrNull(extensionMessageSchema);

export const parseTabCallState: (raw: unknown) => TabCallState | null = parseOrNull(tabCallStateSchema);

/** storage.session: what the background knows of the call in this tab. */
export const tabCallState = (tabId: number) => storedValue(tabStateKey(tabId), parseTabCallState);
