// zod/mini, as the model file's reader (model-json.ts) uses: the panel loads both with the models.
import * as z from 'zod/mini';
import {
  CUSTOMISATION_KEY,
  IMPORTED_MODELS_KEY,
  MAX_CUSTOM_QUESTION_LENGTH,
  type ModelCustomisation,
} from './customise';
import { exportModelJson, parseModelJson } from './model-json';
import type { MentoringModel } from './types';
import { storedValue } from '../storage-area';

export const MAX_OWN_QUESTIONS_PER_STAGE = 200;
const MAX_STAGES = 50;
export const MAX_HIDDEN = 2_000;
const MAX_ID_LENGTH = 100;

const id = z.string().check(z.maxLength(MAX_ID_LENGTH));
export const fewKeys = (max: number) =>
  z.refine(
    (o: unknown) => typeof o === 'object' && o !== null && Object.keys(o).length <= max,
    `it has more than ${max} entries`,
  );

/** One model's changes: the mentor's own questions per stage, the hidden ones, the planned minutes. */
export const customisationSchema = z.object({
  added: z
    .record(
      id,
      z
        .array(
          z.object({
            id,
            text: z.string().check(z.minLength(1), z.maxLength(MAX_CUSTOM_QUESTION_LENGTH)),
            custom: z.optional(z.boolean()),
          }),
        )
        .check(z.maxLength(MAX_OWN_QUESTIONS_PER_STAGE)),
    )
    .check(fewKeys(MAX_STAGES)),
  hidden: z.array(id).check(z.maxLength(MAX_HIDDEN)),
  minutes: z.record(id, z.number().check(z.gte(0), z.lte(240))).check(fewKeys(MAX_STAGES)),
});

/**
 * The mentor's changes per model as stored (`models.customisations`): each model's changes kept
 * when they read as such, a damaged entry left out rather than taken on trust or losing the rest.
 */
export function readCustomisations(raw: unknown): Record<string, ModelCustomisation> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const out: Record<string, ModelCustomisation> = {};
  for (const [modelId, value] of Object.entries(raw)) {
    const read = customisationSchema.safeParse(value);
    if (modelId.length <= MAX_ID_LENGTH && read.success) out[modelId] = read.data;
  }
  return out;
}

/** The imported models as stored (`models.imported`), each read again by the model file's reader; a damaged one left out. */
export function readImportedModels(raw: unknown): MentoringModel[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((m) => {
    try {
      // What is stored went through the reader on import; a model file of it is read the same way again.
      return [parseModelJson(exportModelJson(m as MentoringModel))];
    } catch {
      return [];
    }
  });
}

/** storage.local: the user's own questions and hidden ones, per model. */
export const MODEL_CUSTOMISATIONS = storedValue(CUSTOMISATION_KEY, readCustomisations);
/** storage.local: the models the user imported. */
export const IMPORTED_MODELS = storedValue(IMPORTED_MODELS_KEY, readImportedModels);
