import { deletePastRetention, parseRetentionDays, RETENTION_KEY } from '@/utils/history';
import { useTalkTargetsStore } from '../shared/talk-targets';
import { describeBundle, type DashboardActions, type DashboardDeps, type DashboardState } from './state';

/**
 * The settings kept in the dashboard: retention and the storage figure. Talk targets are the
 * shared talk-targets store's, the same one the panel's gauge edits.
 */
export function settingsActions(s: DashboardState, deps: () => DashboardDeps, ctx: DashboardActions) {
  const targets = useTalkTargetsStore();

  async function loadSettings() {
    const { settings } = deps();
    const retention = await settings.get(RETENTION_KEY);
    await targets.loadSettings();
    s.retentionDays.value = parseRetentionDays(retention[RETENTION_KEY]);
  }

  async function refreshStorage() {
    const { estimate } = deps();
    if (!estimate) return;
    try {
      const { usage, quota } = await estimate();
      s.storage.value = usage === undefined || quota === undefined ? null : { usage, quota };
    } catch {
      s.storage.value = null;
    }
  }

  /** Deletes the sessions past the retention period, if one is set; returns how many. */
  async function applyRetention(at = deps().now()): Promise<number> {
    const d = deps();
    try {
      const removed = await deletePastRetention(d.history, s.retentionDays.value, at);
      if (!removed) return 0;
      s.message.value = `Deleted ${describeBundle(removed)} older than your retention period.`;
      s.undoable.value = { what: describeBundle(removed), bundle: removed };
      await ctx.forget(removed);
      return removed.sessions.length;
    } catch (e) {
      s.fail(e, 'Attune could not delete the sessions past your retention period. It will try again next time.');
      return 0;
    }
  }

  async function setRetention(days: number | null, at = deps().now()) {
    const d = deps();
    s.retentionDays.value = days;
    await d.settings.set({ [RETENTION_KEY]: days });
    await applyRetention(at);
  }

  return { loadSettings, refreshStorage, applyRetention, setRetention };
}
