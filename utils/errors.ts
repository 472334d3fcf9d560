/**
 * An error whose message is written for the mentor, in Attune's words: the page may show it as
 * it is. Every error class of the product that reaches the mentor extends it (DbError,
 * ImportError, PassphraseError, CaptureError, …); an error of any other kind (a bug, a browser
 * failure) never shows its message, only the caller's own sentence.
 */
export class UserFacingError extends Error {
  override readonly name: string = 'UserFacingError';
}

/** The sentence to show for `error`: its own message when it was written for the mentor, else `fallback`. */
export function errorSentence(error: unknown, fallback: string): string {
  return error instanceof UserFacingError ? error.message : fallback;
}
