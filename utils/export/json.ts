import * as z from 'zod/mini';
import type { CommitmentRecord, SessionRecord } from '../db/types';
import type { SessionExport } from './types';
import { lastWrittenAt } from '../commitments/written-at';
import { LISTENING_MOVES } from '../listening/types';

export const SESSION_FORMAT = 'attune.session';
export const SESSION_FORMAT_VERSION = 1;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

// Its own module, so that code which only recognises the error need not load the schemas.
export { ImportError } from './import-error';
import { ImportError } from './import-error';

/** The whole session as JSON: everything needed to import it again elsewhere. */
export function sessionJson(data: SessionExport, now: number): string {
  return `${JSON.stringify({ format: SESSION_FORMAT, version: SESSION_FORMAT_VERSION, exportedAt: new Date(now).toISOString(), ...data }, null, 2)}\n`;
}

const str = (max = 10_000) => z.string().check(z.maxLength(max));
const count = z.number().check(z.minimum(0));
const status = z.enum(['open', 'in-progress', 'done', 'dropped']);
const isoDay = z.nullable(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)));

/** The records' shapes, shared with the dashboard's backup of everything. */
export const sessionRecordSchema = z.object({
    id: str(100),
    relationshipId: z.nullable(str(100)),
    platform: z.enum(['meet', 'zoom', 'teams']),
    title: z.nullable(str(200)),
    startedAt: z.number(),
    endedAt: z.nullable(z.number()),
    lastCheckpointAt: z.number(),
    frameworkId: z.nullable(str(100)),
    stageTimeline: z.array(z.object({ stageId: str(100), at: z.number() })),
    promptsUsed: z.array(z.object({ questionId: str(100), stageId: str(100), at: z.number() })),
    agenda: str(),
    notes: str(100_000),
    talkTime: z.nullable(
      z.object({
        source: z.enum(['audio', 'active-speaker', 'captions']),
        mentorSeconds: z.number(),
        menteeSeconds: z.number(),
        mentorShare: z.number(),
        longestMentorMonologueSeconds: z.number(),
        turns: z.optional(
          z.object({
            mentorTurns: z.number(),
            menteeTurns: z.number(),
            interruptions: z.number(),
            waitsAfterMentor: z.number(),
            totalWaitSeconds: z.number(),
            longestWaitSeconds: z.number(),
          }),
        ),
      }),
    ),
    talkTimeline: z.array(z.object({ minute: z.number(), mentorSeconds: z.number(), menteeSeconds: z.number() })),
    questionTallies: z.object({ open: z.number(), closed: z.number(), leading: z.number(), stacked: z.number() }),
    summary: z.nullable(
      z.object({
        themes: z.array(str(500)),
        insights: z.array(str(2_000)),
        agreedActions: z.array(z.object({ owner: str(200), action: str(1_000), due: isoDay })),
        nextFocus: str(2_000),
        model: str(200),
        madeAt: z.number(),
        edited: z.boolean(),
      }),
    ),
    summaryConsentAt: z.optional(z.nullable(z.number())),
    transcript: z.optional(z.nullable(z.array(z.object({ speaker: str(200), text: str(20_000), at: z.number(), endedAt: z.number() })))),
    nextCheckIn: z.nullable(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/))),
    // Optional: exports made before co-coaching role swaps were recorded have none.
    roleSwaps: z.optional(z.array(z.number())),
    // Optional: sessions from before listening moves were counted, or without captions, have none.
    moves: z.optional(
      z.object({
        counts: z.object({
          open: count, closed: count, leading: count, restating: count, summarising: count,
          advice: count, sharing: count, encouraging: count, other: count,
        }),
        turns: z.array(z.object({ at: z.number(), move: z.enum(LISTENING_MOVES) })).check(z.maxLength(100_000)),
      }),
    ),
    // A backup keeps sessions sealed by a passphrase as they are: the words stay encrypted.
    sealed: z.optional(z.object({ iv: str(100), data: z.string().check(z.maxLength(50_000_000)) })),
  });

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
        acknowledgements: z.array(z.object({ name: str(80), at: z.number() })),
      }),
      createdAt: z.number(),
      updatedAt: z.number(),
    });

export const commitmentRecordSchema = z.object({
      id: str(100),
      sessionId: str(100),
      relationshipId: z.nullable(str(100)),
      owner: str(200),
      action: str(1_000),
      due: isoDay,
      status,
      stage: z.nullable(str(100)),
      elapsedMs: z.nullable(z.number()),
      createdAt: z.number(),
      // Optional: exports made before schema version 10 lack it.
      updatedAt: z.optional(z.number()),
      reviewNotes: z.array(z.object({ sessionId: str(100), status, note: str(2_000), at: z.number() })),
      // Optional: exports made before schema version 6 lack them.
      agreedByBoth: z.optional(z.boolean()),
      obstacles: z.optional(str(2_000)),
      support: z.optional(str(2_000)),
    });

const schema = z.object({
  format: z.literal(SESSION_FORMAT),
  version: z.number(),
  session: sessionRecordSchema,
  relationship: z.nullable(relationshipRecordSchema),
  commitments: z.array(commitmentRecordSchema),
  nextCheckIn: z.nullable(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/))),
});

/** Reads a session export. Any problem: an ImportError that says what, and nothing is applied. */
export function parseSessionJson(text: string): SessionExport {
  if (typeof text !== 'string' || !text.trim()) throw new ImportError('The file is empty. Nothing was imported.');
  if (new TextEncoder().encode(text).length > MAX_IMPORT_BYTES) throw new ImportError('The file is larger than 5 MB, more than any session export. Nothing was imported.');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ImportError('The file is not valid JSON (it may be cut short). Nothing was imported.');
  }
  const head = raw as { format?: unknown; version?: unknown } | null;
  if (!head || typeof head !== 'object' || head.format !== SESSION_FORMAT) throw new ImportError('This is not an Attune session export. Nothing was imported.');
  if (typeof head.version === 'number' && head.version > SESSION_FORMAT_VERSION) {
    throw new ImportError('This export comes from a newer version of Attune. Update Attune to import it. Nothing was imported.');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.map(String).join('.') : '';
    throw new ImportError(`The export has a problem${where ? ` at “${where}”` : ''}. Nothing was imported.`);
  }
  const { session, relationship, commitments, nextCheckIn } = parsed.data;
  return { session: completeSession(session), relationship, commitments: commitments.map(completeCommitment), nextCheckIn };
}

/** A session read from a file, with the fields that older exports lack filled in. */
export function completeSession(session: z.infer<typeof sessionRecordSchema>): SessionRecord {
  return { ...session, roleSwaps: session.roleSwaps ?? [], summaryConsentAt: session.summaryConsentAt ?? null, transcript: session.transcript ?? null };
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
