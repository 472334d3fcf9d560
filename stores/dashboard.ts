import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { CommitmentRecord, RelationshipRecord, SessionRecord } from '@/utils/db/types';
import {
  readFingerprint,
  type FingerprintFigures,
  type HistoryBundle,
  type HistoryRepo,
  type RelationshipMergeInput,
} from '@/utils/db/history-repo';
import type { CacheRecord } from '@/utils/db/schema';
import type { SessionRepo } from '@/utils/db/session-repo';
import type { RelationshipRepo } from '@/utils/db/relationship-repo';
import type { CommitmentRepo } from '@/utils/db/commitment-repo';
import type { KeyValueArea } from '@/utils/call/call-tabs';
import { DbError } from '@/utils/db/errors';
import { ImportError } from '@/utils/export/import-error';
import { unlockPassphraseKey, type KeyRecord } from '@/utils/crypto/passphrase';
import { protectImported, resealSessions, sameKeyRecord } from '@/utils/crypto/backup-passphrase';
import { openDropBox } from '@/utils/crypto/drop-box';
import { isProtected } from '@/utils/crypto/sealed-session';
import type { BackupContents } from '@/utils/dashboard/backup';
import type { BackupExtras } from '@/utils/dashboard/backup-settings';
import type { ModeId } from '@/utils/frameworks/types';
import { parseTargetOverrides } from '@/utils/talk-time/target-band';
import {
  archiveRelationship,
  editRelationshipDetails,
  mergeRelationships,
  RelationshipMergeError,
  unarchiveRelationship,
  type RelationshipDetails,
} from '@/utils/relationships/manage';
import { RelationshipInputError } from '@/utils/relationships/new-relationship';
import { dueThisWeek } from '@/utils/commitments/follow-through';
import {
  ALL_HISTORY,
  byNewest,
  commitmentSearchEntry,
  commitmentsBySession,
  decodeCache,
  DIGESTS_CACHE_ID,
  encodeCache,
  filterDigests,
  parseRetentionDays,
  parseTalkTargets,
  RETENTION_KEY,
  deletePastRetention,
  SEARCH_CACHE_ID,
  searchHistory,
  sessionDigest,
  sessionSearchEntry,
  TALK_TARGETS_KEY,
  talkTargetFromPercent,
  TalkTargetError,
  trendSeries,
  trendOverview,
  overviewKey,
  encodeOverview,
  decodeOverview,
  OVERVIEW_CACHE_ID,
  RESAVE_MARGIN_MS,
  commitmentEntries,
  commitmentsCounted,
  refreshDigests,
  refreshSearchEntries,
  sessionsToRead,
  type HistoryChanges,
  type OverviewSnapshot,
  type RelationshipStats,
  type TrendOverview,
  type HistoryFilter,
  type SearchEntry,
  type SearchResult,
  type SessionDigest,
  type TalkTargets,
} from '@/utils/dashboard';

/** Reads per chunk when rebuilding the digest: small enough that the page keeps answering. */
const REBUILD_CHUNK = 500;

/** Every commitment, read a chunk at a time. */
async function everyCommitment(history: HistoryRepo): Promise<CommitmentRecord[]> {
  const commitments: CommitmentRecord[] = [];
  await history.forEachChunk('commitments', REBUILD_CHUNK * 4, (chunk) => void commitments.push(...chunk));
  return commitments;
}
export const SEARCH_LIMIT = 200;

export interface DashboardDeps {
  history: HistoryRepo;
  sessions: SessionRepo;
  relationships: RelationshipRepo;
  commitments: CommitmentRepo;
  settings: KeyValueArea;
  /** navigator.storage.estimate, or null where the browser has none. */
  estimate: (() => Promise<{ usage?: number; quota?: number }>) | null;
  /**
   * Runs work that must not hold up the first view (checking the digest is current), once the
   * first view is on screen. By default at once.
   */
  afterFirstView?: (work: () => void) => void;
  /** This browser's passphrase, for backups of sealed sessions; without it they go in and out as they are. */
  passphrase?: BackupPassphrase;
  /** After a backup's settings, questions and models were written: the stores that read them read again. */
  afterSettingsRestored?: () => Promise<void>;
}

/** What backups need of the optional passphrase. */
export interface BackupPassphrase {
  /** This browser's passphrase record, or null when none is set. */
  record(): Promise<KeyRecord | null>;
  /** This browser's key while unlocked, else null. */
  key(): Promise<CryptoKey | null>;
  /** Takes a backup's passphrase as this browser's (it has none), unlocked with `key`, and seals every session with it. */
  adopt(record: KeyRecord, key: CryptoKey): Promise<void>;
}

export interface SessionReportData {
  session: SessionRecord;
  relationship: RelationshipRecord | null;
  commitments: CommitmentRecord[];
}

interface Undoable {
  what: string;
  bundle: HistoryBundle;
  /** A merge's undo: the two relationships with what moved, as they were before it. */
  unmerge?: RelationshipMergeInput;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;
}

function ownQuestionCount(questions: BackupExtras['questions']): number {
  return Object.values(questions).reduce(
    (n, c) => n + Object.values(c.added).reduce((m, list) => m + list.length, 0),
    0,
  );
}

/**
 * The dashboard: relationships, the digest of every session (for trends and lists), search,
 * one session's report, deletions with undo, backups, retention and the settings kept here.
 */
