import type { QuestionTallies } from '../db/types';
import { classifyQuestion } from './classify';

/** A closed or leading question the mentor just asked, with an open way to ask it. */
export interface FlaggedQuestion {
  text: string;
  kind: 'closed' | 'leading';
  suggestion: string | null;
  at: number;
}

export const EMPTY_TALLIES: QuestionTallies = { open: 0, closed: 0, leading: 0, stacked: 0 };

/**
 * Whether a caption line is the mentor's. The caption reader's own verdict comes first: where the
 * platform marks the local user's lines itself (`self`), that is the answer. Failing that, only a
 * whole display name counts: the local user's name as the platform shows it, or the mentor's
 * name. A first name alone is not enough, since a guest called "Alex" is not Alex Morgan, and
 * "You" is no one's name: a guest may call themselves that (issue 13). Meet's own "You" label
 * counts only through the reader's mark, which reads it from Meet's self tile. A line whose name
 * another participant shows as well (`sharedName`: a guest using the mentor's full name) is no
 * one's for certain, so it is never the mentor's.
 */
export function isMentorSpeaker(
  speaker: string,
  mentorNames: ReadonlyArray<string | null | undefined>,
  self?: boolean,
  sharedName?: boolean,
): boolean {
  if (sharedName) return false;
  if (self !== undefined) return self;
  const said = speaker.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  if (!said) return false;
  return mentorNames.some((name) => name && name.trim().replace(/\s+/g, ' ').toLocaleLowerCase() === said);
}

/**
 * Adds one of the mentor's utterances to the session's tallies. Statements change nothing; a
 * closed or leading question comes back flagged, with the checker's open rephrasing.
 */
export function tallyUtterance(
  tallies: QuestionTallies,
  text: string,
  at: number,
): { tallies: QuestionTallies; flagged: FlaggedQuestion | null } {
  const verdict = classifyQuestion(text);
  if (verdict.kind === 'statement') return { tallies, flagged: null };
  const next = {
    ...tallies,
    [verdict.kind]: tallies[verdict.kind] + 1,
    stacked: tallies.stacked + (verdict.stacked ? 1 : 0),
  };
  const flagged =
    verdict.kind === 'open'
      ? null
      : { text: text.trim(), kind: verdict.kind, suggestion: verdict.suggestion ?? null, at };
  return { tallies: next, flagged };
}

/** Open questions as a share of all questions asked, or null before the first question. */
export function openRatio(tallies: QuestionTallies): number | null {
  const asked = tallies.open + tallies.closed + tallies.leading;
  return asked === 0 ? null : tallies.open / asked;
}
