/**
 * The one reader of Attune's versioned JSON files (backups, session exports, model files): the
 * same checks in the same order, and the same sentences, whichever file it is. Each refusal is
 * made by the caller's `refuse`, so every file keeps its own error class.
 */
export interface VersionedJsonRules {
  /** Its size in bytes, when the caller has it (a File's size); else measured here. */
  byteLength?: number;
  maxBytes: number;
  /** The sentence for a file over `maxBytes`. */
  tooLarge: string;
  /** The sentence for an empty file. */
  empty: string;
  refuse: (sentence: string) => Error;
}

const INVALID_JSON = 'The file is not valid JSON (it may be cut short). Nothing was imported.';

/** The file's JSON, after the empty, size and syntax checks. */
export function readJsonFile(text: string, rules: VersionedJsonRules): unknown {
  if (typeof text !== 'string' || !text.trim()) throw rules.refuse(rules.empty);
  const bytes = rules.byteLength ?? new TextEncoder().encode(text).length;
  if (bytes > rules.maxBytes) throw rules.refuse(rules.tooLarge);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw rules.refuse(INVALID_JSON);
  }
}

/** The `format` and `version` a file says it has, or null when it is not an object. */
export function fileHead(raw: unknown): { format?: unknown; version?: unknown } | null {
  return raw && typeof raw === 'object' ? (raw as { format?: unknown; version?: unknown }) : null;
}

/** Refuses a file written by a newer Attune, whose fields this one cannot know. */
export function refuseNewer(version: unknown, current: number, sentence: string, refuse: (s: string) => Error): void {
  if (typeof version === 'number' && version > current) throw refuse(sentence);
}

/**
 * What a schema check found wrong: a zod issue (zod/mini's own message is only "Invalid input"),
 * parsed with `reportInput: true` so that a missing field can be told from one of another type.
 */
export interface SchemaIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message?: string;
  readonly expected?: string;
  readonly origin?: string;
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly values?: readonly unknown[];
  /** What was found (zod includes it); undefined when the field is missing. */
  readonly input?: unknown;
}

const KINDS: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of fields',
};

const entries = (n: number | bigint) => `${n} ${n === 1 ? 'entry' : 'entries'}`;

/** The issue in the user's words ("the text is longer than 200 characters"), or null when there are none better than "invalid". */
export function issueReason(issue: SchemaIssue): string | null {
  const { code, origin, minimum, maximum } = issue;
  if (code === 'invalid_type') {
    if ('input' in issue && issue.input === undefined) return 'it is missing';
    const kind = issue.expected ? KINDS[issue.expected] : undefined;
    return kind ? `it should be ${kind}` : null;
  }
  if (code === 'too_small' && minimum !== undefined) {
    if (origin === 'string') return minimum === 1 ? 'it is empty' : `the text is shorter than ${minimum} characters`;
    if (origin === 'array') return minimum === 1 ? 'the list is empty' : `the list has fewer than ${entries(minimum)}`;
    if (origin === 'number') return 'the number is too small';
  }
  if (code === 'too_big' && maximum !== undefined) {
    if (origin === 'string') return `the text is longer than ${maximum} characters`;
    if (origin === 'array') return `the list has more than ${entries(maximum)}`;
    if (origin === 'number') return 'the number is too large';
  }
  if (code === 'invalid_value' && issue.values && issue.values.length > 0 && issue.values.length <= 8)
    return `it should be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
  if (code === 'invalid_format') return 'it is not written in the form Attune expects';
  // A check's own words, written to follow the colon ("it is not a real day").
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  return null;
}

/** "The backup has a problem at “sessions.3.startedAt”: the number is too small. Nothing was imported." */
export function problemAt(noun: string, issue: Pick<SchemaIssue, 'path'> | SchemaIssue | undefined): string {
  const where = issue ? issue.path.map(String).join('.') : '';
  const reason = issue && 'code' in issue ? issueReason(issue) : null;
  return `The ${noun} has a problem${where ? ` at “${where}”` : ''}${reason ? `: ${reason}` : ''}. Nothing was imported.`;
}
