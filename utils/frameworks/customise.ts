import type { MentoringModel, PromptQuestion } from './types';
import { UserFacingError } from '../errors';

/** A user's changes to one model: their own questions, hidden ones, and their session plan. */
export interface ModelCustomisation {
  added: Record<string, PromptQuestion[]>;
  hidden: string[];
  /** Planned minutes per stage, overriding the defaults. */
  minutes: Record<string, number>;
}

export const MAX_CUSTOM_QUESTION_LENGTH = 200;
/** storage.local: the user's changes per model id, and the models they imported. */
export const CUSTOMISATION_KEY = 'models.customisations';
export const IMPORTED_MODELS_KEY = 'models.imported';
const MAX_STAGE_MINUTES = 240;

export function emptyCustomisation(): ModelCustomisation {
  return { added: {}, hidden: [], minutes: {} };
}

/** The model as this user sees it: their questions added, hidden ones removed, their plan. */
export function applyCustomisation(model: MentoringModel, custom: ModelCustomisation): MentoringModel {
  const hidden = new Set(custom.hidden);
  return {
    ...model,
    stages: model.stages.map((stage) => {
      const minutes = custom.minutes[stage.id];
      return {
        ...stage,
        defaultMinutes: stage.defaultMinutes === null ? null : (minutes ?? stage.defaultMinutes),
        questions: [...stage.questions, ...(custom.added[stage.id] ?? [])].filter((q) => !hidden.has(q.id)),
      };
    }),
  };
}

export class CustomisationError extends UserFacingError {
  override readonly name = 'CustomisationError';
}

/** Adds the user's own question to a stage; ids are unique and marked as custom. */
export function addQuestion(custom: ModelCustomisation, stageId: string, text: string, id: string): ModelCustomisation {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!clean) throw new CustomisationError('Type the question you want to add.');
  if (clean.length > MAX_CUSTOM_QUESTION_LENGTH) {
    throw new CustomisationError(`Keep it under ${MAX_CUSTOM_QUESTION_LENGTH} characters so it fits the panel.`);
  }
  const existing = custom.added[stageId] ?? [];
  return { ...custom, added: { ...custom.added, [stageId]: [...existing, { id, text: clean, custom: true }] } };
}

export function hideQuestion(custom: ModelCustomisation, questionId: string): ModelCustomisation {
  return custom.hidden.includes(questionId) ? custom : { ...custom, hidden: [...custom.hidden, questionId] };
}

export function setStageMinutes(custom: ModelCustomisation, stageId: string, minutes: number): ModelCustomisation {
  if (!Number.isFinite(minutes) || minutes < 0 || minutes > MAX_STAGE_MINUTES) {
    throw new CustomisationError(`Plan between 0 and ${MAX_STAGE_MINUTES} minutes for a stage.`);
  }
  return { ...custom, minutes: { ...custom.minutes, [stageId]: Math.round(minutes) } };
}
