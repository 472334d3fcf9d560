import type { DashboardDeps } from '@/stores/dashboard/state';
import { useHistoryStore } from '@/stores/dashboard/history';
import { useSearchStore } from '@/stores/dashboard/search';
import { useBackupStore } from '@/stores/dashboard/backup';
import { useDashboardSettingsStore } from '@/stores/dashboard/settings';
import { useDashboardNoticeStore } from '@/stores/dashboard/notice';
import { installServices } from '@/utils/services';

/** What a test hands the dashboard: the repositories and settings, and what it needs of the page's own. */
export type WiredDashboard = Pick<
  DashboardDeps,
  'history' | 'sessions' | 'relationships' | 'commitments' | 'settings'
> &
  Partial<Pick<DashboardDeps, 'estimate' | 'afterFirstView' | 'passphrase' | 'afterSettingsRestored'>>;

/**
 * Wires the dashboard's stores as `connectDashboard` does, on the active Pinia: the repositories
 * and settings installed as the page's services, with the page's own (no storage figure, work
 * after the first view run at once, no passphrase) unless the test gives its own. Returns the stores.
 */
export function wireDashboard({
  history,
  sessions,
  relationships,
  commitments,
  settings,
  estimate = null,
  afterFirstView = (work) => work(),
  passphrase = null,
  afterSettingsRestored = async () => {},
}: WiredDashboard) {
  installServices({
    history,
    sessions,
    relationships,
    commitments,
    local: settings,
    storageEstimate: estimate,
    afterFirstView,
    backupPassphrase: passphrase,
    afterSettingsRestored,
  });
  return {
    history: useHistoryStore(),
    search: useSearchStore(),
    backup: useBackupStore(),
    settings: useDashboardSettingsStore(),
    notice: useDashboardNoticeStore(),
  };
}
