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
import { parseStoredPlans, type TodayPlan } from './relationships/prepare';
import type { KeyValueArea } from './storage-area';
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
 *
 * The pages reach a value one way: through its item. `item.read()` and `item.watch()` use the
 * browser's own area through WXT; `item.in(area).read()` the same key and parser in an area handed
 * in (a page's services, a test's `memoryArea()`), which is how the stores keep their storage
 * injectable. The service worker's parts (keyring, call tabs, reminders, retention) read their few
 * keys by name with the same parsers: importing this file would load every page's parsers into
 * the background (59 KB to 81 KB when tried).
 */
export const STORAGE_ITEMS_VERSION = 1;

/** A value kept under one key: read through its parser (defaults where absent or damaged). */
export interface StoredValue<T> {
  read(): Promise<T>;
  write(value: T): Promise<void>;
  remove(): Promise<void>;
}

/** An item plus the parser that turns whatever is stored into a value the code can trust. */
export interface SettingItem<T> extends StoredValue<T> {
  /** The key as `browser.storage` sees it (no `local:`/`session:` prefix). */
  readonly key: string;
  readonly item: WxtStorageItem<T | null, Record<string, unknown>>;
  /** Calls back with the parsed value whenever any page changes it; returns the unwatch function. */
  watch(callback: (value: T) => void): () => void;
  /** The same key and parser in `area`: the area a page's services or a test hand in. */
  in(area: KeyValueArea): StoredValue<T>;
}

function defineSetting<T>(fullKey: StorageItemKey, parse: (raw: unknown) => T): SettingItem<T> {
  // WXT reads an item's key as soon as the item is defined, so it is defined on first use: a page
  // whose stores only go through `in(area)`, and each session's caption choice, cost no storage
  // read of their own (and need no `browser` in a unit test).
  let defined: WxtStorageItem<T | null, Record<string, unknown>> | undefined;
  const wxt = () => (defined ??= storage.defineItem<T>(fullKey, { version: STORAGE_ITEMS_VERSION }));
  const key = fullKey.slice(fullKey.indexOf(':') + 1);
  return {
    key,
    get item() {
      return wxt();
    },
    read: async () => parse(await wxt().getValue()),
    write: (value) => wxt().setValue(value),
    remove: () => wxt().removeValue(),
    watch: (callback) => wxt().watch((value) => callback(parse(value))),
    in: (area) => ({
      read: async () => parse((await area.get(key))[key]),
      write: (value) => area.set({ [key]: value }),
      remove: () => area.remove(key),
    }),
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
  /** Plans made in the dashboard for a relationship's next session, by relationship id. */
  pendingPlans: defineSetting<Record<string, TodayPlan>>('local:prepare.pendingPlans', parseStoredPlans),
};

/** storage.session (memory, gone when the browser quits): per-tab call state and the unlocked key. */
export const sessionItems = {
  unlockedKey: defineSetting<string | null>(`session:${UNLOCKED_KEY}`, asString),
  tabState: (tabId: number) => defineSetting<TabCallState | null>(`session:${tabStateKey(tabId)}`, parseTabCallState),
  captureRequest: (tabId: number) => defineSetting<number | null>(`session:${captureRequestKey(tabId)}`, asTime),
  captionsOptIn: (sessionId: string) => defineSetting<boolean>(`session:captions:${sessionId}`, asTrue),
};
