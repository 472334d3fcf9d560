import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { isProtected } from '@/utils/crypto/sealed-session';
import { searchHistory, sessionSearchEntry, type SearchEntry, type SearchResult } from '@/utils/history';
import { useServices } from '@/utils/services';
import { useHistoryStore } from './history';
import { useDashboardNoticeStore } from './notice';
import { dashboardDeps } from './state';

export const SEARCH_LIMIT = 200;

/**
 * Search over the history store's index, within its filter, with sealed sessions' words opened in
 * memory while unlocked.
 */
export const useSearchStore = defineStore('dashboard-search', () => {
  const deps = dashboardDeps(useServices());
  const query = ref('');
  const searchResult = shallowRef<SearchResult | null>(null);
  /** The query `searchResult` answers. */
  const resultQuery = ref('');
  /**
   * Sealed sessions' words, opened while the passphrase is unlocked: in this page's memory only,
   * never in the cache on disk; made again when the index changes, dropped when it locks.
   */
  let openedWords: { for: SearchEntry[]; entries: Map<string, SearchEntry> } | null = null;

  async function ensureOpenedWords() {
    const entries = useHistoryStore().searchEntries;
    const { passphrase, sessions } = deps();
    if (!passphrase || !entries || openedWords?.for === entries) return;
    if (!entries.some((e) => e.sealed) || !(await passphrase.key())) {
      openedWords = null;
      return;
    }
    const opened = new Map<string, SearchEntry>();
    for (const entry of entries) {
      if (!entry.sealed) continue;
      // One damaged session is left out of the search, not the whole search.
      const session = await sessions.get(entry.sessionId).catch(() => null);
      if (session && !isProtected(session)) opened.set(entry.id, sessionSearchEntry(session));
    }
    openedWords = { for: entries, entries: opened };
  }

  /** Locked (here or in another page): the opened words are forgotten, and the open report is read again. */
  async function passphraseChanged() {
    const history = useHistoryStore();
    openedWords = null;
    runSearch();
    if (history.report) await history.openSession(history.report.session.id);
  }

  /** The results again, from the index and filter as they are now (after a change to either). */
  function runSearch() {
    const history = useHistoryStore();
    resultQuery.value = query.value;
    const all = history.searchEntries;
    const words = openedWords?.for === all ? openedWords.entries : null;
    const entries = words && all ? all.map((e) => (e.sealed ? (words.get(e.id) ?? e) : e)) : all;
    searchResult.value =
      query.value.trim() && entries ? searchHistory(entries, query.value, history.filter, SEARCH_LIMIT) : null;
  }

  async function search(text: string) {
    query.value = text;
    if (!text.trim()) {
      searchResult.value = null;
      return;
    }
    try {
      await useHistoryStore().ensureSearchIndex();
      await ensureOpenedWords();
      runSearch();
    } catch (e) {
      useDashboardNoticeStore().fail(e, 'Attune could not search your history. Try again.');
    }
  }

  /** The last search made again once its index was dropped for a fresh one (after a refresh). */
  async function searchAgain() {
    if (query.value) await search(query.value);
  }

  return { query, searchResult, resultQuery, search, runSearch, searchAgain, passphraseChanged };
});
