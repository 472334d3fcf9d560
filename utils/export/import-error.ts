import { UserFacingError } from '../errors';
/** A file that cannot be imported: the message says why, in words for the user. */
export class ImportError extends UserFacingError {
  override readonly name = 'ImportError';
}
