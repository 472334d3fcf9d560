/** Why a WAV file could not be read, in words a person can act on. */
export type WavFailure = 'not-wav' | 'truncated' | 'unsupported-format' | 'malformed';

const SENTENCES: Record<WavFailure, string> = {
  'not-wav': 'This is not a WAV file (no RIFF/WAVE header).',
  truncated: 'This WAV file is cut short: its header promises more audio than the file holds.',
  'unsupported-format': 'This WAV encoding is not supported: use 16- or 24-bit PCM or 32-bit float.',
  malformed: 'This WAV file is damaged: its format description is inconsistent.',
};

export class WavError extends Error {
  override readonly name = 'WavError';
  constructor(
    readonly failure: WavFailure,
    readonly detail = '',
  ) {
    super(detail ? `${SENTENCES[failure]} (${detail})` : SENTENCES[failure]);
  }
}

/** The analyser was given something it cannot work with (bad options, a bad sample rate). */
export class TalkTimeOptionsError extends Error {
  override readonly name = 'TalkTimeOptionsError';
}
