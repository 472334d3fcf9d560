import growFile from './models/grow.model.json';
import mentorCoachingFile from './models/mentor-coaching.model.json';
import relationshipStagesFile from './models/relationship-stages.model.json';
import sixLayerFile from './models/six-layer.model.json';
import { readModelFile } from './model-json';
import type { MentoringModel } from './types';

export * from './types';
export { MODES } from './modes';

// Attune's own models are model files (models/*.model.json) in the format a user exports and
// imports, read by the same parser: one way to write a model, and each built-in checked as an import
// would be. A question's id is `<stage>-<n>` in written order; append new questions, never renumber.

/**
 * Seed 004: a foundation of shared values, goals and rules of engagement in a written agreement,
 * then six layers: trust and rapport; defining the problem or skill; meaning and impact (for the
 * person, team, department, organisation); commitment and action (options, pros and cons,
 * obstacles); support and resources; review and feedback.
 */
export const SIX_LAYER = readModelFile(sixLayerFile);

/** GROW (goal, reality, options, way forward): the coaching model most coaches already know. */
export const GROW = readModelFile(growFile);

/**
 * Seed 000: in a mentor-coaching conversation the mentee chooses the agenda and it stays their work
 * throughout; the conversation moves through attention, intention and action, and the mentor-coach
 * listens and asks rather than fixing, solving or assuming.
 */
export const MENTOR_COACHING = readModelFile(mentorCoachingFile);

/**
 * Seed 002: mentoring relationships move through creating the relationship (the focus is the
 * mentoring agreement), building on it (most of the time is spent here), achieving mastery (the
 * mentee leads, the mentor becomes a sounding board), and moving on (independence). The stages are
 * not strictly linear: pairs often alternate between building and mastery.
 */
export const RELATIONSHIP_STAGES = readModelFile(relationshipStagesFile);

export const BUILT_IN_MODELS: readonly MentoringModel[] = [SIX_LAYER, GROW, MENTOR_COACHING, RELATIONSHIP_STAGES];

/** Models whose stages run within one session: the ones a session's stepper can use. */
export const SESSION_MODELS = BUILT_IN_MODELS.filter((m) => m.scope === 'session');

export function getModel(id: string, models: readonly MentoringModel[] = BUILT_IN_MODELS): MentoringModel | null {
  return models.find((m) => m.id === id) ?? null;
}
