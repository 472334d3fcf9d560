import * as z from 'zod/mini';
import type { CommitmentRecord, RelationshipRecord, SessionRecord } from '../db/types';
import type { SessionExport } from './types';
import { lastWrittenAt } from '../commitments/written-at';
import { LISTENING_MOVES } from '../listening/types';

export const SESSION_FORMAT = 'attune.session';
export const SESSION_FORMAT_VERSION = 1;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

// Its own module, so that code which only recognises the error need not load the schemas.
export { ImportError } from './import-error';
import { ImportError } from './import-error';
import { fileHead, problemAt, readJsonFile, refuseNewer } from './versioned-json';

/**
 * A stored record as an export may hold it: the fields `Late` were added after the first export
 * format, so older files lack them (the importer fills them in). The schemas below `satisfies`
 * this, so a field added to a record type and not to its schema fails type-checking.
 */
type ExportedRecord<T, Late extends keyof T> = Omit<T, Late> & Partial<Pick<T, Late>>;

/** The whole session as JSON: everything needed to import it again elsewhere. */
export function sessionJson(data: SessionExport, now: number): string {
  return `${JSON.stringify({ format: SESSION_FORMAT, version: SESSION_FORMAT_VERSION, exportedAt: new Date(now).toISOString(), ...data }, null, 2)}\n`;
}

const str = (max = 10_000) => z.string().check(z.maxLength(max));
const count = z.number().check(z.gte(0), z.lte(1e9));
const status = z.enum(['open', 'in-progress', 'done', 'dropped']);
// Dates in a file are bounded to what a clock can have written: a moment from 1970 to 2100 (in
// milliseconds), a real calendar day in those years. One `startedAt: 1e300` once emptied every
// list that sorted or formatted it; now the import refuses it and names the field.
const EARLIEST_MS = 0;
const LATEST_MS = Date.UTC(2100, 0, 1);
const instant = z.number().check(z.gte(EARLIEST_MS), z.lte(LATEST_MS));
// Counts and durations: never negative, never beyond what a life of sessions could add up to.
const amount = z.number().check(z.gte(0), z.lte(1e9));
function isRealDay(day: string): boolean {
  const [y, m, d] = day.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1));
  return (
    y !== undefined &&
    y >= 1970 &&
    y < 2100 &&
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === (m ?? 0) - 1 &&
    date.getUTCDate() === d
  );
}
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/), z.refine(isRealDay, 'it is not a real day'));
const isoDay = z.nullable(day);
const localMinute = z.nullable(
  z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/), z.refine(isRealDay, 'it is not a real day')),
);

/** The records' shapes, shared with the dashboard's backup of everything. */
export const sessionRecordSchema = z.object({
  id: str(100),
  relationshipId: z.nullable(str(100)),
  platform: z.enum(['meet', 'zoom', 'teams']),
  title: z.nullable(str(200)),
  startedAt: instant,
  endedAt: z.nullable(instant),
  lastCheckpointAt: instant,
  frameworkId: z.nullable(str(100)),
  stageTimeline: z.array(z.object({ stageId: str(100), at: instant })),
  promptsUsed: z.array(z.object({ questionId: str(100), stageId: str(100), at: instant })),
  agenda: str(),
  notes: str(100_000),
  talkTime: z.nullable(
    z.object({
      source: z.enum(['audio', 'active-speaker', 'captions']),
      mentorSeconds: amount,
      menteeSeconds: amount,
      mentorShare: amount,
      longestMentorMonologueSeconds: amount,
      turns: z.optional(
        z.object({
          mentorTurns: amount,
          menteeTurns: amount,
          interruptions: amount,
          waitsAfterMentor: amount,
          totalWaitSeconds: amount,
          longestWaitSeconds: amount,
        }),
      ),
    }),
  ),
  talkTimeline: z.array(z.object({ minute: amount, mentorSeconds: amount, menteeSeconds: amount })),
  questionTallies: z.object({ open: amount, closed: amount, leading: amount, stacked: amount }),
  summary: z.nullable(
    z.object({
      themes: z.array(str(500)),
      insights: z.array(str(2_000)),
      agreedActions: z.array(z.object({ owner: str(200), action: str(1_000), due: isoDay })),
      nextFocus: str(2_000),
      model: str(200),
      madeAt: instant,
      edited: z.boolean(),
    }),
  ),
  summaryConsentAt: z.optional(z.nullable(instant)),
  transcript: z.optional(
    z.nullable(
      z.array(
        z.object({
          speaker: str(200),
          text: str(20_000),
          at: instant,
          endedAt: instant,
          self: z.optional(z.boolean()),
          sharedName: z.optional(z.boolean()),
        }),
      ),
    ),
  ),
  nextCheckIn: localMinute,
  // Optional: exports made before co-coaching role swaps were recorded have none.
  roleSwaps: z.optional(z.array(instant)),
  // Optional: sessions from before listening moves were counted, or without captions, have none.
  moves: z.optional(
    z.object({
      counts: z.object({
        open: count,
        closed: count,
        leading: count,
        restating: count,
        summarising: count,
        advice: count,
        sharing: count,
        encouraging: count,
        other: count,
      }),
      turns: z.array(z.object({ at: instant, move: z.enum(LISTENING_MOVES) })).check(z.maxLength(100_000)),
    }),
  ),
  // A backup keeps sessions sealed by a passphrase as they are: the words stay encrypted.
  sealed: z.optional(
    z.object({ iv: str(100), data: z.string().check(z.maxLength(50_000_000)), boundTo: z.optional(z.literal('id')) }),
  ),
  // And what was written while locked, sealed to the passphrase's public key.
  lockedDrafts: z.optional(
    z
      .array(
        z.object({
          writer: str(100),
          at: instant,
          blob: z.object({ iv: str(100), epk: str(1_000), data: z.string().check(z.maxLength(50_000_000)) }),
        }),
      )
      .check(z.maxLength(100)),
  ),
}) satisfies z.ZodMiniType<ExportedRecord<SessionRecord, 'roleSwaps' | 'summaryConsentAt' | 'transcript'>>;

