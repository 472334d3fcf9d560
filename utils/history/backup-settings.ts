import * as z from 'zod/mini';
import { ImportError } from '../export/import-error';
import { problemAt } from '../export/versioned-json';
import { CALENDAR_STYLE, isCalendarStyle, type CalendarStyle } from '../export/calendar-style';
import type { ModelCustomisation } from '../frameworks/customise';
import { exportModelJson, ModelImportError, parseModelJson, placeImportedModel } from '../frameworks/model-json';
import {
  customisationSchema,
  fewKeys,
  MAX_HIDDEN,
  MAX_OWN_QUESTIONS_PER_STAGE,
  IMPORTED_MODELS,
  MODEL_CUSTOMISATIONS,
} from '../frameworks/stored-settings';
import type { MentoringModel, ModeId } from '../frameworks/types';
import { LISTENING_TARGETS } from '../listening/targets';
import type { StoredValue } from '../storage-area';
import { SUMMARY_SETTINGS } from '../summary/settings';
import { TALK_TARGETS, type TalkTargetOverrides } from '../talk-time/target-band';
import { RETENTION_DAYS } from './retention';

/**
 * What a backup carries besides the history: the mentor's settings, their own questions (per
 * model: added, hidden, planned minutes) and the models they imported. Never the summary
 * endpoint's key, and nothing of the passphrase but its record (see backup.ts).
 */
export interface BackupExtras {
  settings: BackupSettings;
  /** Per model id. */
  questions: Record<string, ModelCustomisation>;
  models: MentoringModel[];
}

/** Each present only when this browser had it set. */
export interface BackupSettings {
  talkTargets?: TalkTargetOverrides;
  listeningTargets?: Record<ModeId, number>;
  /** null: keep every session. */
  retentionDays?: number | null;
  calendarStyle?: CalendarStyle;
  /** Where summaries are made; the key stays in the browser it was typed in. */
  summaryEndpoint?: { baseURL: string; model: string };
}

/** The storage.local entries a backup reads. */
export const BACKUP_SETTING_KEYS: readonly string[] = [
  TALK_TARGETS,
  LISTENING_TARGETS,
  RETENTION_DAYS,
  CALENDAR_STYLE,
  SUMMARY_SETTINGS,
  MODEL_CUSTOMISATIONS,
  IMPORTED_MODELS,
].map((value) => value.key);

// Bounds well above any real use, so that a hostile file cannot fill storage.local.
export const MAX_BACKUP_MODELS = 50;
export const MAX_CUSTOMISED_MODELS = 100;

const str = (max: number) => z.string().check(z.maxLength(max));
const share = z.number().check(z.gte(0), z.lte(1));
const band = z
  .object({ minMentorShare: share, maxMentorShare: share })
  .check(z.refine((b) => b.minMentorShare <= b.maxMentorShare, 'the lower end is above the upper end'));
const perMode = <T extends z.ZodMiniType>(value: T) =>
  z.object({
    mentoring: z.optional(value),
    'specialist-coaching': z.optional(value),
    'co-coaching': z.optional(value),
  });

const settingsSchema = z.object({
  talkTargets: z.optional(perMode(band)),
  listeningTargets: z.optional(perMode(share)),
  retentionDays: z.optional(z.nullable(z.int().check(z.gte(1), z.lte(36_500)))),
  calendarStyle: z.optional(z.enum(['todo', 'all-day', 'timed'])),
  summaryEndpoint: z.optional(z.object({ baseURL: str(2_000), model: str(200) })),
});

const extrasSchema = z.object({
  settings: z.optional(settingsSchema),
  questions: z.optional(z.record(str(100), customisationSchema).check(fewKeys(MAX_CUSTOMISED_MODELS))),
  // Each model is checked by the model file's own reader, below.
  models: z.optional(z.array(z.unknown()).check(z.maxLength(MAX_BACKUP_MODELS))),
});

function backupProblemAt(issue: Parameters<typeof problemAt>[1]): ImportError {
  return new ImportError(problemAt('backup', issue));
}

/** A model as its own file's reader takes it, or an ImportError naming where it is in the backup. */
function readModel(raw: unknown, index: number): MentoringModel {
  try {
    return parseModelJson(exportModelJson(raw as MentoringModel));
  } catch (e) {
    if (e instanceof ModelImportError)
      throw new ImportError(
        `The backup’s model number ${index + 1} has a problem: ${e.message.replace(/ Nothing was imported\.$/, '')} Nothing was imported.`,
      );
    throw backupProblemAt({ path: ['models', index] });
  }
}

/**
 * The settings, questions and models of a backup file (all optional: backups made before they
 * were kept have none). Any problem: an ImportError that says where, and nothing is applied.
 */
export function parseBackupExtras(raw: { settings?: unknown; questions?: unknown; models?: unknown }): BackupExtras {
  const parsed = extrasSchema.safeParse(
    { settings: raw.settings, questions: raw.questions, models: raw.models },
    { reportInput: true },
  );
  if (!parsed.success) throw backupProblemAt(parsed.error.issues[0]);
  const { settings = {}, questions = {}, models = [] } = parsed.data;
  const clean: BackupSettings = {};
  if (settings.talkTargets) clean.talkTargets = TALK_TARGETS.parse(settings.talkTargets);
  if (settings.listeningTargets) clean.listeningTargets = LISTENING_TARGETS.parse(settings.listeningTargets);
  if (settings.retentionDays !== undefined) clean.retentionDays = settings.retentionDays;
  if (settings.calendarStyle) clean.calendarStyle = settings.calendarStyle;
  if (settings.summaryEndpoint) clean.summaryEndpoint = settings.summaryEndpoint;
  return { settings: clean, questions, models: models.map(readModel) };
}

