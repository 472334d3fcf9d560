import * as z from 'zod/mini';
import type { MentoringModel } from './types';
import { fileHead, problemAt, readJsonFile, refuseNewer } from '../export/versioned-json';
import { UserFacingError } from '../errors';

export const MODEL_FORMAT = 'attune.model';
export const MODEL_FORMAT_VERSION = 1;
export const MAX_MODEL_BYTES = 1_000_000;

export class ModelImportError extends UserFacingError {
  override readonly name = 'ModelImportError';
}

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const id = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/));

const modelSchema = z.object({
  format: z.literal(MODEL_FORMAT),
  version: z.number(),
  model: z.object({
    id,
    name: text(120),
    summary: z.string().check(z.maxLength(500)),
    source: z.string().check(z.maxLength(300)),
    scope: z.enum(['session', 'relationship']),
    cues: z.array(
      z.object({
        id,
        text: text(300),
        at: z.enum(['start', 'every-minutes', 'before-end']),
        minutes: z.optional(z.number().check(z.positive())),
      }),
    ),
    stages: z
      .array(
        z.object({
          id,
          name: text(80),
          purpose: text(300),
          moveOnSigns: z.array(text(300)),
          watchOuts: z.array(text(300)),
          defaultMinutes: z.nullable(z.number().check(z.minimum(0), z.maximum(240))),
          questions: z.array(
            z.object({
              id: z.string().check(z.minLength(1), z.maxLength(80)),
              text: text(200),
              custom: z.optional(z.boolean()),
            }),
          ),
        }),
      )
      .check(z.minLength(1), z.maxLength(20)),
  }),
}) satisfies z.ZodMiniType<{ format: string; version: number; model: MentoringModel }>;

/** A model as a JSON file the user can keep, share or edit, and import again. */
export function exportModelJson(model: MentoringModel): string {
  return `${JSON.stringify({ format: MODEL_FORMAT, version: MODEL_FORMAT_VERSION, model }, null, 2)}\n`;
}

/** How the shared file reader's refusals become this importer's error. */
const refuse = (sentence: string) => new ModelImportError(sentence);

/**
 * Reads a model file. Anything wrong gives a ModelImportError whose message says what and where,
 * and nothing is applied: the caller gets a model only when the whole file is good.
 */
export function parseModelJson(textIn: string): MentoringModel {
  const raw = readJsonFile(textIn, {
    maxBytes: MAX_MODEL_BYTES,
    empty: 'The file is empty. Nothing was imported.',
    tooLarge: 'The file is larger than 1 MB, which no mentoring model needs. Nothing was imported.',
    refuse,
  });
  return readModelFile(raw);
}

/**
 * Checks a model file's parsed JSON: its format and version, every field, and ids that are unique.
 * Attune's own models are read through here too, so each of them is a file a user could import.
 */
export function readModelFile(raw: unknown): MentoringModel {
  const head = fileHead(raw);
  if (head?.format !== MODEL_FORMAT)
    throw new ModelImportError('This is not an Attune model file. Nothing was imported.');
  refuseNewer(
    head.version,
    MODEL_FORMAT_VERSION,
    'This model was saved by a newer version of Attune. Update Attune to import it. Nothing was imported.',
    refuse,
  );
  const parsed = modelSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw new ModelImportError(problemAt('model file', parsed.error.issues[0]));
  const model = parsed.data.model;
  const stageIds = model.stages.map((s) => s.id);
  if (new Set(stageIds).size !== stageIds.length)
    throw new ModelImportError('Two stages share the same id. Nothing was imported.');
  const questionIds = model.stages.flatMap((s) => s.questions.map((q) => q.id));
  if (new Set(questionIds).size !== questionIds.length)
    throw new ModelImportError('Two questions share the same id. Nothing was imported.');
  return model;
}

/**
 * Where an imported model goes among the ones Attune has. A built-in model is never replaced: an
 * import that uses a built-in's id is added beside it under a new id and name (“GROW (imported)”),
 * and `note` says so. An import with the id of a model imported before replaces that one.
 */
export function placeImportedModel(
  imported: MentoringModel,
  builtInIds: readonly string[],
  importedIds: readonly string[],
): { model: MentoringModel; note: string } {
  if (!builtInIds.includes(imported.id)) {
    const replaced = importedIds.includes(imported.id);
    return {
      model: imported,
      note: replaced ? `Updated the imported model “${imported.name}”.` : `Imported “${imported.name}”.`,
    };
  }
  const taken = new Set([...builtInIds, ...importedIds]);
  let id = `${imported.id}-imported`;
  for (let n = 2; taken.has(id); n += 1) id = `${imported.id}-imported-${n}`;
  const model = { ...imported, id, name: `${imported.name} (imported)` };
  return {
    model,
    note: `Attune’s own “${imported.name}” keeps its place; yours was added beside it as “${model.name}”.`,
  };
}
