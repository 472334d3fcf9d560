import type { MentoringAgreement, RelationshipMode, RelationshipRecord } from '../db/types';
import { roleWords } from './role-words';
import { UserFacingError } from '../errors';

export interface NewRelationshipInput {
  mentorName: string;
  menteeName: string;
  mode: RelationshipMode;
}

export class RelationshipInputError extends UserFacingError {
  override readonly name = 'RelationshipInputError';
}

const MAX_NAME_LENGTH = 80;

export function emptyAgreement(): MentoringAgreement {
  return {
    goals: '',
    groundRules: '',
    confidentiality: '',
    cadence: '',
    feedback: '',
    ending: '',
    acknowledgements: [],
  };
}

/** A new relationship at its first stage (creating it), with an agreement still to write. */
export function newRelationship(input: NewRelationshipInput, deps: { now: number; id: string }): RelationshipRecord {
  const mentorName = input.mentorName.trim();
  const menteeName = input.menteeName.trim();
  if (!mentorName || !menteeName) throw new RelationshipInputError(roleWords(input.mode).bothNames);
  if (mentorName.length > MAX_NAME_LENGTH || menteeName.length > MAX_NAME_LENGTH) {
    throw new RelationshipInputError(`Names can be at most ${MAX_NAME_LENGTH} characters.`);
  }
  return {
    id: deps.id,
    mentorName,
    menteeName,
    mode: input.mode,
    stage: 'creating',
    agreement: emptyAgreement(),
    createdAt: deps.now,
    updatedAt: deps.now,
  };
}

/**
 * Whether a relationship is the one these two names describe (case and spacing aside): the pair
 * is how the mentor tells relationships apart, so a second one with the same names is refused.
 */
export function sameRelationshipNames(
  rel: Pick<RelationshipRecord, 'mentorName' | 'menteeName'>,
  input: Pick<NewRelationshipInput, 'mentorName' | 'menteeName'>,
): boolean {
  const tidy = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  return tidy(rel.mentorName) === tidy(input.mentorName) && tidy(rel.menteeName) === tidy(input.menteeName);
}
