import { describe, expect, it } from 'vitest';
import { parseExtensionMessage } from '@/utils/messaging-schema';

describe('parseExtensionMessage', () => {
  it('accepts a well-formed call snapshot', () => {
    const msg = {
      type: 'call-snapshot',
      snapshot: { platform: 'zoom', state: 'lobby', title: null, selfName: 'Sam', controlsFound: true },
    };
    expect(parseExtensionMessage(msg)).toEqual(msg);
  });

  it('accepts caption status and finished utterances', () => {
    const status = { type: 'caption-status', platform: 'teams', status: 'off' };
    const utterances = {
      type: 'caption-utterances',
      utterances: [{ speaker: 'Ana Ruiz', text: 'Talking through the promotion case.', at: 1, endedAt: 2 }],
    };
    expect(parseExtensionMessage(status)).toEqual(status);
    expect(parseExtensionMessage(utterances)).toEqual(utterances);
  });

  it.each([
    ['an unknown caption status', { type: 'caption-status', platform: 'meet', status: 'maybe' }],
    ['an empty utterance', { type: 'caption-utterances', utterances: [{ speaker: 'A', text: '', at: 1, endedAt: 2 }] }],
    [
      'a runaway utterance',
      { type: 'caption-utterances', utterances: [{ speaker: 'A', text: 'x'.repeat(10_001), at: 1, endedAt: 2 }] },
    ],
    [
      'too many utterances at once',
      {
        type: 'caption-utterances',
        utterances: Array.from({ length: 101 }, () => ({ speaker: 'A', text: 'Hi', at: 1, endedAt: 2 })),
      },
    ],
    ['an utterance without a time', { type: 'caption-utterances', utterances: [{ speaker: 'A', text: 'Hi' }] }],
    ['an unknown type', { type: 'delete-everything' }],
    [
      'an unknown platform',
      {
        type: 'call-snapshot',
        snapshot: { platform: 'skype', state: 'lobby', title: null, selfName: null, controlsFound: true },
      },
    ],
    [
      'an oversized title',
      {
        type: 'call-snapshot',
        snapshot: { platform: 'meet', state: 'lobby', title: 'x'.repeat(201), selfName: null, controlsFound: true },
      },
    ],
    ['a string', 'call-snapshot'],
    ['nothing', undefined],
  ])('rejects %s', (_name, raw) => {
    expect(parseExtensionMessage(raw)).toBeNull();
  });
});
