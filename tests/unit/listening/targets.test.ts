import { describe, expect, it } from 'vitest';
import { DEFAULT_LISTENING_TARGETS } from '../../../utils/listening/follow';
import { parseListeningTargets } from '../../../utils/listening/targets';

describe('parseListeningTargets', () => {
  it('asks specialist coaching for more listening than mentoring', () => {
    expect(DEFAULT_LISTENING_TARGETS['specialist-coaching']).toBeGreaterThan(DEFAULT_LISTENING_TARGETS.mentoring);
  });

  it('keeps saved targets and falls back to the default for missing or damaged ones', () => {
    expect(parseListeningTargets({ mentoring: 0.5, 'co-coaching': 'lots', 'specialist-coaching': 3 })).toEqual({
      mentoring: 0.5,
      'co-coaching': DEFAULT_LISTENING_TARGETS['co-coaching'],
      'specialist-coaching': DEFAULT_LISTENING_TARGETS['specialist-coaching'],
    });
    expect(parseListeningTargets(undefined)).toEqual(DEFAULT_LISTENING_TARGETS);
  });
});
