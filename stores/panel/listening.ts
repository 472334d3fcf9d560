import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { useServices } from '@/utils/services';
import type { CaptionUtterance } from '@/utils/messaging';
import { LISTENING_TARGETS } from '@/utils/listening/targets';
import { readStored, writeStored } from '@/utils/storage-area';
import type { RelationshipMode, SessionRecord } from '@/utils/db/types';
import { isMentorSpeaker } from '@/utils/questions/tally';
import { useStagesStore } from '../shared/stages';
import { useTalkTargetsStore } from '../shared/talk-targets';
import {
  coachingAt,
  DEFAULT_LISTENING_TARGETS,
  emptyListeningState,
  followTurn,
  listeningRatio,
  summaryCueNearStageEnd,
  type ListeningCue,
  type ListeningState,
  type SessionMoves,
} from '@/utils/listening/follow';

/**
 * The mentor's active-listening moves in this session, from the captions: counts per move, the
 * listening ratio against the relationship mode's target, and gentle cues. The captions store
 * hands it each batch of finished turns and saves what `follow` returns with the session.
 */
export const useListeningStore = defineStore('listening', () => {
  const state = shallowRef<ListeningState>(emptyListeningState());
  const sessionId = ref<string | null>(null);
  const cue = ref<ListeningCue | null>(null);
  const targets = ref<Record<RelationshipMode, number>>({ ...DEFAULT_LISTENING_TARGETS });
  const error = ref<string | null>(null);
  const need = useServices();

  const counts = computed(() => state.value.moves.counts);
  const ratio = computed(() => listeningRatio(counts.value));

  /** Starts from what the session saved, once per session (a reopened panel carries on counting). */
  function attach(session: Pick<SessionRecord, 'id' | 'moves'> | null) {
    if (!session || session.id === sessionId.value) return;
    sessionId.value = session.id;
    state.value = emptyListeningState(session.moves);
    cue.value = null;
  }

  /** Follows finished caption turns; returns the moves to save, or null when no mentor turn was counted. */
  function follow(
    session: Pick<SessionRecord, 'id' | 'moves'> | null,
    utterances: CaptionUtterance[],
    mentorNames: ReadonlyArray<string | null | undefined>,
  ): SessionMoves | null {
    attach(session);
    let next = state.value;
    let counted = false;
    // Co-coaching: the user's turns as the one being coached are not the coach's moves.
    const roleSwaps = useTalkTargetsStore().mode === 'co-coaching' ? useStagesStore().roleSwaps : [];
    for (const u of utterances) {
      // A name two participants share cannot be given to either side: neither a move nor the mentee's words.
      if (u.sharedName) continue;
      const mentor = isMentorSpeaker(u.speaker, mentorNames, u.self);
      if (mentor && !coachingAt(roleSwaps, u.at)) continue;
      const result = followTurn(next, { mentor, text: u.text, startedAt: u.at, endedAt: u.endedAt });
      next = result.state;
      if (result.move) counted = true;
      if (result.cue) cue.value = result.cue;
    }
    state.value = next;
    return counted ? { counts: { ...next.moves.counts }, turns: next.moves.turns.map((t) => ({ ...t })) } : null;
  }

  /** Called on the panel's clock: near the planned end of a stage, offer a summary. */
  function tick(now: number, stage: { startedAt: number; endsAt: number } | null) {
    if (!stage) return;
    const result = summaryCueNearStageEnd(state.value, now, stage);
    if (!result) return;
    state.value = result.state;
    cue.value = result.cue;
  }

  function dismissCue() {
    cue.value = null;
  }

  /** Reads the mentor's targets from the browser's settings (storage.local). */
  async function loadSettings() {
    const area = need('local');
    targets.value = await readStored(area, LISTENING_TARGETS);
  }

  /** The mentor's own listening target for a mode, a percentage 0–100, kept in the browser's settings. */
  async function setTarget(mode: RelationshipMode, percent: number) {
    if (!Number.isFinite(percent) || percent < 0 || percent > 100) {
      error.value = 'A listening target is a percentage between 0 and 100.';
      return;
    }
    const settings = need('local');
    targets.value = { ...targets.value, [mode]: percent / 100 };
    error.value = null;
    try {
      await writeStored(settings, LISTENING_TARGETS, { ...targets.value });
    } catch {
      error.value = 'Attune could not save the target; it applies until the panel closes.';
    }
  }

  return {
    state,
    sessionId,
    cue,
    targets,
    error,
    counts,
    ratio,
    attach,
    follow,
    tick,
    dismissCue,
    loadSettings,
    setTarget,
  };
});
