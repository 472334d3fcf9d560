import { defineStore } from 'pinia';
import { backupActions } from './backup';
import { historyIndexActions } from './history-index';
import { relationshipActions } from './relationship-actions';
import { removalActions } from './removal';
import { reportActions } from './report';
import { searchActions } from './search';
import { settingsActions } from './settings';
import { useServices } from '@/utils/services';
import { createDashboardState, type DashboardActions, type DashboardDeps, type DashboardPage } from './state';

export { SEARCH_LIMIT } from './search';
export type { BackupPassphrase, DashboardDeps, DashboardPage, SessionReportData } from './state';

/**
 * The dashboard: relationships, the digest of every session (for trends and lists), search,
 * one session's report, deletions with undo, backups, retention and the settings kept here.
 * Its parts live beside this file, one concern each, sharing one state (state.ts); they call
 * each other through `ctx`, bound below once all are made.
 */
export const useDashboardStore = defineStore('dashboard', () => {
  const s = createDashboardState();
  const need = useServices();
  let page: DashboardPage = { estimate: null };
  // Read when an action runs: one used before the page installed its services throws (MissingServiceError).
  const deps = (): DashboardDeps => ({
    ...page,
    history: need('history'),
    sessions: need('sessions'),
    relationships: need('relationships'),
    commitments: need('commitments'),
    settings: need('local'),
    now: need('now'),
  });
  const ctx = {} as DashboardActions & { ensureSearchIndex(): Promise<void> };

  const index = historyIndexActions(s, deps, ctx);
  const search = searchActions(s, deps, ctx);
  const report = reportActions(s, deps);
  const removal = removalActions(s, deps, ctx);
  const relationships = relationshipActions(s, deps, ctx);
  const backup = backupActions(s, deps, ctx);
  const settings = settingsActions(s, deps, ctx);
  Object.assign(ctx, index, search, report, removal, settings);

  /** What only the dashboard page has (the storage estimate, its scheduling, the passphrase for backups). */
  function connect(p: DashboardPage) {
    page = p;
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
  };
});
