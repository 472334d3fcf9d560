import type { DashboardDeps, useDashboardStore } from '@/stores/dashboard';
import { installServices } from '@/utils/services';

/**
 * Wires a dashboard store as `connectDashboard` does: the repositories and settings installed as
 * the page's services on the active Pinia, the rest handed to the store as the page's own.
 */
export function wireDashboard(
  store: ReturnType<typeof useDashboardStore>,
  { history, sessions, relationships, commitments, settings, ...page }: Omit<DashboardDeps, 'now'>,
): void {
  installServices({ history, sessions, relationships, commitments, local: settings });
  store.connect(page);
}
