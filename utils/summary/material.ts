import type { CommitmentRecord, RelationshipRecord, SessionRecord } from '../db/types';
import type { SummaryMaterial } from './types';

/**
 * What a summary of this session may be made from: the agenda, the stages with the minutes spent
 * in each, the notes, the commitments and, only when the mentor saved it, the transcript.
 */
export function sessionMaterial(
  session: Pick<SessionRecord, 'agenda' | 'notes' | 'stageTimeline' | 'startedAt' | 'endedAt' | 'lastCheckpointAt'>,
  relationship: Pick<RelationshipRecord, 'mentorName' | 'menteeName'> | null,
  commitments: ReadonlyArray<Pick<CommitmentRecord, 'owner' | 'action' | 'due'>>,
  stageName: (id: string) => string,
  transcript: SummaryMaterial['transcript'] = null,
): SummaryMaterial {
  const end = session.endedAt ?? session.lastCheckpointAt;
  const stages = session.stageTimeline.map((mark, i) => {
    const until = session.stageTimeline[i + 1]?.at ?? end;
    return { name: stageName(mark.stageId), minutes: Math.max(0, (until - mark.at) / 60_000) };
  });
  return {
    mentorName: relationship?.mentorName ?? 'Mentor',
    menteeName: relationship?.menteeName ?? 'Mentee',
    agenda: session.agenda,
    stages,
    notes: session.notes,
    commitments: commitments.map((c) => ({ owner: c.owner, action: c.action, due: c.due })),
    transcript,
  };
}
