import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { KEY_RECORD, PASSPHRASE_JOB, UNLOCKED } from './crypto/keyring';
import { RETENTION_DAYS } from './history/retention';
import { CALENDAR_STYLE } from './export/calendar-style';
import { IMPORTED_MODELS, MODEL_CUSTOMISATIONS } from './frameworks/stored-settings';
import { LISTENING_TARGETS } from './listening/targets';
import { captureRequest } from './call/capture-request';
import { tabCallState } from './messaging-schema';
import { captionsOptIn } from './captions/opt-in';
import { PENDING_PLANS } from './relationships/prepare';
import { REMINDED_DAY, REMINDER_SETTINGS } from './reminders/schedule';
import type { StoredValue } from './storage-area';
import { SUMMARY_SETTINGS } from './summary/settings';
import { TALK_TARGETS } from './talk-time/target-band';

/**
 * Every value Attune keeps in `browser.storage`, listed in one place with its area and version.
 * Each value's key and parser are declared once, beside the parser (a `StoredValue`, see
 * storage-area.ts); stores, the keyring and the background read and write through those same
 * declarations with the area they are handed, and the items here add WXT's watching and versions.
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

function defineSetting<T>(area: 'local' | 'session', value: StoredValue<T>): SettingItem<T> {
  const item = storage.defineItem<T>(`${area}:${value.key}`, { version: STORAGE_ITEMS_VERSION });
  return {
    key: value.key,
    item,
    read: async () => value.parse(await item.getValue()),
    write: (next) => item.setValue(next),
    remove: () => item.removeValue(),
    watch: (callback) => item.watch((next) => callback(value.parse(next))),
  };
}

/** storage.local: settings shared by the panel, the dashboard and the background. */
export const localItems = {
  talkTargets: defineSetting('local', TALK_TARGETS),
  listeningTargets: defineSetting('local', LISTENING_TARGETS),
  calendarStyle: defineSetting('local', CALENDAR_STYLE),
  summarySettings: defineSetting('local', SUMMARY_SETTINGS),
  reminders: defineSetting('local', REMINDER_SETTINGS),
  remindedDay: defineSetting('local', REMINDED_DAY),
  retentionDays: defineSetting('local', RETENTION_DAYS),
  modelCustomisations: defineSetting('local', MODEL_CUSTOMISATIONS),
  importedModels: defineSetting('local', IMPORTED_MODELS),
  pendingPlans: defineSetting('local', PENDING_PLANS),
  keyRecord: defineSetting('local', KEY_RECORD),
  passphraseJob: defineSetting('local', PASSPHRASE_JOB),
};

/** storage.session (memory, gone when the browser quits): per-tab call state and the unlocked key. */
export const sessionItems = {
  unlockedKey: defineSetting('session', UNLOCKED),
  tabState: (tabId: number) => defineSetting('session', tabCallState(tabId)),
  captureRequest: (tabId: number) => defineSetting('session', captureRequest(tabId)),
  captionsOptIn: (sessionId: string) => defineSetting('session', captionsOptIn(sessionId)),
};
