import { defineStore } from 'pinia';
import { historyIndexActions } from './history-index';
import { relationshipActions } from './relationship-actions';
import { removalActions } from './removal';
import { reportActions } from './report';
import { useSearchStore } from './search';
import { useDashboardSettingsStore } from './settings';
import { useServices } from '@/utils/services';
import type { HistoryFilter } from '@/utils/history';
import { createHistoryState, dashboardDeps, type HistoryActions } from './state';

/**
 * The history on the dashboard: relationships, the digest of every session (for trends and
 * lists) and its index, one session's report, deletions with undo, and relationship edits. Its
 * parts live beside this file, one concern each, sharing one state (state.ts); they call each
 * other through `ctx`, bound below once all are made. Search, backups, settings and the line of
 * news are stores of their own.
 */
export const useHistoryStore = defineStore('dashboard-history', () => {
  const s = createHistoryState();
  // Read when an action runs: one used before the page installed its services throws (MissingServiceError).
  const deps = dashboardDeps(useServices());
  // The search and settings stores are reached when an action runs: they read this store in turn.
  const ctx = {
    runSearch: (): void => useSearchStore().runSearch(),
    searchAgain: (): Promise<void> => useSearchStore().searchAgain(),
    loadSettings: (): Promise<void> => useDashboardSettingsStore().loadSettings(),
    refreshStorage: (): Promise<void> => useDashboardSettingsStore().refreshStorage(),
  } as HistoryActions;

  const index = historyIndexActions(s, deps, ctx);
  const report = reportActions(s, deps);
  const removal = removalActions(s, deps, ctx);
  const relationships = relationshipActions(s, deps, ctx);
  Object.assign(ctx, index, report, removal);

  /** Narrows the trends, the list and the search to one relationship or a period. */
  function setFilter(next: HistoryFilter) {
    s.filter.value = { ...next };
    ctx.runSearch();
  }

  // The parts' helpers stay inside; the page sees the state and the actions.
  const { trendContext, fail, done, notice, ...state } = s;
  return {
    ...state,
    load: index.load,
    rebuild: index.rebuild,
    ensureSearchIndex: index.ensureSearchIndex,
    setFilter,
    ...report,
    deleteSession: removal.deleteSession,
    deleteRelationship: removal.deleteRelationship,
    deleteAll: removal.deleteAll,
    undo: removal.undo,
    matchUndoToPassphrase: removal.matchUndoToPassphrase,
    applyRetention: removal.applyRetention,
    setRetention: removal.setRetention,
    ...relationships,
  };
});