/**
 * This browser's settings, questions and models for a backup, from its storage.local entries
 * (`stored`, keyed as BACKUP_SETTING_KEYS). Damaged entries are left out, never written.
 */
export function backupExtras(stored: Readonly<Record<string, unknown>>): BackupExtras {
  const has = (value: StoredValue<unknown>) => stored[value.key] !== undefined;
  const read = <T>(value: StoredValue<T>): T => value.parse(stored[value.key]);
  const settings: BackupSettings = {};
  if (has(TALK_TARGETS)) settings.talkTargets = read(TALK_TARGETS);
  if (has(LISTENING_TARGETS)) settings.listeningTargets = read(LISTENING_TARGETS);
  if (has(RETENTION_DAYS)) settings.retentionDays = read(RETENTION_DAYS);
  // Only a style set by hand: the parser's default for a damaged one is not the mentor's choice.
  const style = stored[CALENDAR_STYLE.key];
  if (isCalendarStyle(style)) settings.calendarStyle = style;
  if (has(SUMMARY_SETTINGS)) {
    const { baseURL, model } = read(SUMMARY_SETTINGS);
    settings.summaryEndpoint = { baseURL, model };
  }
  return { settings, questions: read(MODEL_CUSTOMISATIONS), models: read(IMPORTED_MODELS) };
}

export function hasExtras(extras: BackupExtras): boolean {
  return (
    Object.keys(extras.settings).length > 0 || Object.keys(extras.questions).length > 0 || extras.models.length > 0
  );
}

/** What a restore wrote, for its sentence. */
export interface RestoredCounts {
  settings: number;
  questions: number;
  models: number;
}

/** Two customisations of one model as one: here's questions kept, the backup's added (by id), hidden ones joined, the backup's plan. */
function mergeCustomisation(
  here: ModelCustomisation | undefined,
  from: ModelCustomisation,
): { merged: ModelCustomisation; added: number } {
  const base = here ?? { added: {}, hidden: [], minutes: {} };
  const addedByStage = { ...base.added };
  let added = 0;
  for (const [stageId, questions] of Object.entries(from.added)) {
    const existing = addedByStage[stageId] ?? [];
    const known = new Set(existing.map((q) => q.id));
    const fresh = questions.filter((q) => !known.has(q.id)).map((q) => ({ id: q.id, text: q.text, custom: true }));
    added += fresh.length;
    addedByStage[stageId] = [...existing, ...fresh].slice(0, MAX_OWN_QUESTIONS_PER_STAGE);
  }
  return {
    merged: {
      added: addedByStage,
      hidden: [...new Set([...base.hidden, ...from.hidden])].slice(0, MAX_HIDDEN),
      minutes: { ...base.minutes, ...from.minutes },
    },
    added,
  };
}

/**
 * The storage.local entries that restore a backup's extras over this browser's (`here`, keyed as
 * BACKUP_SETTING_KEYS). Settings in the backup replace these; questions and models are merged,
 * nothing here lost: the backup's questions join the mentor's own, its models replace imported
 * ones of the same id, and a model with a built-in's id goes beside the built-in. A new summary
 * endpoint is saved switched off, keeping this browser's key: turning it on asks the browser for
 * permission to reach it.
 */
export function restoreItems(
  extras: BackupExtras,
  here: Readonly<Record<string, unknown>>,
  builtInIds: readonly string[],
): { items: Record<string, unknown>; counts: RestoredCounts } {
  const items: Record<string, unknown> = {};
  const { settings } = extras;
  if (settings.talkTargets)
    items[TALK_TARGETS.key] = { ...TALK_TARGETS.parse(here[TALK_TARGETS.key]), ...settings.talkTargets };
  if (settings.listeningTargets) items[LISTENING_TARGETS.key] = settings.listeningTargets;
  if (settings.retentionDays !== undefined) items[RETENTION_DAYS.key] = settings.retentionDays;
  if (settings.calendarStyle) items[CALENDAR_STYLE.key] = settings.calendarStyle;
  if (settings.summaryEndpoint) {
    const current = SUMMARY_SETTINGS.parse(here[SUMMARY_SETTINGS.key]);
    const moved = current.baseURL.trim() !== settings.summaryEndpoint.baseURL.trim();
    items[SUMMARY_SETTINGS.key] = { ...current, ...settings.summaryEndpoint, enabled: current.enabled && !moved };
  }
  const counts: RestoredCounts = { settings: Object.keys(items).length, questions: 0, models: 0 };

  if (Object.keys(extras.questions).length > 0) {
    const saved = z.record(str(100), customisationSchema).safeParse(here[MODEL_CUSTOMISATIONS.key]);
    const merged: Record<string, ModelCustomisation> = { ...(saved.success ? saved.data : {}) };
    for (const [modelId, custom] of Object.entries(extras.questions)) {
      const { merged: one, added } = mergeCustomisation(merged[modelId], custom);
      merged[modelId] = one;
      counts.questions += added;
    }
    items[MODEL_CUSTOMISATIONS.key] = merged;
  }

  if (extras.models.length > 0) {
    let models = IMPORTED_MODELS.parse(here[IMPORTED_MODELS.key]);
    for (const incoming of extras.models) {
      const { model } = placeImportedModel(
        incoming,
        builtInIds,
        models.map((m) => m.id),
      );
      models = [...models.filter((m) => m.id !== model.id), model];
      counts.models += 1;
    }
    items[IMPORTED_MODELS.key] = models;
  }
  return { items, counts };
}
