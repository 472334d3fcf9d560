import { UserFacingError } from '../errors';
/** Why the local database could not do what was asked, in words the user can act on. */
export type DbFailure = 'unavailable' | 'quota' | 'blocked' | 'newer-version' | 'unknown';

const SENTENCES: Record<DbFailure, string> = {
  unavailable:
    "Attune can't open its local storage: this browser profile has site storage turned off or is private. Nothing was saved.",
  quota:
    'Your disk or browser storage is full, so Attune could not save. Free some space; what you typed is still on screen.',
  blocked: 'Another Attune window is upgrading its storage. Close other Attune panels and try again.',
  'newer-version':
    'This storage was written by a newer version of Attune. Update the extension to open it; nothing was changed.',
  unknown: 'Attune could not save to its local storage. Try again; what you typed is still on screen.',
};

export class DbError extends UserFacingError {
  override readonly name = 'DbError';
  constructor(
    readonly failure: DbFailure,
    cause?: unknown,
  ) {
    super(SENTENCES[failure], { cause });
  }
}

/** Maps a DOMException from IndexedDB to a DbError with a sentence for the user. */
export function toDbError(error: unknown): DbError {
  if (error instanceof DbError) return error;
  const name =
    error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error)
      ? String((error as { name: unknown }).name)
      : '';
  if (name === 'QuotaExceededError') return new DbError('quota', error);
  if (name === 'VersionError') return new DbError('newer-version', error);
  if (name === 'InvalidStateError' || name === 'SecurityError') return new DbError('unavailable', error);
  return new DbError('unknown', error);
}

/**
 * A repository whose every method turns a failure of IndexedDB (quota, a closed database, storage
 * turned off) into a DbError with the mentor's sentence, instead of the same try/catch written
 * in each method.
 */
export function withDbErrors<R extends object>(repo: R): R {
  const wrapped: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(repo)) {
    wrapped[name] =
      typeof method === 'function'
        ? async (...args: unknown[]) => {
            try {
              return await (method as (...a: unknown[]) => unknown).apply(repo, args);
            } catch (error) {
              throw toDbError(error);
            }
          }
        : method;
  }
  return wrapped as R;
}
