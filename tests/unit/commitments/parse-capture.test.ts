import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CaptureError, parseCapture } from '@/utils/commitments/parse-capture';

// Wednesday 25 November 2026, mid-morning.
const ctx = { now: new Date(2026, 10, 25, 10, 30), mentorName: 'Alex', menteeName: 'Priya' };

describe('parseCapture', () => {
  it.each([
    ['Sam: send the draft CV by Friday', 'Sam', 'Send the draft CV', '2026-11-27'],
    ['send the draft CV by Friday', 'Priya', 'Send the draft CV', '2026-11-27'],
    ['Priya: book a slot with HR tomorrow', 'Priya', 'Book a slot with HR', '2026-11-26'],
    ["I'll share the article by Monday", 'Alex', 'Share the article', '2026-11-30'],
    ['I will introduce Priya to Dana next week', 'Alex', 'Introduce Priya to Dana', '2026-12-02'],
    ["you'll draft the brief before 3 December", 'Priya', 'Draft the brief', '2026-12-03'],
    ['me: check in with her manager on 10/12', 'Alex', 'Check in with her manager', '2026-12-10'],
    ['mentee: write down three options', 'Priya', 'Write down three options', null],
    ['Sam will hand over the budget review by the 15th', 'Sam', 'Hand over the budget review', '2026-12-15'],
    ["we'll review progress in two weeks", 'Alex and Priya', 'Review progress', '2026-12-09'],
    ['José: ask for feedback on Tuesday', 'José', 'Ask for feedback', '2026-12-01'],
    ['talk to the team about delegation', 'Priya', 'Talk to the team about delegation', null],
    ['finish the report by 5 January', 'Priya', 'Finish the report', '2027-01-05'],
    ['Priya: book a slot with HR, by 4 December', 'Priya', 'Book a slot with HR', '2026-12-04'],
    ['call the client – on Thursday.', 'Priya', 'Call the client', '2026-11-26'],
  ])('reads “%s”', (line, owner, action, due) => {
    expect(parseCapture(line, ctx)).toEqual({ owner, action, due });
  });

  it('reads a date said on that very day as today, whatever the hour', () => {
    for (const hour of [8, 12, 17, 23]) {
      const onTheDay = { ...ctx, now: new Date(2026, 11, 4, hour, 45) };
      expect(parseCapture('book a slot with HR by 4 December', onTheDay).due).toBe('2026-12-04');
    }
    // The day after, the same words mean next year's.
    expect(parseCapture('book a slot with HR by 4 December', { ...ctx, now: new Date(2026, 11, 5, 9) }).due).toBe(
      '2027-12-04',
    );
  });

  it('reads a weekday said on that very day as today, with or without a time, at any hour', () => {
    for (const hour of [9, 13, 18]) {
      const friday = { ...ctx, now: new Date(2026, 10, 27, hour) };
      expect(parseCapture('send the draft by Friday', friday).due).toBe('2026-11-27');
      expect(parseCapture('send the draft due Friday 5pm', friday)).toMatchObject({
        due: '2026-11-27',
        dueTime: '17:00',
      });
    }
  });

  it.each([
    ['Priya: call the client next Tuesday 3pm', '2026-12-01', '15:00'],
    ['book the room tomorrow at 9:30', '2026-11-26', '09:30'],
    ['send it by Friday', '2026-11-27', undefined],
  ])('keeps the time said with the date: “%s”', (line, due, time) => {
    const parsed = parseCapture(line, ctx);
    expect(parsed.due).toBe(due);
    expect(parsed.dueTime).toBe(time);
  });

  it.each([
    ['en-US', '2026-12-01', '2027-02-03'],
    ['en-GB', '2027-01-12', '2027-03-02'],
    ['fr-FR', '2027-01-12', '2027-03-02'],
    ['en-PH', '2026-12-01', '2027-02-03'],
  ])('reads numeric dates as %s writes them', (locale, first, second) => {
    expect(parseCapture('check in on 12/01', { ...ctx, locale }).due).toBe(first);
    expect(parseCapture('check in on 02/03', { ...ctx, locale }).due).toBe(second);
  });

  it.each([
    'Note: 3 things to try',
    'TODO: read the chapter',
    'Next steps: map the stakeholders',
    'Reminder: ask for feedback',
  ])('does not take the label of “%s” for a person', (line) => {
    const parsed = parseCapture(line, ctx);
    expect(parsed.owner).toBe('Priya');
    expect(parsed.action).toBe(
      line
        .split(':')[1]!
        .trim()
        .replace(/^./, (c) => c.toUpperCase()),
    );
  });

  it('spells the mentor’s or mentee’s first name as the relationship does', () => {
    const full = { ...ctx, mentorName: 'Alex Morgan', menteeName: 'Priya Shah' };
    expect(parseCapture('priya: book a slot', full).owner).toBe('Priya Shah');
    expect(parseCapture('Alex will share the article', full).owner).toBe('Alex Morgan');
    expect(parseCapture('Priya Shah: book a slot', full).owner).toBe('Priya Shah');
    expect(parseCapture('Pri: book a slot', full).owner).toBe('Pri');
  });

  it.each([
    ['', /Type who will do what/],
    ['   ', /Type who will do what/],
    ['by Friday', /not only when/],
    ['x'.repeat(501), /under 500/],
  ])('explains what is missing in “%s”', (line, message) => {
    expect(() => parseCapture(line, ctx)).toThrow(CaptureError);
    expect(() => parseCapture(line, ctx)).toThrow(message);
  });

  it('never throws anything but its own error, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (line) => {
        try {
          const c = parseCapture(line, ctx);
          expect(c.action.length).toBeGreaterThan(0);
          expect(c.due === null || /^\d{4}-\d{2}-\d{2}$/.test(c.due)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(CaptureError);
        }
      }),
      { numRuns: 1_000 },
    );
  });
});
