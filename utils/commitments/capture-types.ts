// Apart from the parser so that the panel can know them without loading chrono-node up front.

export interface CaptureContext {
  /** When the line was typed: dates resolve forward from here. */
  now: Date;
  mentorName: string;
  menteeName: string;
}

export interface CapturedCommitment {
  owner: string;
  action: string;
  /** YYYY-MM-DD, or null when no date was said. */
  due: string | null;
}

export class CaptureError extends Error {
  override readonly name = 'CaptureError';
}
