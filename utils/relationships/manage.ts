import type { CommitmentRecord, RelationshipMode, RelationshipRecord, SessionRecord } from '../db/types';
import { RelationshipInputError } from './new-relationship';
import { roleWords } from './role-words';
import { moveCommitmentsToRelationship } from './move-commitments';
import { UserFacingError } from '../errors';

const MAX_NAME_LENGTH = 80;
// RFC 5321's limit on a forward path; longer cannot be delivered anyway.
const MAX_EMAIL_LENGTH = 254;
// One @, something either side, a dot in the domain, no spaces: enough to catch a slip of the
// finger; whether the address exists only the mentee's mail server can say.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What the mentor can change about a relationship from the dashboard. */
export interface RelationshipDetails {
  mentorName: string;
  menteeName: string;
  mode: RelationshipMode;
  /** Empty: no address. */
  email: string;
}

/** The address tidied, or '' for none; a RelationshipInputError when it cannot be an address. */
export function tidyEmail(email: string): string {
  const tidy = email.trim();
  if (!tidy) return '';
  if (tidy.length > MAX_EMAIL_LENGTH || !EMAIL_SHAPE.test(tidy)) {
    throw new RelationshipInputError(
      'That e-mail address does not look complete: it needs a name, an @ and a domain, like priya@example.org.',
    );
  }
  return tidy;
}

/**
 * The relationship renamed, of another kind, with the mentee's e-mail (or none): everything else,
 * the agreement included, stays. Throws a RelationshipInputError for a missing or long name or
 * an address that cannot be one.
 */
export function editRelationshipDetails(
  rel: RelationshipRecord,
  details: RelationshipDetails,
  now: number,
): RelationshipRecord {
  const mentorName = details.mentorName.trim().replace(/\s+/g, ' ');
  const menteeName = details.menteeName.trim().replace(/\s+/g, ' ');
  if (!mentorName || !menteeName) throw new RelationshipInputError(roleWords(details.mode).bothNames);
  if (mentorName.length > MAX_NAME_LENGTH || menteeName.length > MAX_NAME_LENGTH) {
    throw new RelationshipInputError(`Names can be at most ${MAX_NAME_LENGTH} characters.`);
  }
  const email = tidyEmail(details.email);
  const next: RelationshipRecord = {
    ...rel,
    mentorName,
    menteeName,
    mode: details.mode,
    menteeEmail: email,
    updatedAt: now,
  };
  if (!email) delete next.menteeEmail;
  return next;
}

export function isArchived(rel: Pick<RelationshipRecord, 'archivedAt'>): boolean {
  return typeof rel.archivedAt === 'number';
}

/** Archived at the end of the relationship: it reaches the "moving on" stage (seed 002) and leaves the picker. */
export function archiveRelationship(rel: RelationshipRecord, now: number): RelationshipRecord {
  return { ...rel, stage: 'moving-on', archivedAt: now, updatedAt: now };
}

/** Back in the picker; the stage stays where it is, for the mentor to change. */
export function unarchiveRelationship(rel: RelationshipRecord, now: number): RelationshipRecord {
  return { ...rel, archivedAt: null, updatedAt: now };
}

/** The relationships the panel offers to link a call to: the archived ones are left out. */
export function activeRelationships<T extends Pick<RelationshipRecord, 'archivedAt'>>(list: readonly T[]): T[] {
  return list.filter((r) => !isArchived(r));
}

/** What merging one relationship into another writes, all in one transaction. */
export interface RelationshipMerge {
  /** The relationship that stays, with what the merged one adds. */
  into: RelationshipRecord;
  /** Every session of the merged relationship, now the kept one's. */
  sessions: SessionRecord[];
  /** Every commitment of the merged relationship, now the kept one's (owners by their old names take the new ones). */
  commitments: CommitmentRecord[];
  /** The id of the record to delete. */
  removedId: string;
}

export class RelationshipMergeError extends UserFacingError {
  override readonly name = 'RelationshipMergeError';
}

/**
 * Merges `from` into `into` (the same pair, recorded twice): its sessions and commitments move
 * over unchanged but for their relationship (and an owner named as one of the pair by the merged
 * record's names takes the kept record's), so nothing is lost. The kept record keeps its names,
 * kind, stage and agreement; it takes the earlier start, the merged one's e-mail when it has
 * none, and the merged one's agreement when its own was never written.
 */
export function mergeRelationships(
  from: RelationshipRecord,
  into: RelationshipRecord,
  records: { sessions: readonly SessionRecord[]; commitments: readonly CommitmentRecord[] },
  now: number,
): RelationshipMerge {
  if (from.id === into.id)
    throw new RelationshipMergeError(
      'A relationship cannot be merged into itself: choose the other record of the pair.',
    );
  const sessions = records.sessions
    .filter((s) => s.relationshipId === from.id)
    .map((s) => ({ ...s, relationshipId: into.id }));
  const theirs = records.commitments.filter((c) => c.relationshipId === from.id);
  const moved = moveCommitmentsToRelationship(theirs, { relationshipId: from.id, names: from }, into, now);
  const email = into.menteeEmail ?? from.menteeEmail;
  return {
    into: {
      ...into,
      createdAt: Math.min(into.createdAt, from.createdAt),
      agreement: agreementIsBlank(into.agreement) ? from.agreement : into.agreement,
      ...(email ? { menteeEmail: email } : {}),
      updatedAt: now,
    },
    sessions,
    commitments: moved,
    removedId: from.id,
  };
}

function agreementIsBlank(agreement: RelationshipRecord['agreement']): boolean {
  const { acknowledgements, ...text } = agreement;
  return acknowledgements.length === 0 && Object.values(text).every((v) => !v.trim());
}
