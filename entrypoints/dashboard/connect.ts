import { useDashboardStore } from '@/stores/dashboard';
import { installServices } from '@/utils/services';
import { openAttuneDb } from '@/utils/db/open';
import { toDbError } from '@/utils/db/errors';
import { createIdbHistoryRepo } from '@/utils/db/history-repo';
import { createIdbSessionRepo } from '@/utils/db/session-repo';
import { createIdbRelationshipRepo } from '@/utils/db/relationship-repo';
import { createIdbCommitmentRepo } from '@/utils/db/commitment-repo';
import { createKeyring, KEY_RECORD_KEY, UNLOCKED_KEY } from '@/utils/crypto/keyring';
import { createSealingSessionRepo } from '@/utils/db/sealing-session-repo';
import { createSealLock } from '@/utils/crypto/seal-lock';
import { usePrivacyStore } from '@/stores/shared/privacy';
import { ImportError } from '@/utils/export/import-error';

/** After the next frame: the first view is painted before any follow-up work reads the database. */
export function afterNextFrame(work: () => void): void {
  requestAnimationFrame(() => setTimeout(work, 0));
}

/** Wires the dashboard's stores to IndexedDB and storage.local, and draws the first view. */
export async function connectDashboard(): Promise<void> {
  const dashboard = useDashboardStore();
  try {
    const db = await openAttuneDb(indexedDB);
    const keyring = createKeyring({ local: browser.storage.local, session: browser.storage.session });
    const rawSessions = createIdbSessionRepo(db);
    // One lock, across every Attune page, around protected writes and passphrase changes.
    const exclusive = createSealLock();
    const privacy = usePrivacyStore();
    void privacy.connect({
      keyring,
      rawSessions,
      exclusive,
      jobs: browser.storage.local,
      sessionIds: async () => (await db.getAllKeys('sessions')).map(String),
      // The search index cached the notes' words: gone, and made again from what is stored now.
      // What undo would put back is sealed or opened to match.
      afterReseal: async (done) => {
        await dashboard.matchUndoToPassphrase(done);
        await db.clear('caches');
        await dashboard.load(Date.now());
      },
    });
    // Unlocked, locked, turned on or off in another page: follow it.
    const follow = () => {
      keyring.forget();
      void privacy.refresh().then(() => dashboard.passphraseChanged());
    };
    browser.storage.session.onChanged.addListener((changes) => {
      if (UNLOCKED_KEY in changes) follow();
    });
    browser.storage.local.onChanged.addListener((changes) => {
      if (KEY_RECORD_KEY in changes) follow();
    });
    const sessions = createSealingSessionRepo(rawSessions, keyring, { exclusive });
    const relationships = createIdbRelationshipRepo(db);
    const commitments = createIdbCommitmentRepo(db);
    // The shared stores the dashboard uses (preparing the next session) read these services.
    installServices({ sessions, rawSessions, relationships, commitments, local: browser.storage.local, now: Date.now });
    dashboard.connect({
      history: createIdbHistoryRepo(db),
      sessions,
      relationships,
      commitments,
      settings: browser.storage.local,
      estimate: navigator.storage?.estimate ? () => navigator.storage.estimate() : null,
      afterFirstView: afterNextFrame,
      // A restored backup's settings, questions and models: the stores that hold them read them again.
      async afterSettingsRestored() {
        const [{ useModelLibraryStore }, { useSummaryStore }, { useExportChoicesStore }] = await Promise.all([
          import('@/stores/shared/model-library'),
          import('@/stores/shared/summary'),
          import('@/stores/shared/export-choices'),
        ]);
        await useModelLibraryStore().connectSettings(browser.storage.local);
        await useSummaryStore().connect({ area: browser.storage.local, permissions: browser.permissions });
        await useExportChoicesStore().connect(browser.storage.local);
      },
      passphrase: {
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
    await dashboard.load(Date.now());
  } catch (error) {
    dashboard.loaded = true;
    dashboard.error = toDbError(error).message;
    return;
  }
  // After the first view: retention, the storage figure and the models' settings.
  afterNextFrame(() => {
    void dashboard.applyRetention(Date.now()).then(() => dashboard.refreshStorage());
    // The models' and summaries' stores (with the models themselves) load here, not before the first view.
    void import('@/stores/shared/model-library').then(({ useModelLibraryStore }) =>
      useModelLibraryStore().connectSettings(browser.storage.local),
    );
    void import('@/stores/shared/summary').then(({ useSummaryStore }) =>
      useSummaryStore().connect({ area: browser.storage.local, permissions: browser.permissions }),
    );
    void import('@/stores/shared/export-choices').then(({ useExportChoicesStore }) =>
      useExportChoicesStore().connect(browser.storage.local),
    );
    void import('@/stores/dashboard/reminders').then(({ useRemindersStore }) => {
      const reminders = useRemindersStore();
      reminders.connect({ area: browser.storage.local, permissions: browser.permissions });
      return reminders.load();
    });
  });
}
