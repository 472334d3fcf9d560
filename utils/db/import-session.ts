import type { SessionExport } from '../export/types';
import type { CommitmentRepo } from './commitment-repo';
import type { RelationshipRepo } from './relationship-repo';
import type { SessionRepo } from './session-repo';

export interface ImportCounts {
  added: number;
  skipped: number;
}

/**
 * Merges an imported session into storage without duplicating what is already there: records
 * are matched by id, existing ones are kept as they are.
 */
export async function importSession(
  data: SessionExport,
  repos: { sessions: SessionRepo; relationships: RelationshipRepo; commitments: CommitmentRepo },
): Promise<ImportCounts> {
  let added = 0;
  let skipped = 0;
  if (data.relationship) {
    if (await repos.relationships.get(data.relationship.id)) skipped += 1;
    else {
      await repos.relationships.put(data.relationship);
      added += 1;
    }
  }
  if (await repos.sessions.get(data.session.id)) skipped += 1;
  else {
    await repos.sessions.ensure(data.session);
    added += 1;
  }
  const existing = new Set((await repos.commitments.listBySession(data.session.id)).map((c) => c.id));
  for (const commitment of data.commitments) {
    if (existing.has(commitment.id)) skipped += 1;
    else {
      await repos.commitments.put(commitment);
      added += 1;
    }
  }
  return { added, skipped };
}
