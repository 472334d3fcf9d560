import type { TranscriptLine } from '../db/types';
import type { SessionMoves } from './follow';
import { LISTENING_MOVES, type ListeningMove } from './types';

export const MOVE_LABELS: Readonly<Record<ListeningMove, string>> = Object.freeze({
  open: 'Open questions',
  closed: 'Closed questions',
  leading: 'Leading questions',
  restating: 'Restating',
  summarising: 'Summarising',
  advice: 'Advice',
  sharing: 'Own stories',
  encouraging: 'Encouraging',
  other: 'Other (greetings, logistics)',
});

export interface MoveReportRow {
  move: ListeningMove;
  label: string;
  count: number;
  /** The mentor's words behind the count, from the kept transcript; empty when none was kept. */
  turns: string[];
}

/**
 * One row per move, with the transcript lines behind each count when the transcript was kept.
 * A saved turn is matched to the transcript line that ended at the same moment.
 */
export function moveReport(moves: SessionMoves | undefined, transcript: TranscriptLine[] | null): MoveReportRow[] {
  if (!moves) return [];
  const textAt = new Map<number, string>();
  for (const line of transcript ?? []) if (!textAt.has(line.endedAt)) textAt.set(line.endedAt, line.text);
  return LISTENING_MOVES.map((move) => ({
    move,
    label: MOVE_LABELS[move],
    count: moves.counts[move] ?? 0,
    turns: moves.turns
      .filter((t) => t.move === move)
      .flatMap((t) => {
        const text = textAt.get(t.at);
        return text === undefined ? [] : [text];
      }),
  }));
}
