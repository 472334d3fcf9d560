import { useHistoryStore } from '@/stores/dashboard/history';
import { useDashboardNoticeStore } from '@/stores/dashboard/notice';
import { useSearchStore } from '@/stores/dashboard/search';
import { useDashboardSettingsStore } from '@/stores/dashboard/settings';
import { installServices } from '@/utils/services';
import { openAttuneDb } from '@/utils/db/open';
import { toDbError } from '@/utils/db/errors';
import { createServices } from '@/utils/create-services';
import { KEY_RECORD_KEY, UNLOCKED_KEY } from '@/utils/crypto/keyring';
import { usePrivacyStore } from '@/stores/shared/privacy';
import { ImportError } from '@/utils/export/import-error';

/** After the next frame: the first view is painted before any follow-up work reads the database. */
export function afterNextFrame(work: () => void): void {
  requestAnimationFrame(() => setTimeout(work, 0));
}

/** What the dashboard takes from the browser beside its database. */
const browserServices = () => ({
  now: () => Date.now(),
  local: browser.storage.local,
  session: browser.storage.session,
  permissions: browser.permissions,
});

/** Reads the shared stores' settings again (at first, and after a backup restored them). */
async function loadSharedSettings(): Promise<void> {
  const [{ useModelLibraryStore }, { useSummaryStore }, { useExportChoicesStore }] = await Promise.all([
    import('@/stores/shared/model-library'),
    import('@/stores/shared/summary'),
    import('@/stores/shared/export-choices'),
  ]);
  await Promise.all([useModelLibraryStore().loadSettings(), useSummaryStore().load(), useExportChoicesStore().load()]);
}

/**
 * The dashboard's composition root: the database, repositories, keyring and seal lock, built once
 * (as the panel builds them) and installed on the dashboard's Pinia with what only this page has;
 * then the first view.
 */
export async function connectDashboard(): Promise<void> {
  const history = useHistoryStore();
  // Without a database the settings still work (reminders, summaries, models); the page says why the history cannot show.
  installServices(browserServices());
  try {
    const db = await openAttuneDb(indexedDB);
    const services = createServices({ db, ...browserServices() });
    installServices(services);
    const { keyring } = services;
    const privacy = usePrivacyStore();
    void privacy.connect({
      sessionIds: async () => (await db.getAllKeys('sessions')).map(String),
      // The search index cached the notes' words: gone, and made again from what is stored now.
      // What undo would put back is sealed or opened to match.
      afterReseal: async (done) => {
        await history.matchUndoToPassphrase(done);
        await db.clear('caches');
        await history.load(services.now());
      },
    });
    // Unlocked, locked, turned on or off in another page: follow it.
    const follow = () => {
      keyring.forget();
      void privacy.refresh().then(() => useSearchStore().passphraseChanged());
    };
    browser.storage.session.onChanged.addListener((changes) => {
      if (UNLOCKED_KEY in changes) follow();
    });
    browser.storage.local.onChanged.addListener((changes) => {
      if (KEY_RECORD_KEY in changes) follow();
    });
    installServices({
      storageEstimate: navigator.storage?.estimate ? () => navigator.storage.estimate() : null,
      afterFirstView: afterNextFrame,
      // A restored backup's settings, questions and models: the stores that hold them read them again.
      afterSettingsRestored: loadSharedSettings,
      backupPassphrase: {
        record: () => keyring.record(),
        key: () => keyring.key(),
        async adopt(record, key) {
          if (!(await privacy.adopt(record, key))) {
            throw new ImportError(
              `The backup was imported, but its passphrase could not be set up here: ${privacy.error ?? 'try again'}. Its notes stay sealed.`,
            );
          }
        },
      },
    });
    await history.load(services.now());
  } catch (error) {
    history.loaded = true;
    useDashboardNoticeStore().error = toDbError(error).message;
    return;
  }
  // After the first view: retention, the storage figure and the shared stores' settings (with the models themselves).
  afterNextFrame(() => {
    void history.applyRetention().then(() => useDashboardSettingsStore().refreshStorage());
    void loadSharedSettings();
    void import('@/stores/dashboard/reminders').then(({ useRemindersStore }) => useRemindersStore().load());
  });
}
