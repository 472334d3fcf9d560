import { describe, expect, it } from 'vitest';
import { parseExtensionMessage } from '@/utils/messaging-schema';

describe('parseExtensionMessage', () => {
  it('accepts a well-formed call snapshot', () => {
    const msg = { type: 'call-snapshot', snapshot: { platform: 'zoom', state: 'lobby', title: null, selfName: 'Sam', controlsFound: true } };
    expect(parseExtensionMessage(msg)).toEqual(msg);
  });

  it.each([
    ['an unknown type', { type: 'delete-everything' }],
    ['an unknown platform', { type: 'call-snapshot', snapshot: { platform: 'skype', state: 'lobby', title: null, selfName: null, controlsFound: true } }],
    ['an oversized title', { type: 'call-snapshot', snapshot: { platform: 'meet', state: 'lobby', title: 'x'.repeat(201), selfName: null, controlsFound: true } }],
    ['a string', 'call-snapshot'],
    ['nothing', undefined],
  ])('rejects %s', (_name, raw) => {
    expect(parseExtensionMessage(raw)).toBeNull();
  });
});
