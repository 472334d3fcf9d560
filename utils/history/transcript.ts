import type { TranscriptLine } from '../db/types';
import type { SessionMoves } from '../listening/follow';
import { classifyQuestion } from '../questions/classify';
import { isMentorSpeaker } from '../questions/tally';

export type AskedKind = 'open' | 'closed' | 'leading';

/** One line of a kept transcript, as the session's report shows it. */
export interface TranscriptRow {
  /** Minutes and seconds into the session ("12:05"), or hours too past the first hour ("1:02:05"). */
  clock: string;
  speaker: string;
  text: string;
  mentor: boolean;
  /** The mentor's question and its kind; null for the mentee's lines and the mentor's statements. */
  question: AskedKind | null;
}

const ASKED = new Set<string>(['open', 'closed', 'leading']);

/** How far into the session a moment is, as a clock; a line stamped before the start counts as 0:00. */
export function clockInto(at: number, startedAt: number): string {
  const total = Math.max(0, Math.floor((at - startedAt) / 1_000));
  const hours = Math.floor(total / 3_600);
  const minutes = Math.floor((total % 3_600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/**
 * The kept transcript as rows, in the order spoken. A line is the mentor's when its speaker is
 * "You" or the mentor's name, or when the listening moves counted a mentor turn that ended with
 * it; the mentor's questions carry their kind, as counted at the time where a move was saved,
 * else as the question checker reads them now.
 */
export function transcriptRows(
  transcript: readonly TranscriptLine[] | null,
  startedAt: number,
  mentorNames: ReadonlyArray<string | null | undefined>,
  moves?: SessionMoves,
): TranscriptRow[] {
  if (!transcript) return [];
  const moveAt = new Map<number, string>();
  for (const turn of moves?.turns ?? []) moveAt.set(turn.at, turn.move);
  return [...transcript]
    .sort((a, b) => a.at - b.at)
    .map((line) => {
      const move = moveAt.get(line.endedAt);
      // The platform's self mark where it was kept; lines kept before it was recorded have the
      // platform's own "You" label to go on (what the panel read them by then).
      const self = line.self ?? (line.speaker.trim().toLocaleLowerCase() === 'you' ? true : undefined);
      const mentor = move !== undefined || isMentorSpeaker(line.speaker, mentorNames, self, line.sharedName);
      let question: AskedKind | null = null;
      if (mentor && move !== undefined) question = ASKED.has(move) ? (move as AskedKind) : null;
      else if (mentor) {
        const kind = classifyQuestion(line.text).kind;
        question = kind === 'statement' ? null : kind;
      }
      return {
        clock: clockInto(line.at, startedAt),
        speaker: line.speaker || 'Someone',
        text: line.text,
        mentor,
        question,
      };
    });
}

/** The rows whose words or speaker contain every word of the query (any case, any accents). */
export function searchTranscript(rows: readonly TranscriptRow[], query: string): TranscriptRow[] {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((row) => {
    const text = fold(`${row.speaker} ${row.text}`);
    return words.every((w) => text.includes(w));
  });
}
