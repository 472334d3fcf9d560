import type { MentoringAgreement, RelationshipMode, RelationshipRecord } from '../db/types';

export interface NewRelationshipInput {
  mentorName: string;
  menteeName: string;
  mode: RelationshipMode;
}

export class RelationshipInputError extends Error {
  override readonly name = 'RelationshipInputError';
}

const MAX_NAME_LENGTH = 80;

export function emptyAgreement(): MentoringAgreement {
  return { goals: '', groundRules: '', confidentiality: '', cadence: '', feedback: '', ending: '', acknowledgements: [] };
}

/** A new relationship at its first stage (creating it), with an agreement still to write. */
export function newRelationship(input: NewRelationshipInput, deps: { now: number; id: string }): RelationshipRecord {
  const mentorName = input.mentorName.trim();
  const menteeName = input.menteeName.trim();
  if (!mentorName || !menteeName) throw new RelationshipInputError('Give both names: the mentor’s and the mentee’s.');
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
