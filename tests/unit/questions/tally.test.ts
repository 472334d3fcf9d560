import { describe, expect, it } from 'vitest';
import { EMPTY_TALLIES, isMentorSpeaker, openRatio, tallyUtterance } from '@/utils/questions/tally';

describe('the mentor’s questions from captions', () => {
  it.each([
    ['You', true],
    ['Alex Morgan', true],
    ['alex', true],
    ['Priya Shah', false],
    ['', false],
    ['Alexandra', false],
  ])('“%s” is the mentor: %s', (speaker, mine) => {
    expect(isMentorSpeaker(speaker, ['Alex Morgan', null])).toBe(mine);
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
