import type { CommitmentRecord, RelationshipRecord } from '../db/types';

/** The two names a session's commitments were captured with (before a link: the placeholders). */
export interface CaptureNames {
  mentorName: string;
  menteeName: string;
}

const same = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/**
 * A session's commitments after the session is linked to `to`: the ones captured before the link
 * (no relationship) or under the relationship it had until now move to the new one, and an owner
 * who was one of the two people by their old name (the "Mentee" placeholder, say) takes the new
 * name, so the commitments come up for review with the right relationship and person. Only the
 * commitments that change are returned; other owners (a third person named in the line) stay.
 */
export function moveCommitmentsToRelationship(
  items: readonly CommitmentRecord[],
  from: { relationshipId: string | null; names: CaptureNames },
  to: Pick<RelationshipRecord, 'id' | 'mentorName' | 'menteeName'>,
  now: number,
): CommitmentRecord[] {
  return items
    .filter((c) => c.relationshipId === null || c.relationshipId === from.relationshipId)
    .map((c) => {
      const owner = same(c.owner, from.names.menteeName)
        ? to.menteeName
        : same(c.owner, from.names.mentorName)
          ? to.mentorName
          : c.owner;
      return { ...c, relationshipId: to.id, owner };
    })
    .filter((c) => {
      const before = items.find((o) => o.id === c.id);
      return before?.relationshipId !== c.relationshipId || before.owner !== c.owner;
    })
    .map((c) => ({ ...c, updatedAt: now }));
}

/** The names a capture uses while the session is not linked yet: the call page's name for the mentor. */
export function unlinkedCaptureNames(selfName: string | null): CaptureNames {
  return { mentorName: selfName ?? 'Mentor', menteeName: 'Mentee' };
}
