import { UserFacingError } from '../errors';
// Apart from the parser so that the panel can know them without loading chrono-node up front.

export interface CaptureContext {
  /** When the line was typed: dates resolve forward from here. */
  now: Date;
  mentorName: string;
  menteeName: string;
  /**
   * The browser's language tag (navigator.language), which decides how "02/03" is read:
   * month first for the United States and the few places that write dates that way, day first
   * elsewhere. By default day first.
   */
  locale?: string;
}

export interface CapturedCommitment {
  owner: string;
  action: string;
  /** YYYY-MM-DD, or null when no date was said. */
  due: string | null;
  /** HH:mm (local) when a time was said with the date ("Tuesday 3pm"); absent otherwise. */
  dueTime?: string;
}

export class CaptureError extends UserFacingError {
  override readonly name = 'CaptureError';
}