export const relationshipRecordSchema = z.object({
  id: str(100),
  mentorName: str(80),
  menteeName: str(80),
  mode: z.enum(['mentoring', 'specialist-coaching', 'co-coaching']),
  stage: z.enum(['creating', 'building', 'mastery', 'moving-on']),
  agreement: z.object({
    goals: str(),
    groundRules: str(),
    confidentiality: str(),
    cadence: str(),
    feedback: str(),
    ending: str(),
    acknowledgements: z.array(z.object({ name: str(80), at: instant })),
  }),
  // Optional: relationships from before it was kept, or without one, have none.
  menteeEmail: z.optional(str(254)),
  createdAt: instant,
  updatedAt: instant,
  archivedAt: z.optional(z.nullable(instant)),
}) satisfies z.ZodMiniType<RelationshipRecord>;

export const commitmentRecordSchema = z.object({
  id: str(100),
  sessionId: str(100),
  relationshipId: z.nullable(str(100)),
  owner: str(200),
  action: str(1_000),
  due: isoDay,
  // Optional: a time of day, since commitments keep one ("Tuesday 3pm").
  dueTime: z.optional(z.nullable(z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/)))),
  status,
  stage: z.nullable(str(100)),
  // How far into the call: bounded, but a clock set back during a call may have made it negative.
  elapsedMs: z.nullable(z.number().check(z.gte(-1e9), z.lte(1e9))),
  createdAt: instant,
  // Optional: exports made before schema version 10 lack it.
  updatedAt: z.optional(instant),
  reviewNotes: z.array(z.object({ sessionId: str(100), status, note: str(2_000), at: instant })),
  // Optional: exports made before schema version 6 lack them.
  agreedByBoth: z.optional(z.boolean()),
  obstacles: z.optional(str(2_000)),
  support: z.optional(str(2_000)),
}) satisfies z.ZodMiniType<ExportedRecord<CommitmentRecord, 'updatedAt' | 'agreedByBoth' | 'obstacles' | 'support'>>;

const schema = z.object({
  format: z.literal(SESSION_FORMAT),
  version: z.number(),
  session: sessionRecordSchema,
  relationship: z.nullable(relationshipRecordSchema),
  commitments: z.array(commitmentRecordSchema),
  nextCheckIn: localMinute,
});

/** Reads a session export. Any problem: an ImportError that says what, and nothing is applied. */
export function parseSessionJson(text: string): SessionExport {
  const refuse = (sentence: string) => new ImportError(sentence);
  const raw = readJsonFile(text, {
    maxBytes: MAX_IMPORT_BYTES,
    empty: 'The file is empty. Nothing was imported.',
    tooLarge: 'The file is larger than 5 MB, more than any session export. Nothing was imported.',
    refuse,
  });
  const head = fileHead(raw);
  if (head?.format !== SESSION_FORMAT) throw refuse('This is not an Attune session export. Nothing was imported.');
  refuseNewer(
    head.version,
    SESSION_FORMAT_VERSION,
    'This export comes from a newer version of Attune. Update Attune to import it. Nothing was imported.',
    refuse,
  );
  const parsed = schema.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw refuse(problemAt('export', parsed.error.issues[0]));
  const { session, relationship, commitments, nextCheckIn } = parsed.data;
  return {
    session: completeSession(session),
    relationship,
    commitments: commitments.map(completeCommitment),
    nextCheckIn,
  };
}

/** A session read from a file, with the fields that older exports lack filled in. */
export function completeSession(session: z.infer<typeof sessionRecordSchema>): SessionRecord {
  return {
    ...session,
    roleSwaps: session.roleSwaps ?? [],
    summaryConsentAt: session.summaryConsentAt ?? null,
    transcript: session.transcript ?? null,
  };
}

/** A commitment read from a file, with the fields that older exports lack filled in. */
export function completeCommitment(commitment: z.infer<typeof commitmentRecordSchema>): CommitmentRecord {
  return {
    ...commitment,
    updatedAt: commitment.updatedAt ?? lastWrittenAt(commitment),
    agreedByBoth: commitment.agreedByBoth ?? false,
    obstacles: commitment.obstacles ?? '',
    support: commitment.support ?? '',
  };
}
