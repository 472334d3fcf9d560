import { describe, expect, it } from 'vitest';
import { errorSentence, UserFacingError } from '@/utils/errors';
import { DbError } from '@/utils/db/errors';
import { ImportError } from '@/utils/export/import-error';
import { PassphraseError } from '@/utils/crypto/passphrase';
import { CaptureError } from '@/utils/commitments/capture-types';
import { CommitmentEditError } from '@/utils/commitments/edit';
import { PlanInputError } from '@/utils/relationships/prepare';
import { RelationshipInputError } from '@/utils/relationships/new-relationship';
import { RelationshipMergeError } from '@/utils/relationships/manage';
import { ReminderSettingsError } from '@/utils/reminders/schedule';
import { SummaryError } from '@/utils/summary/errors';
import { CustomisationError } from '@/utils/frameworks/customise';
import { ModelImportError } from '@/utils/frameworks/model-json';
import { MissingServiceError } from '@/utils/services';

describe('errorSentence: one way from an error to the mentor’s sentence', () => {
  it('shows the message of every error written for the mentor, keeping each its own name', () => {
    const written = [
      new DbError('quota'),
      new ImportError('That file is not an Attune export.'),
      new PassphraseError('wrong-passphrase'),
      new CaptureError('Say what will be done.'),
      new CommitmentEditError('An action cannot be empty.'),
      new PlanInputError('Minutes are whole numbers.'),
      new RelationshipInputError('Give the mentee a name.'),
      new RelationshipMergeError('Those two are not the same pair.'),
      new ReminderSettingsError('A time is like 09:30.'),
      new SummaryError('bad-key'),
      new CustomisationError('Type the question you want to add.'),
      new ModelImportError('Nothing was imported.'),
    ];
    for (const error of written) {
      expect(error).toBeInstanceOf(UserFacingError);
      expect(errorSentence(error, 'fallback')).toBe(error.message);
      expect(error.name).not.toBe('UserFacingError');
      expect(error.message.length).toBeGreaterThan(0);
    }
  });

  it('never shows the message of a bug, a browser failure or anything thrown that is not an error', () => {
    for (const thrown of [
      new TypeError('Cannot read properties of undefined'),
      new DOMException('The transaction was aborted', 'AbortError'),
      new MissingServiceError('sessions'),
      'a string',
      undefined,
    ]) {
      expect(errorSentence(thrown, 'Attune could not save that. Try again.')).toBe(
        'Attune could not save that. Try again.',
      );
    }
  });
});
