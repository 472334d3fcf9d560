import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { getModel, SIX_LAYER, type MentoringModel, type Stage } from '@/utils/frameworks';
import { promptWindow } from '@/utils/frameworks/plan';
import type { PromptUse, SessionRecord, StageMark } from '@/utils/db/types';
import type { SessionRepo } from '@/utils/db/session-repo';
import { DbError } from '@/utils/db/errors';

export const PROMPTS_SHOWN = 3;

/**
 * Where the conversation is in its mentoring model: the chosen model, the current stage and its
 * timeline, the prompts on the card, pinned and asked. Saved with the session at each change.
 */
export const useStagesStore = defineStore('stages', () => {
  const model = shallowRef<MentoringModel>(SIX_LAYER);
  const timeline = ref<StageMark[]>([]);
  const promptsUsed = ref<PromptUse[]>([]);
  const pinned = ref<Set<string>>(new Set());
  const offsets = ref<Record<string, number>>({});
  const dismissedCues = ref<Set<string>>(new Set());
  const error = ref<string | null>(null);
  let repo: SessionRepo | null = null;
  let sessionId: string | null = null;

  const currentStageId = computed(() => timeline.value.at(-1)?.stageId ?? null);
  const currentStage = computed<Stage | null>(() => model.value.stages.find((s) => s.id === currentStageId.value) ?? null);
  const prompts = computed(() => {
    const stage = currentStage.value;
    if (!stage) return [];
    return promptWindow(stage.questions, offsets.value[stage.id] ?? 0, PROMPTS_SHOWN, pinned.value);
  });
  const askedIds = computed(() => new Set(promptsUsed.value.map((p) => p.questionId)));

  function connect(sessions: SessionRepo) {
    repo = sessions;
  }

  /** Picks up a session's saved model, timeline and prompts (a reopened panel resumes them). */
  function attach(session: SessionRecord, fallbackModelId: string) {
    if (sessionId === session.id) return;
    sessionId = session.id;
    model.value = getModel(session.frameworkId ?? fallbackModelId) ?? getModel(fallbackModelId) ?? model.value;
    timeline.value = [...session.stageTimeline];
    promptsUsed.value = [...(session.promptsUsed ?? [])];
  }

  async function save(now: number) {
    if (!repo || !sessionId) return;
    try {
      await repo.checkpoint(sessionId, {
        frameworkId: model.value.id,
        // Plain copies: IndexedDB cannot clone Vue's reactive proxies.
        stageTimeline: timeline.value.map((m) => ({ stageId: m.stageId, at: m.at })),
        promptsUsed: promptsUsed.value.map((p) => ({ questionId: p.questionId, stageId: p.stageId, at: p.at })),
        lastCheckpointAt: now,
      });
      error.value = null;
    } catch (e) {
      error.value = e instanceof DbError ? e.message : 'Attune could not save the stage. It is still shown here; it will be saved with the next change.';
    }
  }

  async function chooseModel(id: string, now: number) {
    const next = getModel(id);
    if (!next || next.id === model.value.id) return;
    model.value = next;
    timeline.value = [];
    await save(now);
  }

  async function selectStage(stageId: string, now: number) {
    if (stageId === currentStageId.value || !model.value.stages.some((s) => s.id === stageId)) return;
    timeline.value = [...timeline.value, { stageId, at: now }];
    await save(now);
  }

  async function step(direction: 1 | -1, now: number) {
    const stages = model.value.stages;
    const index = stages.findIndex((s) => s.id === currentStageId.value);
    const next = stages[Math.min(stages.length - 1, Math.max(0, index + direction))];
    if (next) await selectStage(next.id, now);
  }

  function morePrompts() {
    const stage = currentStage.value;
    if (!stage) return;
    offsets.value = { ...offsets.value, [stage.id]: (offsets.value[stage.id] ?? 0) + PROMPTS_SHOWN };
  }

  function togglePin(questionId: string) {
    const next = new Set(pinned.value);
    if (next.has(questionId)) next.delete(questionId);
    else next.add(questionId);
    pinned.value = next;
  }

  async function markAsked(questionId: string, now: number) {
    const stageId = currentStageId.value;
    if (!stageId || askedIds.value.has(questionId)) return;
    promptsUsed.value = [...promptsUsed.value, { questionId, stageId, at: now }];
    await save(now);
  }

  function dismissCue(id: string) {
    dismissedCues.value = new Set([...dismissedCues.value, id]);
  }

  return {
    model, timeline, promptsUsed, pinned, offsets, dismissedCues, error,
    currentStageId, currentStage, prompts, askedIds,
    connect, attach, chooseModel, selectStage, step, morePrompts, togglePin, markAsked, dismissCue,
  };
});
