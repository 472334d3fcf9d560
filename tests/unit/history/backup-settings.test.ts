import { describe, expect, it } from 'vitest';
import { fakeHistory } from '../../support/fake-history';
import { fakeModel } from '../../support/records';
import { backupJson, parseBackupJson } from '@/utils/history/backup';
import {
  backupExtras,
  parseBackupExtras,
  restoreItems,
  MAX_BACKUP_MODELS,
  type BackupExtras,
} from '@/utils/history/backup-settings';
import { CALENDAR_STYLE_KEY } from '@/utils/export/calendar-style';
import { CUSTOMISATION_KEY, IMPORTED_MODELS_KEY } from '@/utils/frameworks/customise';
import { BUILT_IN_MODELS, GROW } from '@/utils/frameworks';
import { LISTENING_TARGETS_KEY } from '@/utils/listening/targets';
import { SUMMARY_SETTINGS_KEY } from '@/utils/summary/settings';
import { TALK_TARGETS_KEY } from '@/utils/talk-time/target-band';
import { RETENTION_KEY } from '@/utils/history/retention';
import type { MentoringModel } from '@/utils/frameworks/types';

const history = fakeHistory({ sessions: 3, commitmentsPerSession: 1, relationships: 1, now: Date.UTC(2026, 0, 1) });
const BUILT_IN_IDS = BUILT_IN_MODELS.map((m) => m.id);

const ownModel: MentoringModel = fakeModel();
const stored: Record<string, unknown> = {
  [TALK_TARGETS_KEY]: { mentoring: { minMentorShare: 0.1, maxMentorShare: 0.35 } },
  [LISTENING_TARGETS_KEY]: { mentoring: 0.7 },
  [RETENTION_KEY]: 365,
  [CALENDAR_STYLE_KEY]: 'timed',
  [SUMMARY_SETTINGS_KEY]: {
    enabled: true,
    baseURL: 'http://localhost:11434/v1',
    model: 'llama3.1',
    apiKey: 'sk-secret',
  },
  [CUSTOMISATION_KEY]: {
    'six-layer': {
      added: { trust: [{ id: 'mine-1', text: 'What would make this useful for you?', custom: true }] },
      hidden: ['x'],
      minutes: { trust: 12 },
    },
  },
  [IMPORTED_MODELS_KEY]: [ownModel],
};

