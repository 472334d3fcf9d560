import type { ModeId } from '@/utils/frameworks/types';
import { parseTargetOverrides } from '@/utils/talk-time/target-band';
import {
  deletePastRetention,
  parseRetentionDays,
  parseTalkTargets,
  RETENTION_KEY,
  TALK_TARGETS_KEY,
  talkTargetFromPercent,
} from '@/utils/history';
import { describeBundle, type DashboardActions, type DashboardDeps, type DashboardState } from './state';

/** The settings kept in the dashboard: talk targets, retention, and the storage figure. */
export function settingsActions(s: DashboardState, deps: () => DashboardDeps, ctx: DashboardActions) {
  async function loadSettings() {
    const { settings } = deps();
    const stored = await settings.get(TALK_TARGETS_KEY);
    const retention = await settings.get(RETENTION_KEY);
    s.talkTargets.value = parseTalkTargets(stored[TALK_TARGETS_KEY]);
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
  async function applyRetention(at: number): Promise<number> {
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

  async function setRetention(days: number | null, at: number) {
    const d = deps();
    s.retentionDays.value = days;
    await d.settings.set({ [RETENTION_KEY]: days });
    await applyRetention(at);
  }

  async function setTalkTarget(mode: ModeId, minPercent: number, maxPercent: number) {
    const d = deps();
    try {
      // Only the mentor's own bands are stored: saving one mode must not turn the others'
      // defaults into fixed overrides (which the panel's "Default" could then never undo).
      const band = talkTargetFromPercent(minPercent, maxPercent);
      const overrides = {
        ...parseTargetOverrides((await d.settings.get(TALK_TARGETS_KEY))[TALK_TARGETS_KEY]),
        [mode]: { ...band },
      };
      await d.settings.set({ [TALK_TARGETS_KEY]: overrides });
      s.talkTargets.value = parseTalkTargets(overrides);
      s.done('Talk target saved.');
    } catch (e) {
      s.fail(e, 'Attune could not save the talk target. Try again.');
    }
  }

  async function resetTalkTargets() {
    const d = deps();
    await d.settings.remove(TALK_TARGETS_KEY);
    s.talkTargets.value = parseTalkTargets(null);
  }

  return { loadSettings, refreshStorage, applyRetention, setRetention, setTalkTarget, resetTalkTargets };
}
