import type { RelationshipMode } from '../db/types';

/** How the panel names the two people and their agreement in each kind of relationship (seed 001). */
export interface RoleWords {
  /** The person using Attune: the relationship's `mentorName`. */
  first: string;
  /** The other person: the relationship's `menteeName`. */
  second: string;
  /** "mentoring agreement", in the middle of a sentence. */
  agreement: string;
  /** What the agreement's goals are about. */
  goalsHint: string;
  /** Said when a name is missing. */
  bothNames: string;
}

// Co-coaches are peers who coach each other in turn: neither is the mentor or the mentee.
const WORDS: Record<RelationshipMode, RoleWords> = {
  mentoring: {
    first: 'Mentor',
    second: 'Mentee',
    agreement: 'mentoring agreement',
    goalsHint: 'What the mentee wants to be able to do by the end',
    bothNames: 'Give both names: the mentor’s and the mentee’s.',
  },
  'specialist-coaching': {
    first: 'Coach',
    second: 'Coachee',
    agreement: 'coaching agreement',
    goalsHint: 'What the coachee wants to be able to do by the end',
    bothNames: 'Give both names: the coach’s and the coachee’s.',
  },
  'co-coaching': {
    first: 'You',
    second: 'Your co-coach',
    agreement: 'co-coaching agreement',
    goalsHint: 'What each of you wants to be able to do by the end',
    bothNames: 'Give both names: yours and your co-coach’s.',
  },
};

export function roleWords(mode: RelationshipMode): RoleWords {
  return WORDS[mode];
}

/** A relationship as the panel and the dashboard name it: "Alex Morgan & Priya Shah". */
export function relationshipLabel(rel: { mentorName: string; menteeName: string }): string {
  return `${rel.mentorName} & ${rel.menteeName}`;
}
