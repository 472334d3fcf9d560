import { GROW } from './grow';
import { MENTOR_COACHING } from './mentor-coaching';
import { RELATIONSHIP_STAGES } from './relationship-stages';
import { SIX_LAYER } from './six-layer';
import type { MentoringModel } from './types';

export * from './types';
export { MODES } from './modes';
export { GROW, MENTOR_COACHING, RELATIONSHIP_STAGES, SIX_LAYER };

export const BUILT_IN_MODELS: readonly MentoringModel[] = [SIX_LAYER, GROW, MENTOR_COACHING, RELATIONSHIP_STAGES];

/** Models whose stages run within one session: the ones a session's stepper can use. */
export const SESSION_MODELS = BUILT_IN_MODELS.filter((m) => m.scope === 'session');

export function getModel(id: string, models: readonly MentoringModel[] = BUILT_IN_MODELS): MentoringModel | null {
  return models.find((m) => m.id === id) ?? null;
}
