import { describe, expect, it } from 'vitest';
import { clockInto, searchTranscript, transcriptRows } from '@/utils/history/transcript';
import type { TranscriptLine } from '@/utils/db/types';

const START = Date.UTC(2026, 11, 1, 10);
const line = (seconds: number, speaker: string, text: string): TranscriptLine => ({
  speaker,
  text,
  at: START + seconds * 1_000,
  endedAt: START + seconds * 1_000 + 3_000,
});
const transcript: TranscriptLine[] = [
  line(5, 'Alex Morgan', 'What would you like to focus on today?'),
  line(12, 'Priya Shah', 'Delegation. I keep the hard tasks for myself.'),
  line(30, 'You', 'Did you tell your manager?'),
  line(41, 'Priya Shah', 'Not yet, why would I?'),
  line(62, 'alex  morgan', 'That sounds heavy.'),
];

describe('transcriptRows', () => {
  it('gives each line its time into the session, speaker and words, in the order spoken', () => {
    const rows = transcriptRows([...transcript].reverse(), START, ['Alex Morgan']);
    expect(rows.map((r) => [r.clock, r.speaker, r.text])).toEqual(
      transcript.map((l) => [clockInto(l.at, START), l.speaker, l.text]),
    );
    expect(rows.map((r) => r.clock)).toEqual(['0:05', '0:12', '0:30', '0:41', '1:02']);
  });

  it('marks the mentor’s questions with their kind, and never the mentee’s', () => {
    const rows = transcriptRows(transcript, START, ['Alex Morgan']);
    expect(rows.map((r) => [r.mentor, r.question])).toEqual([
      [true, 'open'],
      [false, null],
      [true, 'closed'],
      [false, null],
      [true, null],
    ]);
  });

  it('follows the platform’s self mark where the line kept it: a guest called “You” is not the mentor', () => {
    const rows = transcriptRows(
      [
        { ...line(5, 'You', 'Did you tell them?'), self: false },
        { ...line(9, 'A. Morgan', 'Did it go well?'), self: true },
      ],
      START,
      ['Alex Morgan'],
    );
    expect(rows.map((r) => r.mentor)).toEqual([false, true]);
  });

  it('takes the kind counted during the call, where a listening move was saved for the line', () => {
    const moves = {
      counts: {
        open: 0,
        closed: 0,
        leading: 1,
        restating: 0,
        summarising: 0,
        advice: 0,
        sharing: 0,
        encouraging: 0,
        other: 0,
      },
      turns: [
        { at: transcript[2]?.endedAt ?? 0, move: 'leading' as const },
        { at: transcript[1]?.endedAt ?? 0, move: 'restating' as const },
      ],
    };
    const rows = transcriptRows(transcript, START, [], moves);
    expect(rows[2]?.question).toBe('leading');
    // Counted as a mentor turn even though the name did not match (a co-coach's caption name).
    expect(rows[1]).toMatchObject({ mentor: true, question: null });
    // Without a name or a move, a line is not the mentor's.
    expect(rows[0]).toMatchObject({ mentor: false, question: null });
  });

  it('has no rows without a kept transcript', () => {
    expect(transcriptRows(null, START, ['Alex'])).toEqual([]);
  });

  it.each([
    [-5_000, '0:00'],
    [59_999, '0:59'],
    [3_600_000 + 65_000, '1:01:05'],
  ])('writes %i ms into the session as %s', (ms, clock) => {
    expect(clockInto(START + ms, START)).toBe(clock);
  });
});

describe('searchTranscript', () => {
  const rows = transcriptRows([...transcript, line(80, 'Zoë', 'Résumé ready')], START, ['Alex Morgan']);
  it('finds lines holding every word, whatever the case and accents, by words or speaker', () => {
    expect(searchTranscript(rows, 'HARD tasks').map((r) => r.clock)).toEqual(['0:12']);
    expect(searchTranscript(rows, 'resume')).toHaveLength(1);
    expect(searchTranscript(rows, 'zoe')).toHaveLength(1);
    expect(searchTranscript(rows, 'priya yet').map((r) => r.clock)).toEqual(['0:41']);
    expect(searchTranscript(rows, '  ')).toHaveLength(rows.length);
    expect(searchTranscript(rows, 'budget')).toEqual([]);
  });
});
