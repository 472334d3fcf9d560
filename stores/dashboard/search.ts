import { isProtected } from '@/utils/crypto/sealed-session';
import { searchHistory, sessionSearchEntry, type HistoryFilter, type SearchEntry } from '@/utils/history';
import type { DashboardActions, DashboardDeps, DashboardState } from './state';

export const SEARCH_LIMIT = 200;

/** Search over the history index, with sealed sessions' words opened in memory while unlocked. */
export function searchActions(
  s: DashboardState,
  deps: () => DashboardDeps,
  ctx: DashboardActions & { ensureSearchIndex(): Promise<void> },
) {
  /**
   * Sealed sessions' words, opened while the passphrase is unlocked: in this page's memory only,
   * never in the cache on disk; made again when the index changes, dropped when it locks.
   */
  let openedWords: { for: SearchEntry[]; entries: Map<string, SearchEntry> } | null = null;

  async function ensureOpenedWords() {
    const entries = s.searchEntries.value;
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
    openedWords = null;
    runSearch();
    if (s.report.value) await ctx.openSession(s.report.value.session.id);
  }

  function runSearch() {
    s.resultQuery.value = s.query.value;
    const all = s.searchEntries.value;
    const words = openedWords?.for === all ? openedWords.entries : null;
    const entries = words && all ? all.map((e) => (e.sealed ? (words.get(e.id) ?? e) : e)) : all;
    s.searchResult.value =
      s.query.value.trim() && entries ? searchHistory(entries, s.query.value, s.filter.value, SEARCH_LIMIT) : null;
  }

  async function search(text: string) {
    s.query.value = text;
    if (!text.trim()) {
      s.searchResult.value = null;
      return;
    }
    try {
      await ctx.ensureSearchIndex();
      await ensureOpenedWords();
      runSearch();
    } catch (e) {
      s.fail(e, 'Attune could not search your history. Try again.');
    }
  }

  function setFilter(next: HistoryFilter) {
    s.filter.value = { ...next };
    runSearch();
  }

  return { runSearch, search, setFilter, passphraseChanged };
}
