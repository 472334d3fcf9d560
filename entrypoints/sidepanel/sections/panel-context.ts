import { computed, type ComputedRef } from 'vue';
import { useCallStore } from '@/stores/panel/call';
import { useCommitmentsStore } from '@/stores/panel/commitments';
import { useRelationshipsStore } from '@/stores/panel/relationships';
import { useSessionStore } from '@/stores/panel/session';
import { useStagesStore } from '@/stores/shared/stages';
import { useClock } from '@/utils/services';
import type { RelationshipRecord } from '@/utils/db/types';
import { unlinkedCaptureNames } from '@/utils/relationships/move-commitments';

/** The relationship the open session is linked to, if any. */
export function useLinkedRelationship(): ComputedRef<RelationshipRecord | null> {
  const relationships = useRelationshipsStore();
  const sessionStore = useSessionStore();
  return computed(() => relationships.list.find((r) => r.id === sessionStore.session?.relationshipId) ?? null);
}

/**
 * Saves a typed commitment line into the open session, with who the mentor and mentee are, the
 * stage and how far into the call it was said. `done` hears whether it was saved.
 */
export function useCommitmentCapture(elapsedMs: () => number | null) {
  const call = useCallStore();
  const sessionStore = useSessionStore();
  const stages = useStagesStore();
  const commitments = useCommitmentsStore();
  const clock = useClock();
  const linked = useLinkedRelationship();
  return async function capture(line: string, done: (saved: boolean) => void = () => undefined) {
    const current = sessionStore.session;
    // Nothing is saved against a session deleted behind the panel; the panel says why.
    if (!current || !(await sessionStore.stillStored(clock()))) return done(false);
    const names = linked.value ?? unlinkedCaptureNames(call.selfName);
    const saved = await commitments.capture(line, {
      now: new Date(clock()),
      // How the mentor writes numeric dates: "02/03" is 3 February in the US, 2 March in the UK.
      locale: navigator.language,
      mentorName: names.mentorName,
      menteeName: names.menteeName,
      sessionId: current.id,
      relationshipId: current.relationshipId,
      stageId: stages.currentStageId,
      elapsedMs: elapsedMs(),
    });
    done(saved);
  };
}
