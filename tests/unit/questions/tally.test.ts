import { describe, expect, it } from 'vitest';
import { EMPTY_TALLIES, isMentorSpeaker, openRatio, tallyUtterance } from '@/utils/questions/tally';

describe('the mentor’s questions from captions', () => {
  it.each([
    ['You', false],
    ['Alex Morgan', true],
    ['alex morgan', true],
    ['Alex', false],
    ['Priya Shah', false],
    ['', false],
    ['Alexandra', false],
  ])('“%s” is the mentor: %s', (speaker, mine) => {
    expect(isMentorSpeaker(speaker, ['Alex Morgan', null])).toBe(mine);
  });

  it('does not take a guest who shares the mentor’s first name for the mentor', () => {
    expect(isMentorSpeaker('Alex', ['Alex Morgan', 'Alex Morgan'])).toBe(false);
    expect(isMentorSpeaker('Alex Morgan', ['Alex Morgan', null])).toBe(true);
  });

  it('does not take a guest called “You” for the mentor: only the reader’s mark from the platform’s self tile counts', () => {
    expect(isMentorSpeaker('You', ['Alex Morgan', null])).toBe(false);
    expect(isMentorSpeaker('You', ['Alex Morgan', null], true)).toBe(true);
  });

  it('trusts the platform’s own mark of the local user’s lines over any name', () => {
    expect(isMentorSpeaker('You', ['Alex Morgan'], false)).toBe(false);
    expect(isMentorSpeaker('Du', ['Alex Morgan'], true)).toBe(true);
  });

  it('counts open, closed, leading and stacked questions, and flags the ones to rephrase', () => {
    let tallies = EMPTY_TALLIES;
    const lines = [
      'so what would you like to focus on today',
      'did you tell your manager',
      "wouldn't it be better to just delegate it",
      'mm-hm',
      'what happened next, and did anyone notice?',
    ];
    const flags = [];
    for (const [i, line] of lines.entries()) {
      const result = tallyUtterance(tallies, line, i);
      tallies = result.tallies;
      if (result.flagged) flags.push(result.flagged);
    }
    expect(tallies).toEqual({ open: 2, closed: 1, leading: 1, stacked: 1 });
    expect(flags.map((f) => [f.kind, f.at])).toEqual([
      ['closed', 1],
      ['leading', 2],
    ]);
    expect(flags[0]?.suggestion).toBeTruthy();
    expect(openRatio(tallies)).toBe(0.5);
    expect(openRatio(EMPTY_TALLIES)).toBeNull();
  });
});
