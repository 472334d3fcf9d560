import { describe, expect, it } from 'vitest';
import { DbError, toDbError, withDbErrors } from '@/utils/db/errors';

describe('toDbError', () => {
  it.each([
    ['QuotaExceededError', 'quota', /storage is full/],
    ['InvalidStateError', 'unavailable', /site storage turned off/],
    ['VersionError', 'newer-version', /newer version/],
    ['AbortError', 'unknown', /could not save/],
  ])('turns %s into a sentence the user can act on', (name, failure, sentence) => {
    const error = toDbError(new DOMException('boom', name));
    expect(error.failure).toBe(failure);
    expect(error.message).toMatch(sentence);
    expect(error.message).not.toContain('boom');
  });
});

describe('withDbErrors: one error wrapper for the repositories', () => {
  it('turns any method’s IndexedDB failure into the mentor’s sentence, and passes results through', async () => {
    const repo = withDbErrors({
      async put(_id: string): Promise<void> {
        throw new DOMException('quota exceeded while writing', 'QuotaExceededError');
      },
      async get(id: string): Promise<string> {
        return `record ${id}`;
      },
    });
    await expect(repo.get('a')).resolves.toBe('record a');
    const failure = await repo.put('a').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DbError);
    expect((failure as DbError).failure).toBe('quota');
    expect((failure as DbError).message).toMatch(/storage is full/);
  });
});