export const useDashboardStore = defineStore('dashboard', () => {
  const relationships = shallowRef<RelationshipRecord[]>([]);
  /** Newest first. */
  const digests = shallowRef<SessionDigest[]>([]);
  /** Whether `digests` has been read (or rebuilt) yet; until then the first view is the snapshot. */
  const digestsReady = ref(false);
  /** The first view as last drawn over all the history, while the digest is not read yet. */
  const snapshot = shallowRef<OverviewSnapshot | null>(null);
  const searchEntries = shallowRef<SearchEntry[] | null>(null);
  const loaded = ref(false);
  const refreshing = ref(false);
  const filter = ref<HistoryFilter>({ ...ALL_HISTORY });
  const query = ref('');
  const searchResult = shallowRef<SearchResult | null>(null);
  /** The query `searchResult` answers (the benchmark waits for it). */
  const resultQuery = ref('');
  const report = shallowRef<SessionReportData | null>(null);
  const carryOver = shallowRef<{ relationshipId: string; items: CommitmentRecord[] } | null>(null);
  const talkTargets = ref<TalkTargets>(parseTalkTargets(null));
  const retentionDays = ref<number | null>(null);
  const storage = ref<{ usage: number; quota: number } | null>(null);
  const message = ref<string | null>(null);
  const error = ref<string | null>(null);
  /** A backup waiting for its passphrase (see importAll). */
  const pendingImport = shallowRef<{ text: string; byteLength: number } | null>(null);
  const undoable = shallowRef<Undoable | null>(null);
  /** Every commitment still open, across relationships, once read (after the first view). */
  const openCommitments = shallowRef<CommitmentRecord[] | null>(null);
  const now = ref(Date.now());
  let deps: DashboardDeps | null = null;

  const relationshipById = computed(() => new Map(relationships.value.map((r) => [r.id, r])));
  const filteredDigests = computed(() => filterDigests(digests.value, filter.value));
  /** The overdue commitments and those due in the next seven days, across relationships, as of the page's clock. */
  const dueSoon = computed(() =>
    openCommitments.value ? dueThisWeek(openCommitments.value, relationshipById.value, new Date(now.value)) : [],
  );
  /** The trends' context: each relationship's target band (read once, not per session) and the day. */
  function trendContext() {
    const targets = talkTargets.value;
    const targetOf = new Map<string, TalkTargets[ModeId]>();
    for (const rel of relationships.value) targetOf.set(rel.id, targets[rel.mode]);
    return { now: now.value, targetFor: (id: string | null) => (id === null ? null : (targetOf.get(id) ?? null)) };
  }
  const trends = computed(() => trendSeries(filteredDigests.value, trendContext()));
  const isAllHistory = (f: HistoryFilter) => f.relationshipId === null && f.from === null && f.to === null;
  // Until the digest is read, the unfiltered first view comes from its snapshot.
  const fromSnapshot = computed(() => !digestsReady.value && snapshot.value !== null && isAllHistory(filter.value));
  /** What the four trend charts draw. */
  const overview = computed<TrendOverview[]>(() =>
    fromSnapshot.value ? (snapshot.value?.trends ?? []) : trends.value.map(trendOverview),
  );
  /** How many sessions the trends cover. */
  const overviewSessions = computed(() =>
    fromSnapshot.value ? (snapshot.value?.sessions ?? 0) : filteredDigests.value.length,
  );
  /** Per relationship: how many sessions, the latest, and how many commitments are still open. */
  const relationshipStats = computed(() => {
    if (!digestsReady.value && snapshot.value) return new Map(snapshot.value.relationships);
    const stats = new Map<string, RelationshipStats>();
    for (const d of digests.value) {
      if (d.relationshipId === null) continue;
      const s = stats.get(d.relationshipId) ?? { sessions: 0, lastAt: null, open: 0 };
      s.sessions += 1;
      s.open += d.open;
      if (s.lastAt === null || d.startedAt > s.lastAt) s.lastAt = d.startedAt;
      stats.set(d.relationshipId, s);
    }
    return stats;
  });

  /** The first view over all the history, kept for the next visit; written only when it changed. */
  async function saveSnapshot(fingerprint: string, at: number) {
    if (!deps || !digestsReady.value) return;
    const series = isAllHistory(filter.value) ? trends.value : trendSeries(digests.value, trendContext());
    const next: OverviewSnapshot = {
      key: overviewKey(talkTargets.value, at),
      sessions: digests.value.length,
      trends: series.map(trendOverview),
      relationships: [...relationshipStats.value],
    };
    if (JSON.stringify(next) === JSON.stringify(snapshot.value)) return;
    snapshot.value = next;
    await deps.history.writeCache(encodeOverview(next, fingerprint, at));
  }

  function fail(e: unknown, fallback: string) {
    message.value = null;
    error.value =
      e instanceof DbError ||
      e instanceof ImportError ||
      e instanceof TalkTargetError ||
      e instanceof RelationshipInputError ||
      e instanceof RelationshipMergeError
        ? e.message
        : fallback;
  }

  /**
   * The benchmark waits for this: the digest on screen matches the data. Then, and not before
   * (so neither the first view nor the refresh waits for it), the open commitments are read for
   * the "due this week" list.
   */
  function markCurrent() {
    globalThis.performance?.mark?.('attune:history-current');
    void loadDue();
  }

  function connect(d: DashboardDeps) {
    deps = d;
  }

  async function loadSettings() {
    if (!deps) return;
    const stored = await deps.settings.get(TALK_TARGETS_KEY);
    const retention = await deps.settings.get(RETENTION_KEY);
    talkTargets.value = parseTalkTargets(stored[TALK_TARGETS_KEY]);
    retentionDays.value = parseRetentionDays(retention[RETENTION_KEY]);
  }

  async function saveCaches(rows: SessionDigest[], entries: SearchEntry[] | null, at: number) {
    if (!deps) return;
    const fingerprint = await deps.history.fingerprint();
    await deps.history.writeCache(encodeCache(DIGESTS_CACHE_ID, rows, fingerprint, at));
    if (entries) await deps.history.writeCache(encodeCache(SEARCH_CACHE_ID, entries, fingerprint, at));
    await saveSnapshot(fingerprint, at);
  }

  /**
   * Reads every session and commitment a chunk at a time and makes the digest and the search
   * index afresh. The fingerprint is taken first, so a change made meanwhile shows as stale.
   */
  async function rebuild(at: number) {
    if (!deps) return;
    refreshing.value = true;
    try {
      const fingerprint = await deps.history.fingerprint();
      const commitments = await everyCommitment(deps.history);
      const bySession = commitmentsBySession(commitments);
      const rows: SessionDigest[] = [];
      const entries: SearchEntry[] = [];
      await deps.history.forEachChunk('sessions', REBUILD_CHUNK, (chunk) => {
        for (const s of chunk) {
          rows.push(sessionDigest(s, bySession.get(s.id) ?? []));
          entries.push(sessionSearchEntry(s));
        }
      });
      for (const c of commitments) entries.push(commitmentSearchEntry(c));
      rows.sort(byNewest);
      entries.sort((a, b) => b.at - a.at);
      digests.value = rows;
      digestsReady.value = true;
      searchEntries.value = entries;
      await deps.history.writeCache(encodeCache(DIGESTS_CACHE_ID, rows, fingerprint, at));
      await deps.history.writeCache(encodeCache(SEARCH_CACHE_ID, entries, fingerprint, at));
      await saveSnapshot(fingerprint, at);
      if (query.value) runSearch();
    } finally {
      refreshing.value = false;
    }
  }

  /**
   * What changed since a cache with the figures `since` was built, for a cache that knows the
   * sessions `known`: the sessions saved since (or unknown to it) in full, and the commitments of
   * the sessions whose commitments were written since; with `allCommitments`, every one.
   */
  async function changesSince(
    history: HistoryRepo,
    known: ReadonlySet<string>,
    since: FingerprintFigures,
    allCommitments: boolean,
  ): Promise<HistoryChanges> {
    const [sessionIds, saved, written] = await Promise.all([
      history.sessionIds(),
      history.sessionIdsSavedSince(since.lastSavedAt - RESAVE_MARGIN_MS),
      allCommitments ? null : history.commitmentsWrittenSince(since.lastWrittenAt - RESAVE_MARGIN_MS),
    ]);
    const toRead = sessionsToRead(known, sessionIds, saved);
    const sessions = await history.getSessions(toRead);
    if (!written) return { sessionIds, sessions, commitments: await everyCommitment(history), recounted: null };
    const recounted = new Set([...toRead, ...written.map((c) => c.sessionId)]);
    return { sessionIds, sessions, commitments: await history.commitmentsOfSessions([...recounted]), recounted };
  }

  /**
   * The last refresh's changes, kept for the search index: when its cache was built from the same
   * data as the digest's, the first search brings it up to date from them without reading again.
   */
  let lastChanges: { from: string; to: string; changes: HistoryChanges } | null = null;

  /**
   * Brings the digest up to date from what changed since `cache` was built (after a call: a
   * session or two and a relationship's commitments). False when the cache cannot say what
   * changed: then rebuild. The search index follows at the first search.
   */
  async function refresh(cache: CacheRecord, fingerprint: string, at: number): Promise<boolean> {
    const since = readFingerprint(cache.fingerprint);
    const now = readFingerprint(fingerprint);
    if (!deps || !since || !now) return false;
    refreshing.value = true;
    try {
      const known = new Set(digests.value.map((d) => d.id));
      let changes = await changesSince(deps.history, known, since, false);
      let rows = refreshDigests(digests.value, changes);
      // A commitment written without a date this refresh could find (an import into a known session): read them all.
      if (commitmentsCounted(rows) !== now.commitments) {
        changes = await changesSince(deps.history, known, since, true);
        rows = refreshDigests(digests.value, changes);
      }
      digests.value = rows;
      digestsReady.value = true;
      await deps.history.writeCache(encodeCache(DIGESTS_CACHE_ID, rows, fingerprint, at));
      lastChanges = { from: cache.fingerprint, to: fingerprint, changes };
      await saveSnapshot(fingerprint, at);
      if (searchEntries.value) {
        // An index already in memory is made current like the one on disk, at the next search.
        searchEntries.value = null;
        if (query.value) await search(query.value);
      }
      return true;
    } finally {
      refreshing.value = false;
    }
  }

  /** The search index brought up to date from its cache; false when that cannot say what changed. */
  async function refreshSearch(cache: CacheRecord, cached: SearchEntry[], fingerprint: string): Promise<boolean> {
    const since = readFingerprint(cache.fingerprint);
    const now = readFingerprint(fingerprint);
    if (!deps || !since || !now) return false;
    const known = new Set(cached.filter((e) => e.kind === 'session').map((e) => e.id));
    const kept = lastChanges?.from === cache.fingerprint && lastChanges.to === fingerprint ? lastChanges.changes : null;
    let entries = refreshSearchEntries(cached, kept ?? (await changesSince(deps.history, known, since, false)));
    if (commitmentEntries(entries) !== now.commitments)
      entries = refreshSearchEntries(cached, await changesSince(deps.history, known, since, true));
    searchEntries.value = entries;
    await deps.history.writeCache(encodeCache(SEARCH_CACHE_ID, entries, fingerprint, Date.now()));
    return true;
  }

  /** Brings the digest up to date in the background when the data changed since it was made. */
  async function revalidate(cache: CacheRecord | null, at: number) {
    if (!deps) return;
    try {
      const fingerprint = await deps.history.fingerprint();
      if (cache?.fingerprint === fingerprint) await saveSnapshot(fingerprint, at);
      else if (!cache || !(await refresh(cache, fingerprint, at))) await rebuild(at);
    } catch (e) {
      fail(e, 'Attune could not refresh the history. What you see may be a little out of date.');
    } finally {
      markCurrent();
    }
  }

  /**
   * The first view: relationships and the snapshot of the last first view over all the history
   * (a few kilobytes, however many sessions there are), drawn at once; the digest is read after
   * that frame. Without a snapshot for today's settings, the digest is read first (one record,
   * folded into the trends here); without a digest either, the rebuild is awaited. Whether the
   * digest still matches the data is checked after the first view, and a stale one stays on
   * screen while a rebuild runs.
   */
  async function load(at: number) {
    if (!deps) return;
    now.value = at;
    const later = deps.afterFirstView ?? ((work) => work());
    try {
      const [rels, record] = await Promise.all([
        deps.relationships.list(),
        deps.history.readCache(OVERVIEW_CACHE_ID),
        loadSettings(),
      ]);
      relationships.value = rels;
      const kept = decodeOverview(record, overviewKey(talkTargets.value, at));
      if (kept && isAllHistory(filter.value)) {
        snapshot.value = kept;
        loaded.value = true;
        later(
          () =>
            void readDigests(at).catch((e: unknown) =>
              fail(e, 'Attune could not read your history. Reload the page to try again.'),
            ),
        );
      } else {
        await readDigests(at);
      }
      error.value = null;
    } catch (e) {
      loaded.value = true;
      fail(e, 'Attune could not read your history. Reload the page to try again.');
    }
  }

  /** The digest from its cache (then checked after the next frame), or rebuilt when there is none. */
  async function readDigests(at: number) {
    if (!deps) return;
    const cache = await deps.history.readCache(DIGESTS_CACHE_ID);
    const cached = decodeCache<SessionDigest>(cache);
    if (cached) {
      digests.value = cached;
      digestsReady.value = true;
      loaded.value = true;
      (deps.afterFirstView ?? ((work) => work()))(() => void revalidate(cache, at));
    } else {
      await rebuild(at);
      loaded.value = true;
      markCurrent();
    }
  }

  /** The search index: from its cache when current, rebuilt otherwise. */
  async function ensureSearchIndex() {
    if (!deps || searchEntries.value) return;
    const [cache, fingerprint] = await Promise.all([
      deps.history.readCache(SEARCH_CACHE_ID),
      deps.history.fingerprint(),
    ]);
    const cached = decodeCache<SearchEntry>(cache);
    if (cached && cache?.fingerprint === fingerprint) searchEntries.value = cached;
    else if (!cache || !cached || !(await refreshSearch(cache, cached, fingerprint))) await rebuild(Date.now());
  }

  /**
   * Sealed sessions' words, opened while the passphrase is unlocked: in this page's memory only,
   * never in the cache on disk; made again when the index changes, dropped when it locks.
   */
  let openedWords: { for: SearchEntry[]; entries: Map<string, SearchEntry> } | null = null;

  async function ensureOpenedWords() {
    const entries = searchEntries.value;
    if (!deps?.passphrase || !entries || openedWords?.for === entries) return;
    if (!entries.some((e) => e.sealed) || !(await deps.passphrase.key())) {
      openedWords = null;
      return;
    }
    const opened = new Map<string, SearchEntry>();
    for (const entry of entries) {
      if (!entry.sealed) continue;
      // One damaged session is left out of the search, not the whole search.
      const session = await deps.sessions.get(entry.sessionId).catch(() => null);
      if (session && !isProtected(session)) opened.set(entry.id, sessionSearchEntry(session));
    }
    openedWords = { for: entries, entries: opened };
  }

  /** Locked (here or in another page): the opened words are forgotten, and the open report is read again. */
  async function passphraseChanged() {
    openedWords = null;
    runSearch();
    if (report.value) await openSession(report.value.session.id);
  }

  function runSearch() {
    resultQuery.value = query.value;
    const words = openedWords?.for === searchEntries.value ? openedWords.entries : null;
    const entries =
      words && searchEntries.value
        ? searchEntries.value.map((e) => (e.sealed ? (words.get(e.id) ?? e) : e))
        : searchEntries.value;
    searchResult.value =
      query.value.trim() && entries ? searchHistory(entries, query.value, filter.value, SEARCH_LIMIT) : null;
  }

  async function search(text: string) {
    query.value = text;
    if (!text.trim()) {
      searchResult.value = null;
      return;
    }
    try {
      await ensureSearchIndex();
      await ensureOpenedWords();
      runSearch();
    } catch (e) {
      fail(e, 'Attune could not search your history. Try again.');
    }
  }

  function setFilter(next: HistoryFilter) {
    filter.value = { ...next };
    runSearch();
  }

  /** Reads every open commitment again, for the "due this week" list. */
  async function loadDue() {
    if (!deps) return;
    try {
      openCommitments.value = await deps.commitments.listOpen();
    } catch (e) {
      fail(e, 'Attune could not read which commitments are due. Reload the page to try again.');
    } finally {
      // The benchmark closes a tab only after this, so no run's reading spills into the next.
      globalThis.performance?.mark?.('attune:due-current');
    }
  }

  async function openSession(id: string) {
    if (!deps) return;
    try {
      const session = await deps.sessions.get(id);
      if (!session) {
        report.value = null;
        error.value = 'That session is no longer here: it may have been deleted.';
        return;
      }
      const commitments = await deps.commitments.listBySession(id);
      const relationship = session.relationshipId ? (relationshipById.value.get(session.relationshipId) ?? null) : null;
      report.value = { session, relationship, commitments };
    } catch (e) {
      fail(e, 'Attune could not open that session. Try again.');
    }
  }

  function closeSession() {
    report.value = null;
  }

  /**
   * Deletes the kept transcript of the session in the report, and nothing else: its counts (and
   * the listening moves' times) stay. The last save's time is kept, so a session that never ended
   * keeps its best known end. Under a locked passphrase the sealed write is refused: nothing changes.
   */
  async function deleteTranscript(id: string) {
    const shown = report.value;
    if (!deps || shown?.session.id !== id || !shown.session.transcript) return;
    try {
      const next = await deps.sessions.checkpoint(id, {
        transcript: null,
        lastCheckpointAt: shown.session.lastCheckpointAt,
      });
      if (!next) {
        report.value = null;
        error.value = 'That session is no longer here: it may have been deleted.';
        return;
      }
      if (report.value?.session.id === id) report.value = { ...report.value, session: next };
      error.value = null;
      message.value = 'Deleted the transcript of this session. Its counts, notes and summary stay.';
    } catch (e) {
      fail(
        e,
        'Attune could not delete the transcript. If your notes are locked, unlock them in Settings, then try again.',
      );
    }
  }

  async function openRelationship(id: string) {
    if (!deps) return;
    try {
      carryOver.value = { relationshipId: id, items: await deps.commitments.listCarryOver(id) };
    } catch (e) {
      fail(e, 'Attune could not load the open commitments. Try again.');
    }
  }

  /** Takes what was deleted out of the in-memory digest and index, and saves both caches. */
  async function forget(removed: HistoryBundle) {
    const sessionIds = new Set(removed.sessions.map((s) => s.id));
    const commitmentIds = new Set(removed.commitments.map((c) => c.id));
    const relationshipIds = new Set(removed.relationships.map((r) => r.id));
    digests.value = digests.value.filter((d) => !sessionIds.has(d.id));
    if (searchEntries.value) {
      searchEntries.value = searchEntries.value.filter((e) =>
        e.kind === 'session' ? !sessionIds.has(e.id) : !commitmentIds.has(e.id),
      );
    }
    relationships.value = relationships.value.filter((r) => !relationshipIds.has(r.id));
    if (openCommitments.value) openCommitments.value = openCommitments.value.filter((c) => !commitmentIds.has(c.id));
    if (report.value && sessionIds.has(report.value.session.id)) report.value = null;
    runSearch();
    await saveCaches(digests.value, searchEntries.value, Date.now());
  }

  function describe(bundle: HistoryBundle): string {
    const parts = [];
    if (bundle.relationships.length) parts.push(plural(bundle.relationships.length, 'relationship'));
    parts.push(plural(bundle.sessions.length, 'session'), plural(bundle.commitments.length, 'commitment'));
    return parts.join(', ');
  }

  async function removeWith(work: (history: HistoryRepo) => Promise<HistoryBundle>) {
    if (!deps) return;
    try {
      const removed = await work(deps.history);
      undoable.value = { what: describe(removed), bundle: removed };
      error.value = null;
      message.value = `Deleted ${describe(removed)}.`;
      await forget(removed);
      void refreshStorage();
    } catch (e) {
      fail(e, 'Attune could not delete that. Nothing was changed.');
    }
  }

  const deleteSession = (id: string) => removeWith((h) => h.deleteSessions([id]));
  const deleteRelationship = (id: string) => removeWith((h) => h.deleteRelationship(id));
  const deleteAll = () => removeWith((h) => h.deleteAll());

  /** After the passphrase was turned on or off: what undo would put back is sealed or opened to match. */
  async function matchUndoToPassphrase(done: { open: boolean; key: CryptoKey; dropKey: CryptoKey | null }) {
    const last = undoable.value;
    if (!last) return;
    const { matchPassphraseState } = await import('@/utils/crypto/sealed-session');
    undoable.value = {
      ...last,
      bundle: { ...last.bundle, sessions: await matchPassphraseState(last.bundle.sessions, done) },
    };
  }

  /** Puts back what the last deletion removed, or parts the two relationships the last merge joined. */
  async function undo() {
    const last = undoable.value;
    if (!deps || !last) return;
    if (last.unmerge) return undoMerge(last.unmerge);
    try {
      await deps.history.merge(last.bundle);
      undoable.value = null;
      error.value = null;
      message.value = `Restored ${last.what}.`;
      relationships.value = await deps.relationships.list();
      const bySession = commitmentsBySession(last.bundle.commitments);
      digests.value = [
        ...digests.value,
        ...last.bundle.sessions.map((s) => sessionDigest(s, bySession.get(s.id) ?? [])),
      ].sort(byNewest);
      if (searchEntries.value) {
        searchEntries.value = [
          ...searchEntries.value,
          ...last.bundle.sessions.map(sessionSearchEntry),
          ...last.bundle.commitments.map(commitmentSearchEntry),
        ].sort((a, b) => b.at - a.at);
      }
      runSearch();
      await saveCaches(digests.value, searchEntries.value, Date.now());
      void refreshStorage();
      void loadDue();
    } catch (e) {
      fail(e, 'Attune could not restore what was deleted. Try again.');
    }
  }

  async function undoMerge(before: RelationshipMergeInput) {
    if (!deps) return;
    try {
      await deps.history.unmergeRelationships(before, Date.now());
      undoable.value = null;
      error.value = null;
      message.value = `Merge undone: ${before.from.mentorName} & ${before.from.menteeName} is back with ${plural(before.sessions.length, 'session')} and ${plural(before.commitments.length, 'commitment')}.`;
      relationships.value = await deps.relationships.list();
      const back = new Set(before.sessions.map((s) => s.id));
      const backCommitments = new Map(before.commitments.map((c) => [c.id, c]));
      const fromId = before.from.id;
      digests.value = digests.value.map((d) => (back.has(d.id) ? { ...d, relationshipId: fromId } : d));
      if (searchEntries.value)
        searchEntries.value = searchEntries.value.map((e) =>
          (e.kind === 'session' ? back.has(e.id) : backCommitments.has(e.id)) ? { ...e, relationshipId: fromId } : e,
        );
      if (openCommitments.value)
        openCommitments.value = openCommitments.value.map((c) => {
          const was = backCommitments.get(c.id);
          return was ? { ...c, relationshipId: was.relationshipId, owner: was.owner } : c;
        });
      carryOver.value = null;
      runSearch();
      await saveCaches(digests.value, searchEntries.value, Date.now());
      void loadDue();
    } catch (e) {
      fail(e, 'Attune could not undo the merge. Try again.');
    }
  }

  /** The storage.local entries a backup carries, as stored. */
  async function storedSettings(area: KeyValueArea, keys: readonly string[]): Promise<Record<string, unknown>> {
    const entries = await Promise.all(keys.map(async (key) => [key, (await area.get(key))[key]] as const));
    return Object.fromEntries(entries.filter(([, value]) => value !== undefined));
  }

  /** Writes an edited relationship and shows it; false (with `error` set) when it could not. */
  async function changeRelationship(
    id: string,
    edit: (rel: RelationshipRecord) => RelationshipRecord,
    done: string,
  ): Promise<boolean> {
    const rel = relationshipById.value.get(id);
    if (!deps || !rel) return false;
    try {
      const updated = edit(rel);
      await deps.relationships.put(updated);
      relationships.value = relationships.value.map((r) => (r.id === id ? updated : r));
      error.value = null;
      message.value = done;
      undoable.value = null;
      return true;
    } catch (e) {
      fail(e, 'Attune could not save that change to the relationship. Try again.');
      return false;
    }
  }

  /** Renames it, changes its kind, sets or clears the mentee's e-mail. */
  function editRelationship(id: string, details: RelationshipDetails, at: number) {
    return changeRelationship(id, (rel) => editRelationshipDetails(rel, details, at), 'Relationship saved.');
  }

  /** At the end of the relationship: "moving on", out of the panel's picker, kept here with its history. */
  function archive(id: string, at: number) {
    return changeRelationship(
      id,
      (rel) => archiveRelationship(rel, at),
      'Archived: it stays here with its history, and leaves the side panel’s list.',
    );
  }

  function unarchive(id: string, at: number) {
    return changeRelationship(id, (rel) => unarchiveRelationship(rel, at), 'Back in the side panel’s list.');
  }

  /**
   * Merges relationship `fromId` into `intoId` (the same pair recorded twice): every session and
   * commitment of the one moves to the other and the merged record goes, in one transaction.
   */
  async function mergeRelationship(fromId: string, intoId: string, at: number): Promise<boolean> {
    if (!deps) return false;
    try {
      if (fromId === intoId)
        throw new RelationshipMergeError(
          'A relationship cannot be merged into itself: choose the other record of the pair.',
        );
      // Kept from inside the merge's transaction: what undo writes back.
      let before = null as RelationshipMergeInput | null;
      const writes = await deps.history.mergeRelationships(fromId, intoId, (input) => {
        before = input;
        return mergeRelationships(input.from, input.into, input, at);
      });
      if (!writes) {
        error.value = 'One of those relationships is no longer here. Reload the page and try again.';
        return false;
      }
      relationships.value = relationships.value
        .filter((r) => r.id !== fromId)
        .map((r) => (r.id === intoId ? writes.into : r));
      const moved = new Set(writes.sessions.map((s) => s.id));
      const movedCommitments = new Set(writes.commitments.map((c) => c.id));
      digests.value = digests.value.map((d) => (moved.has(d.id) ? { ...d, relationshipId: intoId } : d));
      if (searchEntries.value) {
        searchEntries.value = searchEntries.value.map((e) =>
          (e.kind === 'session' ? moved.has(e.id) : movedCommitments.has(e.id)) ? { ...e, relationshipId: intoId } : e,
        );
      }
      if (openCommitments.value) {
        const written = new Map(writes.commitments.map((c) => [c.id, c]));
        openCommitments.value = openCommitments.value.map((c) => written.get(c.id) ?? c);
      }
      if (filter.value.relationshipId === fromId) filter.value = { ...filter.value, relationshipId: intoId };
      if (carryOver.value && (carryOver.value.relationshipId === fromId || carryOver.value.relationshipId === intoId))
        carryOver.value = null;
      runSearch();
      undoable.value = before
        ? { what: '', bundle: { relationships: [], sessions: [], commitments: [] }, unmerge: before }
        : null;
      error.value = null;
      message.value = `Merged: ${plural(writes.sessions.length, 'session')} and ${plural(writes.commitments.length, 'commitment')} moved to ${writes.into.mentorName} & ${writes.into.menteeName}.`;
      await saveCaches(digests.value, searchEntries.value, Date.now());
      return true;
    } catch (e) {
      fail(e, 'Attune could not merge those relationships. Nothing was changed.');
      return false;
    }
  }

  /** Everything as a backup file's text, or null (with `error` set) when it could not be read. */
  async function exportAll(at: number): Promise<string | null> {
    if (!deps) return null;
    try {
      const bundle = await deps.history.readAll();
      const record = (await deps.passphrase?.record()) ?? null;
      // The backup's writer and reader (with their schemas) load when first used.
      const [{ backupJson }, { backupExtras, BACKUP_SETTING_KEYS }] = await Promise.all([
        import('@/utils/dashboard/backup'),
        import('@/utils/dashboard/backup-settings'),
      ]);
      const extras = backupExtras(await storedSettings(deps.settings, BACKUP_SETTING_KEYS));
      error.value = null;
      message.value = `Exported ${describe(bundle)}, your settings, ${plural(ownQuestionCount(extras.questions), 'question')} of your own and ${plural(extras.models.length, 'imported model')}.`;
      return backupJson(bundle, at, record, extras);
    } catch (e) {
      fail(e, 'Attune could not read everything for the backup. Nothing was exported.');
      return null;
    }
  }

  /** Merges a backup: validated first, nothing changed on any problem, no duplicates. */
  /**
   * Imports a backup. Sessions sealed with a passphrase other than this browser's (or in a browser
   * with none) need the backup's passphrase: without `backupPassphrase`, the file waits in
   * `pendingImport` and nothing is imported; with it, they are sealed again with this browser's
   * key, or, where no passphrase is set, the backup's becomes this browser's.
   */
  async function importAll(text: string, byteLength = text.length, backupPassphrase?: string) {
    if (!deps) return;
    try {
      const { parseBackupJson } = await import('@/utils/dashboard/backup');
      const backup = parseBackupJson(text, byteLength);
      const sealed = await sealedForHere(backup, backupPassphrase);
      if (sealed === 'ask') {
        pendingImport.value = { text, byteLength };
        error.value = null;
        message.value =
          'This backup’s notes are sealed with a passphrase this browser does not have. Type the backup’s passphrase to import it; nothing is imported until then.';
        return;
      }
      // Under this browser's passphrase nothing is stored in clear, imported or not.
      const here = sealed.adopt || !deps.passphrase ? null : await deps.passphrase.record();
      const sessions = here
        ? await protectImported(sealed.sessions, { key: await deps.passphrase!.key(), dropBox: here.dropBox ?? null })
        : sealed.sessions;
      const { added, kept } = await deps.history.merge({
        relationships: backup.relationships,
        sessions,
        commitments: backup.commitments,
      });
      pendingImport.value = null;
      const restored = backup.extras ? await restoreExtras(backup.extras) : '';
      const what = `Imported ${plural(added, 'record')}${kept ? `; ${kept.toLocaleString()} already here ${kept === 1 ? 'was' : 'were'} kept as ${kept === 1 ? 'it is' : 'they are'}` : ''}.${restored}`;
      relationships.value = await deps.relationships.list();
      searchEntries.value = null;
      // Sealing every session here drops the caches and reloads the history itself.
      if (sealed.adopt && deps.passphrase) await deps.passphrase.adopt(sealed.adopt.record, sealed.adopt.key);
      else await rebuild(Date.now());
      error.value = null;
      message.value = `${what}${sealed.note}`;
      void loadDue();
      void refreshStorage();
    } catch (e) {
      fail(e, 'Attune could not import that file. Nothing was changed.');
    }
  }

  /**
   * Writes a backup's settings, questions and models over this browser's (see restoreItems), and
   * has the stores that read them read again; returns the sentence that says what it did. The
   * history is merged before: a failure here says so and leaves the history imported.
   */
  async function restoreExtras(extras: BackupExtras): Promise<string> {
    if (!deps) return '';
    try {
      const [{ restoreItems, BACKUP_SETTING_KEYS }, { BUILT_IN_MODELS }] = await Promise.all([
        import('@/utils/dashboard/backup-settings'),
        import('@/utils/frameworks'),
      ]);
      const here = await storedSettings(deps.settings, BACKUP_SETTING_KEYS);
      const { items, counts } = restoreItems(
        extras,
        here,
        BUILT_IN_MODELS.map((m) => m.id),
      );
      if (Object.keys(items).length === 0) return '';
      await deps.settings.set(JSON.parse(JSON.stringify(items)) as Record<string, unknown>);
      await loadSettings();
      await deps.afterSettingsRestored?.();
      const parts = [];
      if (counts.settings) parts.push(`${plural(counts.settings, 'setting')}`);
      if (counts.questions) parts.push(`${plural(counts.questions, 'question')} of your own`);
      if (counts.models) parts.push(plural(counts.models, 'model'));
      return parts.length ? ` Restored ${parts.join(', ')}.` : '';
    } catch {
      return ' Its settings, questions and models could not be saved here; the sessions were imported. Import the file again to retry.';
    }
  }

  /**
   * The backup's sessions as this browser can keep them: 'ask' when the backup's passphrase is
   * needed and was not given; with it, the sealed ones sealed again with this browser's key, or
   * the backup's passphrase to adopt where this browser has none.
   */
  async function sealedForHere(
    backup: BackupContents,
    backupPassphrase: string | undefined,
  ): Promise<'ask' | { sessions: SessionRecord[]; adopt: { record: KeyRecord; key: CryptoKey } | null; note: string }> {
    const as = { sessions: backup.sessions, adopt: null, note: '' };
    const passphrase = deps?.passphrase;
    if (!passphrase || !backup.sessions.some(isProtected)) return as;
    if (!backup.passphrase)
      return {
        ...as,
        note: ' Its sealed notes came without their passphrase record (an older backup): they open only in the browser that made it.',
      };
    const here = await passphrase.record();
    if (here && sameKeyRecord(here, backup.passphrase)) return as;
    if (backupPassphrase === undefined) return 'ask';
    let backupKey: CryptoKey;
    try {
      backupKey = await unlockPassphraseKey(backupPassphrase, backup.passphrase);
    } catch {
      throw new ImportError(
        'That passphrase does not open this backup’s notes. Check it and try again; nothing was imported.',
      );
    }
    if (!here)
      return {
        ...as,
        adopt: { record: backup.passphrase, key: backupKey },
        note: ' The backup’s passphrase is now this browser’s, and unlocked: every session here is encrypted with it.',
      };
    const key = await passphrase.key();
    if (!key)
      throw new ImportError(
        'Unlock this browser’s notes first (Settings → Passphrase for notes), so the backup’s can be sealed with its passphrase; nothing was imported.',
      );
    const backupDrop = backup.passphrase.dropBox ? await openDropBox(backup.passphrase.dropBox, backupKey) : null;
    return { ...as, sessions: await resealSessions(backup.sessions, backupKey, key, backupDrop) };
  }

  /** The waiting backup, imported with its passphrase. */
  async function importPending(backupPassphrase: string) {
    const pending = pendingImport.value;
    if (pending) await importAll(pending.text, pending.byteLength, backupPassphrase);
  }

  function cancelImport() {
    pendingImport.value = null;
    message.value = 'Nothing was imported.';
  }

  async function refreshStorage() {
    if (!deps?.estimate) return;
    try {
      const { usage, quota } = await deps.estimate();
      storage.value = usage === undefined || quota === undefined ? null : { usage, quota };
    } catch {
      storage.value = null;
    }
  }

  /** Deletes the sessions past the retention period, if one is set; returns how many. */
  async function applyRetention(at: number): Promise<number> {
    if (!deps) return 0;
    try {
      const removed = await deletePastRetention(deps.history, retentionDays.value, at);
      if (!removed) return 0;
      message.value = `Deleted ${describe(removed)} older than your retention period.`;
      undoable.value = { what: describe(removed), bundle: removed };
      await forget(removed);
      return removed.sessions.length;
    } catch (e) {
      fail(e, 'Attune could not delete the sessions past your retention period. It will try again next time.');
      return 0;
    }
  }

  async function setRetention(days: number | null, at: number) {
    if (!deps) return;
    retentionDays.value = days;
    await deps.settings.set({ [RETENTION_KEY]: days });
    await applyRetention(at);
  }

  async function setTalkTarget(mode: ModeId, minPercent: number, maxPercent: number) {
    if (!deps) return;
    try {
      // Only the mentor's own bands are stored: saving one mode must not turn the others'
      // defaults into fixed overrides (which the panel's "Default" could then never undo).
      const band = talkTargetFromPercent(minPercent, maxPercent);
      const overrides = {
        ...parseTargetOverrides((await deps.settings.get(TALK_TARGETS_KEY))[TALK_TARGETS_KEY]),
        [mode]: { ...band },
      };
      await deps.settings.set({ [TALK_TARGETS_KEY]: overrides });
      talkTargets.value = parseTalkTargets(overrides);
      error.value = null;
      message.value = 'Talk target saved.';
    } catch (e) {
      fail(e, 'Attune could not save the talk target. Try again.');
    }
  }

  async function resetTalkTargets() {
    if (!deps) return;
    await deps.settings.remove(TALK_TARGETS_KEY);
    talkTargets.value = parseTalkTargets(null);
  }

  return {
    relationships,
    digests,
    searchEntries,
    loaded,
    refreshing,
    filter,
    query,
    searchResult,
    resultQuery,
    report,
    carryOver,
    talkTargets,
    retentionDays,
    storage,
    message,
    error,
    undoable,
    now,
    openCommitments,
    dueSoon,
    loadDue,
    relationshipById,
    filteredDigests,
    trends,
    relationshipStats,
    digestsReady,
    snapshot,
    overview,
    overviewSessions,
    connect,
    load,
    rebuild,
    ensureSearchIndex,
    search,
    setFilter,
    openSession,
    closeSession,
    deleteTranscript,
    openRelationship,
    deleteSession,
    deleteRelationship,
    deleteAll,
    undo,
    matchUndoToPassphrase,
    passphraseChanged,
    editRelationship,
    archive,
    unarchive,
    mergeRelationship,
    exportAll,
    importAll,
    importPending,
    cancelImport,
    pendingImport,
    refreshStorage,
    applyRetention,
    setRetention,
    setTalkTarget,
    resetTalkTargets,
  };
});
