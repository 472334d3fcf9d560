import { describe, expect, it } from 'vitest';
import { captionStatusSentence } from '@/utils/captions/status-sentence';

describe('captionStatusSentence', () => {
  it('says nothing while captions are being read', () => {
    expect(captionStatusSentence('meet', 'on')).toBeNull();
  });

  it.each([
    ['meet', /CC button .*press C/],
    ['teams', /More .*Language and speech.*Turn on live captions/],
    ['zoom', /Captions \(CC\).*Show captions.*host/],
  ] as const)('tells the mentor how to switch captions on in %s', (platform, how) => {
    expect(captionStatusSentence(platform, 'off')).toMatch(how);
  });

  it('says plainly when the page is not recognised', () => {
    expect(captionStatusSentence('zoom', 'unrecognised')).toBe(
      "Attune can't find the captions on this page: Zoom may have changed its layout. The session goes on without a transcript.",
    );
  });
});
