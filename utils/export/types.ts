import type { CommitmentRecord, RelationshipRecord, SessionRecord } from '../db/types';

/** Everything an export of one session needs. */
export interface SessionExport {
  session: SessionRecord;
  relationship: RelationshipRecord | null;
  commitments: CommitmentRecord[];
  /** The next check-in, as a local date and time (YYYY-MM-DDTHH:mm), when one was agreed. */
  nextCheckIn: string | null;
}