describe('backup extras: settings, own questions, imported models', () => {
  it('carries this browser’s settings, questions and models through a backup file', () => {
    const extras = backupExtras(stored);
    const read = parseBackupJson(backupJson(history, 0, null, extras));
    expect(read.extras).toEqual(extras);
    expect(read.extras?.settings).toEqual({
      talkTargets: { mentoring: { minMentorShare: 0.1, maxMentorShare: 0.35 } },
      listeningTargets: { mentoring: 0.7, 'specialist-coaching': 0.8, 'co-coaching': 0.75 },
      retentionDays: 365,
      calendarStyle: 'timed',
      summaryEndpoint: { baseURL: 'http://localhost:11434/v1', model: 'llama3.1' },
    });
    expect(read.extras?.questions['six-layer']?.added.trust?.[0]?.text).toBe('What would make this useful for you?');
    expect(read.extras?.models).toEqual([ownModel]);
    expect(read.sessions).toEqual(history.sessions);
  });

  it('never writes the summary endpoint’s key into the file', () => {
    expect(backupJson(history, 0, null, backupExtras(stored))).not.toContain('sk-secret');
  });

  it('leaves out damaged entries instead of carrying them', () => {
    const extras = backupExtras({
      [CALENDAR_STYLE_KEY]: 'weekly',
      [CUSTOMISATION_KEY]: 'nonsense',
      [IMPORTED_MODELS_KEY]: [{ id: 'BAD ID' }, ownModel],
    });
    expect(extras).toEqual({ settings: {}, questions: {}, models: [ownModel] });
  });

  it('writes no extra parts when nothing is set, and an older backup without them still imports', () => {
    const plain = JSON.parse(backupJson(history, 0, null, backupExtras({}))) as Record<string, unknown>;
    expect(plain).not.toHaveProperty('settings');
    expect(plain).not.toHaveProperty('models');
    expect(parseBackupJson(JSON.stringify(plain)).extras).toBeNull();
    expect(parseBackupJson(backupJson(history, 0)).sessions).toHaveLength(3);
  });

  const good = JSON.parse(backupJson(history, 0, null, backupExtras(stored))) as Record<
    string,
    Record<string, unknown>
  >;
  const variant = (change: (raw: Record<string, Record<string, unknown>>) => void) => {
    const raw = structuredClone(good);
    change(raw);
    return JSON.stringify(raw);
  };
  it.each([
    [
      'a talk target out of range',
      variant((r) => void ((r.settings ?? {}).talkTargets = { mentoring: { minMentorShare: 0.2, maxMentorShare: 4 } })),
      /settings\.talkTargets\.mentoring\.maxMentorShare/,
    ],
    [
      'a band upside down',
      variant(
        (r) => void ((r.settings ?? {}).talkTargets = { mentoring: { minMentorShare: 0.5, maxMentorShare: 0.2 } }),
      ),
      /settings\.talkTargets\.mentoring/,
    ],
    [
      'a retention of minus a day',
      variant((r) => void ((r.settings ?? {}).retentionDays = -1)),
      /settings\.retentionDays/,
    ],
    [
      'an unknown calendar style',
      variant((r) => void ((r.settings ?? {}).calendarStyle = 'weekly')),
      /settings\.calendarStyle/,
    ],
    [
      'a question too long for the panel',
      variant(
        (r) =>
          void (r.questions = {
            grow: { added: { goal: [{ id: 'q', text: 'x'.repeat(201) }] }, hidden: [], minutes: {} },
          }),
      ),
      /questions\.grow\.added\.goal\.0\.text/,
    ],
    [
      'too many own questions in a stage',
      variant(
        (r) =>
          void (r.questions = {
            grow: {
              added: { goal: Array.from({ length: 201 }, (_, i) => ({ id: `q${i}`, text: 'Why?' })) },
              hidden: [],
              minutes: {},
            },
          }),
      ),
      /questions\.grow\.added\.goal/,
    ],
    [
      'own questions for too many models',
      variant(
        (r) =>
          void (r.questions = Object.fromEntries(
            Array.from({ length: 101 }, (_, i) => [`m${i}`, { added: {}, hidden: [], minutes: {} }]),
          )),
      ),
      /“questions”/,
    ],
    [
      'too many models',
      variant(
        (r) =>
          void (r.models = Array.from({ length: MAX_BACKUP_MODELS + 1 }, () => ownModel) as unknown as Record<
            string,
            unknown
          >),
      ),
      /“models”/,
    ],
    [
      'a model without stages',
      variant((r) => void (r.models = [{ ...ownModel, stages: [] }] as unknown as Record<string, unknown>)),
      /model number 1 has a problem/,
    ],
  ])('refuses %s, naming where, and imports nothing', (_why, text, where) => {
    expect(() => parseBackupJson(text)).toThrow(where);
    expect(() => parseBackupJson(text)).toThrow(/Nothing was imported\.$/);
  });

  it('takes an older Attune’s parts it knows and passes over ones it does not', () => {
    const extras = parseBackupExtras({ settings: { calendarStyle: 'all-day', somethingNew: 1 } });
    expect(extras).toEqual({ settings: { calendarStyle: 'all-day' }, questions: {}, models: [] });
  });
});

