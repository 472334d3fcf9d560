export type Platform = 'meet' | 'zoom' | 'teams';

/** Where the local user is in the call, as far as the page shows it. */
export type CallState = 'lobby' | 'in-call' | 'left' | 'unknown';

/** What a platform adapter reads from the call page at one moment. */
export interface CallSnapshot {
  platform: Platform;
  state: CallState;
  /** The meeting's title when the page shows one. */
  title: string | null;
  /** The local user's display name when the page shows it. */
  selfName: string | null;
  /** False when none of the selector table's call controls matched: the DOM has changed. */
  controlsFound: boolean;
}

/** Whom the call page highlights as speaking now (both at once when they overlap). */
export interface ActiveSpeakerHighlight {
  self: boolean;
  other: boolean;
  /** False when the page shows none of the table's participant tiles or speaking indicators. */
  found: boolean;
}
