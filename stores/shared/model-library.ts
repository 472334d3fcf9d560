import { defineStore } from 'pinia';
import { errorSentence } from '@/utils/errors';
import { computed, ref, shallowRef } from 'vue';
import { BUILT_IN_MODELS, type MentoringModel } from '@/utils/frameworks';
import {
  addQuestion as addToCustomisation,
  applyCustomisation,
  emptyCustomisation,
  hideQuestion as hideInCustomisation,
  setStageMinutes,
  type ModelCustomisation,
} from '@/utils/frameworks/customise';
import { parseModelJson, placeImportedModel } from '@/utils/frameworks/model-json';
import { IMPORTED_MODELS, MODEL_CUSTOMISATIONS } from '@/utils/frameworks/stored-settings';
import { readStored, type KeyValueArea } from '@/utils/storage-area';
import { plainCopy } from '@/utils/plain-copy';
import { useServices } from '@/utils/services';

/**
 * The mentor's own library of models, kept in storage.local and shared by the panel and the
 * dashboard: the built-in models and the imported ones, and each model's customisation (the
 * mentor's own questions, hidden questions, planned minutes). No session lives here: where a
 * session is in its model is the stages store's.
 */
export const useModelLibraryStore = defineStore('model-library', () => {
  const customisations = ref<Record<string, ModelCustomisation>>({});
  const importedModels = shallowRef<MentoringModel[]>([]);
  const availableModels = computed(() => [
    ...BUILT_IN_MODELS.filter((m) => !importedModels.value.some((i) => i.id === m.id)),
    ...importedModels.value,
  ]);
  const sessionModels = computed(() => availableModels.value.filter((m) => m.scope === 'session'));
  const editError = ref<string | null>(null);
  /** What the last model import did, said once it is done (a built-in is never replaced: see placeImportedModel). */
  const importNote = ref<string | null>(null);
  const need = useServices();

  /** The model as this user has customised it. */
  function customised(model: MentoringModel): MentoringModel {
    return applyCustomisation(model, customisations.value[model.id] ?? emptyCustomisation());
  }

  function hiddenCount(modelId: string): number {
    return customisations.value[modelId]?.hidden.length ?? 0;
  }

  /** Loads the user's own questions, hidden ones, plans and imported models (storage.local). */
  async function loadSettings() {
    const area = need('local');
    customisations.value = await readStored(area, MODEL_CUSTOMISATIONS);
    importedModels.value = await readStored(area, IMPORTED_MODELS);
  }

  async function persist(area: KeyValueArea) {
    // One write for both, so a page reading them never sees one without the other.
    await area.set({
      [MODEL_CUSTOMISATIONS.key]: plainCopy(customisations.value),
      [IMPORTED_MODELS.key]: plainCopy(importedModels.value),
    });
  }

  async function customise(modelId: string, change: (c: ModelCustomisation) => ModelCustomisation) {
    const area = need('local');
    try {
      customisations.value = {
        ...customisations.value,
        [modelId]: change(customisations.value[modelId] ?? emptyCustomisation()),
      };
      editError.value = null;
      await persist(area);
    } catch (e) {
      editError.value = errorSentence(e, 'Attune could not save your change to this model. Try again.');
    }
  }

  const addQuestion = (modelId: string, stageId: string, text: string, newId: string) =>
    customise(modelId, (c) => addToCustomisation(c, stageId, text, newId));
  const hideQuestion = (modelId: string, questionId: string) =>
    customise(modelId, (c) => hideInCustomisation(c, questionId));
  const showHiddenQuestions = (modelId: string) => customise(modelId, (c) => ({ ...c, hidden: [] }));
  const planStage = (modelId: string, stageId: string, minutes: number) =>
    customise(modelId, (c) => setStageMinutes(c, stageId, minutes));

  /** Imports a model file; on any problem nothing changes, `editError` says why and null comes back. */
  async function importModel(text: string): Promise<MentoringModel | null> {
    const area = need('local');
    try {
      const { model: imported, note } = placeImportedModel(
        parseModelJson(text),
        BUILT_IN_MODELS.map((m) => m.id),
        importedModels.value.map((m) => m.id),
      );
      importedModels.value = [...importedModels.value.filter((m) => m.id !== imported.id), imported];
      editError.value = null;
      importNote.value = note;
      await persist(area);
      return imported;
    } catch (e) {
      importNote.value = null;
      editError.value = errorSentence(e, 'Attune could not import that file. Nothing was changed.');
      return null;
    }
  }

  return {
    customisations,
    importedModels,
    availableModels,
    sessionModels,
    editError,
    importNote,
    customised,
    hiddenCount,
    loadSettings,
    addQuestion,
    hideQuestion,
    showHiddenQuestions,
    planStage,
    importModel,
  };
});