describe('restoreItems', () => {
  const extras: BackupExtras = backupExtras(stored);

  it('restores the settings over a fresh browser’s, the summary endpoint off and without a key', () => {
    const { items, counts } = restoreItems(extras, {}, BUILT_IN_IDS);
    expect(items[TALK_TARGETS_KEY]).toEqual({ mentoring: { minMentorShare: 0.1, maxMentorShare: 0.35 } });
    expect(items[RETENTION_KEY]).toBe(365);
    expect(items[CALENDAR_STYLE_KEY]).toBe('timed');
    expect(items[LISTENING_TARGETS_KEY]).toMatchObject({ mentoring: 0.7 });
    expect(items[SUMMARY_SETTINGS_KEY]).toEqual({
      enabled: false,
      baseURL: 'http://localhost:11434/v1',
      model: 'llama3.1',
      apiKey: '',
    });
    expect(items[IMPORTED_MODELS_KEY]).toEqual([ownModel]);
    expect(counts).toEqual({ settings: 5, questions: 1, models: 1 });
  });

  it('keeps this browser’s key, and summaries on when the endpoint is the same', () => {
    const here = {
      [SUMMARY_SETTINGS_KEY]: { enabled: true, baseURL: 'http://localhost:11434/v1', model: 'old', apiKey: 'mine' },
    };
    expect(restoreItems(extras, here, BUILT_IN_IDS).items[SUMMARY_SETTINGS_KEY]).toEqual({
      enabled: true,
      baseURL: 'http://localhost:11434/v1',
      model: 'llama3.1',
      apiKey: 'mine',
    });
    const elsewhere = {
      [SUMMARY_SETTINGS_KEY]: { enabled: true, baseURL: 'https://api.openai.com/v1', model: 'gpt', apiKey: 'mine' },
    };
    expect(restoreItems(extras, elsewhere, BUILT_IN_IDS).items[SUMMARY_SETTINGS_KEY]).toMatchObject({
      enabled: false,
      apiKey: 'mine',
    });
  });

  it('adds the backup’s questions to the mentor’s own, once, and keeps the ones here', () => {
    const here = {
      [CUSTOMISATION_KEY]: {
        'six-layer': {
          added: { trust: [{ id: 'mine-2', text: 'What matters most today?', custom: true }] },
          hidden: ['y'],
          minutes: { trust: 5, goal: 7 },
        },
      },
    };
    const once = restoreItems(extras, here, BUILT_IN_IDS);
    const merged = (
      once.items[CUSTOMISATION_KEY] as Record<
        string,
        { added: Record<string, Array<{ id: string }>>; hidden: string[]; minutes: Record<string, number> }
      >
    )['six-layer'];
    expect(merged?.added.trust?.map((q) => q.id)).toEqual(['mine-2', 'mine-1']);
    expect(merged?.hidden).toEqual(['y', 'x']);
    expect(merged?.minutes).toEqual({ trust: 12, goal: 7 });
    expect(once.counts.questions).toBe(1);
    // A second restore of the same backup adds nothing.
    const twice = restoreItems(extras, once.items, BUILT_IN_IDS);
    expect(twice.items[CUSTOMISATION_KEY]).toEqual(once.items[CUSTOMISATION_KEY]);
    expect(twice.counts.questions).toBe(0);
  });

  it('replaces an imported model of the same id, keeps the others, and never replaces a built-in', () => {
    const older = { ...ownModel, name: 'Clean language (old)' };
    const other = { ...ownModel, id: 'other', name: 'Other' };
    const { items } = restoreItems(
      { ...extras, models: [ownModel, { ...GROW, name: 'My GROW' }] },
      { [IMPORTED_MODELS_KEY]: [older, other] },
      BUILT_IN_IDS,
    );
    const models = items[IMPORTED_MODELS_KEY] as MentoringModel[];
    expect(models.map((m) => [m.id, m.name])).toEqual([
      ['other', 'Other'],
      ['clean-language', 'Clean language'],
      [`${GROW.id}-imported`, 'My GROW (imported)'],
    ]);
  });

  it('writes nothing for a backup without extras', () => {
    expect(restoreItems({ settings: {}, questions: {}, models: [] }, {}, BUILT_IN_IDS)).toEqual({
      items: {},
      counts: { settings: 0, questions: 0, models: 0 },
    });
  });
});
