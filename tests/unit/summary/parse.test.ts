import { describe, expect, it } from 'vitest';
import { normaliseDue, parseSummary } from '@/utils/summary/parse';
import { restoreNames } from '@/utils/summary/restore-names';
import { SummaryError } from '@/utils/summary/errors';

// Wednesday 25 November 2026, the day the summary is made.
const NOW = new Date(2026, 10, 25, 16, 0);
const reply = (agreedActions: unknown[]) =>
  JSON.stringify({ themes: ['Delegation'], insights: [], agreedActions, nextFocus: 'The handover.' });

describe('parseSummary', () => {
  it('keeps a summary whose model wrote a due date in words, reading the date from the day it was made', () => {
    const summary = parseSummary(
      reply([
        { owner: 'Priya', action: 'Send the deck', due: 'Friday' },
        { owner: 'Priya', action: 'Book HR', due: '2026-12-04' },
        { owner: 'Alex', action: 'Intro to Dana', due: '2026-12-09T14:30:00Z' },
        { owner: 'Priya', action: 'Think it over', due: 'when she is ready' },
        { owner: 'Priya', action: 'Rest', due: null },
      ]),
      NOW,
    );
    expect(summary.agreedActions).toEqual([
      { owner: 'Priya', action: 'Send the deck', due: '2026-11-27' },
      { owner: 'Priya', action: 'Book HR', due: '2026-12-04' },
      { owner: 'Alex', action: 'Intro to Dana', due: '2026-12-09' },
      { owner: 'Priya', action: 'Think it over (when she is ready)', due: null },
      { owner: 'Priya', action: 'Rest', due: null },
    ]);
  });

  it('still refuses what is not a summary', () => {
    expect(() => parseSummary('{"themes": "not a list"}', NOW)).toThrow(SummaryError);
    expect(() => parseSummary(reply([{ owner: 'Priya', action: 'x', due: 42 }]), NOW)).toThrow(SummaryError);
  });

  it.each([
    ['2026-12-04', '2026-12-04'],
    ['tomorrow', '2026-11-26'],
    ['25 November', '2026-11-25'],
    ['no date', null],
    ['2026-13-45', null],
  ])('reads the due “%s” as %s', (due, expected) => {
    expect(normaliseDue(due, NOW)).toBe(expected);
  });
});

describe('restoreNames', () => {
  it('puts the hidden names back in owners and sentences', () => {
    const restored = restoreNames(
      {
        themes: ['How the mentee delegates'],
        insights: ['The mentee said the mentor helped'],
        agreedActions: [
          { owner: 'the mentee', action: 'Send Sam the budget', due: null },
          { owner: 'The Mentor', action: 'Introduce the mentee to Dana', due: null },
        ],
        nextFocus: 'Whether the mentee let go.',
      },
      { 'the mentee': 'Priya Shah', 'the mentor': 'Alex Morgan' },
    );
    expect(restored).toEqual({
      themes: ['How Priya Shah delegates'],
      insights: ['Priya Shah said Alex Morgan helped'],
      agreedActions: [
        { owner: 'Priya Shah', action: 'Send Sam the budget', due: null },
        { owner: 'Alex Morgan', action: 'Introduce Priya Shah to Dana', due: null },
      ],
      nextFocus: 'Whether Priya Shah let go.',
    });
  });
});
