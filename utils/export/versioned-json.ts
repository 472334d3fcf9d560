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

/** "The backup has a problem at “sessions.3.startedAt”. Nothing was imported." */
export function problemAt(noun: string, path: readonly PropertyKey[] | undefined): string {
  const where = path ? path.map(String).join('.') : '';
  return `The ${noun} has a problem${where ? ` at “${where}”` : ''}. Nothing was imported.`;
}
