import type { MentoringAgreement, RelationshipRecord } from '../db/types';

export type AgreementTextField = Exclude<keyof MentoringAgreement, 'acknowledgements'>;

/** The parts of a mentoring agreement (seeds 002 and 004), with a nudge for what to write. */
export const AGREEMENT_PARTS: ReadonlyArray<{ field: AgreementTextField; label: string; hint: string }> = [
  { field: 'goals', label: 'Goals', hint: 'What the mentee wants to be able to do by the end' },
  {
    field: 'groundRules',
    label: 'Ground rules',
    hint: 'How you will work together: preparation, cancelling, contact between sessions',
  },
  { field: 'confidentiality', label: 'Confidentiality', hint: 'What stays between you, and the limits of that' },
  { field: 'cadence', label: 'Sessions', hint: 'How often you meet and for how long' },
  { field: 'feedback', label: 'Feedback', hint: 'How each of you wants to give and hear feedback' },
  { field: 'ending', label: 'Ending', hint: 'How and when the formal relationship ends, and how you will review it' },
];

export const MAX_AGREEMENT_PART = 2_000;

export interface AgreementStatus {
  /** Parts still empty, in the order of AGREEMENT_PARTS. */
  missing: AgreementTextField[];
  /** Names of the two people who have not acknowledged the current text. */
  unacknowledged: string[];
  complete: boolean;
}

/** What is left before the agreement is written in full and acknowledged by both people. */
export function agreementStatus(
  rel: Pick<RelationshipRecord, 'agreement' | 'mentorName' | 'menteeName'>,
): AgreementStatus {
  const missing = AGREEMENT_PARTS.filter((p) => !rel.agreement[p.field].trim()).map((p) => p.field);
  const acknowledged = new Set(rel.agreement.acknowledgements.map((a) => a.name));
  const unacknowledged = [rel.mentorName, rel.menteeName].filter((name) => !acknowledged.has(name));
  return { missing, unacknowledged, complete: missing.length === 0 && unacknowledged.length === 0 };
}

/**
 * The agreement with new text. When any part's text changes, earlier acknowledgements no longer
 * hold (they were given to other words), so they are cleared.
 */
export function editAgreement(
  agreement: MentoringAgreement,
  text: Partial<Record<AgreementTextField, string>>,
): MentoringAgreement {
  const next: MentoringAgreement = { ...agreement, acknowledgements: [...agreement.acknowledgements] };
  let changed = false;
  for (const { field } of AGREEMENT_PARTS) {
    const value = text[field];
    if (value === undefined) continue;
    const tidy = value.trim().slice(0, MAX_AGREEMENT_PART);
    if (tidy !== agreement[field]) {
      next[field] = tidy;
      changed = true;
    }
  }
  if (changed) next.acknowledgements = [];
  return next;
}

/** Records that one of the two people acknowledged the agreement as it stands, today. */
export function acknowledgeAgreement(agreement: MentoringAgreement, name: string, now: number): MentoringAgreement {
  return {
    ...agreement,
    acknowledgements: [...agreement.acknowledgements.filter((a) => a.name !== name), { name, at: now }],
  };
}
