import { useDashboardStore } from '@/stores/dashboard';
import { useStagesStore } from '@/stores/stages';
import { openAttuneDb } from '@/utils/db/open';
import { toDbError } from '@/utils/db/errors';
import { createIdbHistoryRepo } from '@/utils/db/history-repo';
import { createIdbSessionRepo } from '@/utils/db/session-repo';
import { createIdbRelationshipRepo } from '@/utils/db/relationship-repo';
import { createIdbCommitmentRepo } from '@/utils/db/commitment-repo';

/** After the next frame: the first view is painted before any follow-up work reads the database. */
export function afterNextFrame(work: () => void): void {
  requestAnimationFrame(() => setTimeout(work, 0));
}

/** Wires the dashboard's stores to IndexedDB and storage.local, and draws the first view. */
export async function connectDashboard(): Promise<void> {
  const dashboard = useDashboardStore();
  try {
    const db = await openAttuneDb(indexedDB);
    dashboard.connect({
      history: createIdbHistoryRepo(db),
      sessions: createIdbSessionRepo(db),
      relationships: createIdbRelationshipRepo(db),
      commitments: createIdbCommitmentRepo(db),
      settings: browser.storage.local,
      estimate: navigator.storage?.estimate ? () => navigator.storage.estimate() : null,
      afterFirstView: afterNextFrame,
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
    void useStagesStore().connectSettings(browser.storage.local);
  });
}
