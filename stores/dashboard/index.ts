import { defineStore } from 'pinia';
import { backupActions } from './backup';
import { historyIndexActions } from './history-index';
import { relationshipActions } from './relationship-actions';
import { removalActions } from './removal';
import { reportActions } from './report';
import { searchActions } from './search';
import { settingsActions } from './settings';
import { createDashboardState, requireDeps, type DashboardActions, type DashboardDeps } from './state';

export { SEARCH_LIMIT } from './search';
export type { BackupPassphrase, DashboardDeps, SessionReportData } from './state';

/**
 * The dashboard: relationships, the digest of every session (for trends and lists), search,
 * one session's report, deletions with undo, backups, retention and the settings kept here.
 * Its parts live beside this file, one concern each, sharing one state (state.ts); they call
 * each other through `ctx`, bound below once all are made.
 */
export const useDashboardStore = defineStore('dashboard', () => {
  const s = createDashboardState();
  let wired: DashboardDeps | null = null;
  const deps = () => requireDeps(wired);
  const ctx = {} as DashboardActions & { ensureSearchIndex(): Promise<void> };

  const index = historyIndexActions(s, deps, ctx);
  const search = searchActions(s, deps, ctx);
  const report = reportActions(s, deps);
  const removal = removalActions(s, deps, ctx);
  const relationships = relationshipActions(s, deps, ctx);
  const backup = backupActions(s, deps, ctx);
  const settings = settingsActions(s, deps, ctx);
  Object.assign(ctx, index, search, report, removal, settings);

  function connect(d: DashboardDeps) {
    wired = d;
  }

  // The parts' helpers stay inside; the page sees the state and the actions.
  const { trendContext, fail, done, ...state } = s;
  return {
    ...state,
    connect,
    load: index.load,
    rebuild: index.rebuild,
    ensureSearchIndex: index.ensureSearchIndex,
    ...search,
    ...report,
    deleteSession: removal.deleteSession,
    deleteRelationship: removal.deleteRelationship,
    deleteAll: removal.deleteAll,
    undo: removal.undo,
    matchUndoToPassphrase: removal.matchUndoToPassphrase,
    ...relationships,
    ...backup,
    refreshStorage: settings.refreshStorage,
    applyRetention: settings.applyRetention,
    setRetention: settings.setRetention,
    setTalkTarget: settings.setTalkTarget,
    resetTalkTargets: settings.resetTalkTargets,
  };
});
