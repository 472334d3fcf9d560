import { describe, expect, it } from 'vitest';
import {
  bandLabel,
  parseTargetOverrides,
  shareAgainstBand,
  targetBandFor,
  validBand,
} from '@/utils/talk-time/target-band';

describe('target band', () => {
  it.each([
    ['mentoring', { minMentorShare: 0, maxMentorShare: 0.4 }],
    ['specialist-coaching', { minMentorShare: 0.2, maxMentorShare: 0.3 }],
    ['co-coaching', { minMentorShare: 0.4, maxMentorShare: 0.6 }],
  ] as const)('uses the mode defaults for %s', (mode, band) => {
    expect(targetBandFor(mode, {})).toEqual(band);
  });

  it('falls back to mentoring when the session is not linked to a relationship', () => {
    expect(targetBandFor(null, {})).toEqual({ minMentorShare: 0, maxMentorShare: 0.4 });
  });

  it('prefers the mentor’s own band for a mode', () => {
    expect(targetBandFor('mentoring', { mentoring: { minMentorShare: 0.1, maxMentorShare: 0.35 } })).toEqual({
      minMentorShare: 0.1,
      maxMentorShare: 0.35,
    });
  });

  it('drops stored bands that are malformed, out of range, reversed or for unknown modes', () => {
    expect(
      parseTargetOverrides({
        mentoring: { minMentorShare: 0.1, maxMentorShare: 0.3 },
        'specialist-coaching': { minMentorShare: 0.5, maxMentorShare: 0.2 },
        'co-coaching': { minMentorShare: 0.4, maxMentorShare: 1.4 },
        gardening: { minMentorShare: 0, maxMentorShare: 1 },
      }),
    ).toEqual({ mentoring: { minMentorShare: 0.1, maxMentorShare: 0.3 } });
    expect(parseTargetOverrides('nonsense')).toEqual({});
    expect(validBand({ minMentorShare: Number.NaN, maxMentorShare: 0.3 })).toBeNull();
  });

  it('does not judge a share until enough has been said', () => {
    const band = { minMentorShare: 0.2, maxMentorShare: 0.3 };
    expect(shareAgainstBand(0.9, 10, band)).toBe('too-early');
    expect(shareAgainstBand(0.9, 60, band)).toBe('above');
    expect(shareAgainstBand(0.25, 60, band)).toBe('within');
    expect(shareAgainstBand(0.3, 60, band)).toBe('within');
    expect(shareAgainstBand(0.1, 60, band)).toBe('below');
  });

  it('says the band in words', () => {
    expect(bandLabel({ minMentorShare: 0, maxMentorShare: 0.4 })).toBe('up to 40%');
    expect(bandLabel({ minMentorShare: 0.4, maxMentorShare: 0.6 })).toBe('40–60%');
  });
});
