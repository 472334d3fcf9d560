import { describe, expect, it } from 'vitest';
import { toDbError } from '@/utils/db/errors';

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
