import { storage, type StorageItemKey, type WxtStorageItem } from 'wxt/utils/storage';
import { parseKeyRecord, type KeyRecord } from './crypto/passphrase';
import { KEY_RECORD_KEY, PASSPHRASE_JOB_KEY, UNLOCKED_KEY } from './crypto/keyring';
import { parseRetentionDays, RETENTION_KEY } from './history/retention';
import { CALENDAR_STYLE_KEY, parseCalendarStyle, type CalendarStyle } from './export/calendar-style';
import { CUSTOMISATION_KEY, IMPORTED_MODELS_KEY, type ModelCustomisation } from './frameworks/customise';
import type { MentoringModel } from './frameworks/types';
import { readCustomisations, readImportedModels } from './frameworks/stored-settings';
import { LISTENING_TARGETS_KEY, parseListeningTargets } from './listening/targets';
import { captureRequestKey, tabStateKey, type TabCallState } from './messaging';
import { parseTabCallState } from './messaging-schema';
import type { RelationshipMode } from './db/types';
import {
  parseReminderSettings,
  REMINDED_DAY_KEY,
  REMINDER_SETTINGS_KEY,
  type ReminderSettings,
} from './reminders/schedule';
import { readSummarySettings, SUMMARY_SETTINGS_KEY, type SummarySettings } from './summary/settings';
import { parseTargetOverrides, TALK_TARGETS_KEY, type TalkTargetOverrides } from './talk-time/target-band';

/**
 * Every value Attune keeps in `browser.storage`, in one place: its area, key, type and version.
 *
 * Version 1 of each item is the form Attune has stored under that key since the key was added, so
 * a profile that had values before these items existed reads them unchanged (no `key$` version
 * record means version 1). A later change of form raises `version` and adds `migrations[n]`, which
 * WXT runs once on the stored value before anything reads it (tests/unit/storage/storage-items).
 *
 * The keys stay as they were (mixed as their naming is): backups, the background and older pages
 * read them by name. Reads go through each key's parser all the same, as storage holds whatever
 * an older or damaged profile wrote there.
 */
export const STORAGE_ITEMS_VERSION = 1;

/** An item plus the parser that turns whatever is stored into a value the code can trust. */
export interface SettingItem<T> {
  /** The key as `browser.storage` sees it (no `local:`/`session:` prefix). */
  readonly key: string;
  readonly item: WxtStorageItem<T | null, Record<string, unknown>>;
  /** The stored value through its parser (defaults where absent or damaged). */
  read(): Promise<T>;
  write(value: T): Promise<void>;
  remove(): Promise<void>;
  /** Calls back with the parsed value whenever any page changes it; returns the unwatch function. */
  watch(callback: (value: T) => void): () => void;
}

function defineSetting<T>(key: StorageItemKey, parse: (raw: unknown) => T): SettingItem<T> {
  const item = storage.defineItem<T>(key, { version: STORAGE_ITEMS_VERSION });
  return {
    key: key.slice(key.indexOf(':') + 1),
    item,
    read: async () => parse(await item.getValue()),
    write: (value) => item.setValue(value),
    remove: () => item.removeValue(),
    watch: (callback) => item.watch((value) => callback(parse(value))),
  };
}

const asString = (raw: unknown): string | null => (typeof raw === 'string' ? raw : null);
const asTime = (raw: unknown): number | null => (typeof raw === 'number' && Number.isFinite(raw) ? raw : null);
const asTrue = (raw: unknown): boolean => raw === true;

/** storage.local: settings shared by the panel, the dashboard and the background. */
export const localItems = {
  talkTargets: defineSetting<TalkTargetOverrides>(`local:${TALK_TARGETS_KEY}`, parseTargetOverrides),
  listeningTargets: defineSetting<Record<RelationshipMode, number>>(
    `local:${LISTENING_TARGETS_KEY}`,
    parseListeningTargets,
  ),
  calendarStyle: defineSetting<CalendarStyle>(`local:${CALENDAR_STYLE_KEY}`, parseCalendarStyle),
  summarySettings: defineSetting<SummarySettings>(`local:${SUMMARY_SETTINGS_KEY}`, readSummarySettings),
  reminders: defineSetting<ReminderSettings>(`local:${REMINDER_SETTINGS_KEY}`, parseReminderSettings),
  remindedDay: defineSetting<string | null>(`local:${REMINDED_DAY_KEY}`, asString),
  retentionDays: defineSetting<number | null>(`local:${RETENTION_KEY}`, parseRetentionDays),
  modelCustomisations: defineSetting<Record<string, ModelCustomisation>>(
    `local:${CUSTOMISATION_KEY}`,
    readCustomisations,
  ),
  importedModels: defineSetting<MentoringModel[]>(`local:${IMPORTED_MODELS_KEY}`, readImportedModels),
  keyRecord: defineSetting<KeyRecord | null>(`local:${KEY_RECORD_KEY}`, parseKeyRecord),
  passphraseJob: defineSetting<'seal' | 'open' | null>(`local:${PASSPHRASE_JOB_KEY}`, (raw) =>
    raw === 'seal' || raw === 'open' ? raw : null,
  ),
};

/** storage.session (memory, gone when the browser quits): per-tab call state and the unlocked key. */
export const sessionItems = {
  unlockedKey: defineSetting<string | null>(`session:${UNLOCKED_KEY}`, asString),
  tabState: (tabId: number) => defineSetting<TabCallState | null>(`session:${tabStateKey(tabId)}`, parseTabCallState),
  captureRequest: (tabId: number) => defineSetting<number | null>(`session:${captureRequestKey(tabId)}`, asTime),
  captionsOptIn: (sessionId: string) => defineSetting<boolean>(`session:captions:${sessionId}`, asTrue),
};
