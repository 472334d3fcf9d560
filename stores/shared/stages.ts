import { defineStore } from 'pinia';
import { errorSentence } from '@/utils/errors';
import { computed, ref, shallowRef } from 'vue';
import { getModel, SIX_LAYER, type MentoringModel, type Stage } from '@/utils/frameworks';
import { promptWindow, stageByClock } from '@/utils/frameworks/plan';
import { exportModelJson } from '@/utils/frameworks/model-json';
import type { PromptUse, SessionRecord, StageMark } from '@/utils/db/types';
import { useServices } from '@/utils/services';
import { useModelLibraryStore } from './model-library';

export const PROMPTS_SHOWN = 3;

/**
 * Where the conversation is in its mentoring model: the chosen model, the current stage and its
 * timeline, the prompts on the card, pinned and asked. Saved with the session at each change.
 * The models themselves, and the mentor's changes to them, are the model library's
 * (stores/shared/model-library.ts); the editing actions here apply to the model and stage in use.
 */
export const useStagesStore = defineStore('stages', () => {
  const library = useModelLibraryStore();
  const baseModel = shallowRef<MentoringModel>(SIX_LAYER);
  /** The model as this user has customised it: what the stepper and the card show. */
  const model = computed(() => library.customised(baseModel.value));
  const timeline = ref<StageMark[]>([]);
  const roleSwaps = ref<number[]>([]);
  const promptsUsed = ref<PromptUse[]>([]);
  const pinned = ref<Set<string>>(new Set());
  const offsets = ref<Record<string, number>>({});
  const dismissedCues = ref<Set<string>>(new Set());
  const error = ref<string | null>(null);
  const need = useServices();
  let sessionId: string | null = null;

  const currentStageId = computed(() => timeline.value.at(-1)?.stageId ?? null);
  const currentStage = computed<Stage | null>(
    () => model.value.stages.find((s) => s.id === currentStageId.value) ?? null,
  );
  const prompts = computed(() => {
    const stage = currentStage.value;
    if (!stage) return [];
    return promptWindow(stage.questions, offsets.value[stage.id] ?? 0, PROMPTS_SHOWN, pinned.value);
  });
  const askedIds = computed(() => new Set(promptsUsed.value.map((p) => p.questionId)));

  async function addOwnQuestion(text: string, newId = `mine-${crypto.randomUUID().slice(0, 8)}`) {
    const stageId = currentStageId.value;
    if (!stageId) return;
    await library.addQuestion(baseModel.value.id, stageId, text, newId);
  }

  const hideQuestion = (questionId: string) => library.hideQuestion(baseModel.value.id, questionId);
  const showHiddenQuestions = () => library.showHiddenQuestions(baseModel.value.id);
  const planStage = (stageId: string, minutes: number) => library.planStage(baseModel.value.id, stageId, minutes);

  /** Imports a model file into the library and, for a session model, switches to it. */
  async function importModel(text: string, now: number): Promise<boolean> {
    const imported = await library.importModel(text);
    if (imported?.scope === 'session') await chooseModel(imported.id, now);
    return imported !== null;
  }

  /** The current model, with the user's changes, as a file to keep or share. */
  function exportCurrentModel(): string {
    return exportModelJson(model.value);
  }

  /** Picks up a session's saved model, timeline and prompts (a reopened panel resumes them). */
  function attach(session: SessionRecord, fallbackModelId: string) {
    if (sessionId === session.id) return;
    sessionId = session.id;
    baseModel.value =
      getModel(session.frameworkId ?? fallbackModelId, library.availableModels) ??
      getModel(fallbackModelId, library.availableModels) ??
      baseModel.value;
    timeline.value = [...session.stageTimeline];
    roleSwaps.value = [...(session.roleSwaps ?? [])];
    promptsUsed.value = [...(session.promptsUsed ?? [])];
  }

  async function save(now: number) {
    // No session (the dashboard's settings show a model without one): nothing to save it in.
    if (!sessionId) return;
    const repo = need('sessions');
    try {
      await repo.checkpoint(sessionId, {
        frameworkId: model.value.id,
        // Plain copies: IndexedDB cannot clone Vue's reactive proxies.
        stageTimeline: timeline.value.map((m) => ({ stageId: m.stageId, at: m.at })),
        promptsUsed: promptsUsed.value.map((p) => ({ questionId: p.questionId, stageId: p.stageId, at: p.at })),
        roleSwaps: [...roleSwaps.value],
        lastCheckpointAt: now,
      });
      error.value = null;
    } catch (e) {
      error.value = errorSentence(
        e,
        'Attune could not save the stage. It is still shown here; it will be saved with the next change.',
      );
    }
  }

  /**
   * The relationship's mode picks the model (mentoring: six-layer; coaching: GROW) unless the
   * mentor has already moved past the first stage of the current one.
   */
  async function adoptModeModel(modelId: string, now: number) {
    if (timeline.value.length > 1 || baseModel.value.id === modelId) return;
    await chooseModel(modelId, now);
    const first = model.value.stages[0];
    if (first) await selectStage(first.id, now);
  }

  /**
   * Switches the session's model and opens at once at the stage the plan suggests for
   * `elapsedMs` into the call (the first stage when there is no clock yet), so that the card
   * never stands empty waiting for a click.
   */
  async function chooseModel(id: string, now: number, elapsedMs: number | null = null) {
    const next = getModel(id, library.availableModels);
    if (!next || next.id === baseModel.value.id) return;
    baseModel.value = next;
    const stages = model.value.stages;
    const opening = (elapsedMs === null ? null : stageByClock(stages, elapsedMs)) ?? stages[0]?.id ?? null;
    timeline.value = opening ? [{ stageId: opening, at: now }] : [];
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

  /**
   * Co-coaching: the two swap roles as coach and learner. The swap is recorded and the model
   * starts again from its first stage, since the new coach begins a conversation of their own.
   */
  async function swapRoles(now: number) {
    roleSwaps.value = [...roleSwaps.value, now];
    const first = model.value.stages[0];
    if (first) timeline.value = [...timeline.value, { stageId: first.id, at: now }];
    await save(now);
  }

  function dismissCue(id: string) {
    dismissedCues.value = new Set([...dismissedCues.value, id]);
  }

  return {
    baseModel,
    timeline,
    roleSwaps,
    promptsUsed,
    pinned,
    offsets,
    dismissedCues,
    error,
    model,
    currentStageId,
    currentStage,
    prompts,
    askedIds,
    attach,
    adoptModeModel,
    chooseModel,
    selectStage,
    step,
    morePrompts,
    togglePin,
    markAsked,
    dismissCue,
    swapRoles,
    addOwnQuestion,
    hideQuestion,
    showHiddenQuestions,
    planStage,
    importModel,
    exportCurrentModel,
  };
});
