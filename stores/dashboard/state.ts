import { computed, ref, shallowRef } from 'vue';
import type { CommitmentRecord, RelationshipRecord, SessionRecord } from '@/utils/db/types';
import type { HistoryBundle, HistoryRepo, RelationshipMergeInput } from '@/utils/db/history-repo';
import type { SessionRepo } from '@/utils/db/session-repo';
import type { RelationshipRepo } from '@/utils/db/relationship-repo';
import type { CommitmentRepo } from '@/utils/db/commitment-repo';
import type { KeyValueArea } from '@/utils/storage-area';
import type { KeyRecord } from '@/utils/crypto/passphrase';
import type { TalkTargetBand } from '@/utils/talk-time/target-band';
import { useTalkTargetsStore } from '../shared/talk-targets';
import { dueThisWeek } from '@/utils/commitments/follow-through';
import {
  ALL_HISTORY,
  filterDigests,
  trendOverview,
  trendSeries,
  type HistoryFilter,
  type OverviewSnapshot,
  type RelationshipStats,
  type SearchEntry,
  type SearchResult,
  type SessionDigest,
  type TrendOverview,
} from '@/utils/history';
import { errorSentence } from '@/utils/errors';
import { PassphraseError } from '@/utils/crypto/passphrase';

/**
 * What only the dashboard page has, handed over by its wiring (`connectDashboard`); the
 * repositories and settings come from the services every page installs.
 */
export interface DashboardPage {
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

/** What the dashboard's parts use: the installed services, by the names the parts know, and the page's own. */
export interface DashboardDeps extends DashboardPage {
  history: HistoryRepo;
  sessions: SessionRepo;
  relationships: RelationshipRepo;
  commitments: CommitmentRepo;
  /** storage.local, where the dashboard's settings are kept. */
  settings: KeyValueArea;
  /** The page's clock (the services' one). */
  now(): number;
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

export interface Undoable {
  what: string;
  bundle: HistoryBundle;
  /** A merge's undo: the two relationships with what moved, as they were before it. */
  unmerge?: RelationshipMergeInput;
}

/** The dashboard's actions that its parts call on each other, bound once the store is made. */
export interface DashboardActions {
  runSearch(): void;
  search(text: string): Promise<void>;
  rebuild(at: number): Promise<void>;
  saveCaches(rows: SessionDigest[], entries: SearchEntry[] | null, at: number): Promise<void>;
  loadSettings(): Promise<void>;
  loadDue(): Promise<void>;
  refreshStorage(): Promise<void>;
  forget(removed: HistoryBundle): Promise<void>;
  openSession(id: string): Promise<void>;
}

export function plural(n: number, word: string): string {
  return `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;
}

/** "1 relationship, 3 sessions, 2 commitments": what a deletion or a backup holds. */
export function describeBundle(bundle: HistoryBundle): string {
  const parts = [];
  if (bundle.relationships.length) parts.push(plural(bundle.relationships.length, 'relationship'));
  parts.push(plural(bundle.sessions.length, 'session'), plural(bundle.commitments.length, 'commitment'));
  return parts.join(', ');
}

export const isAllHistory = (f: HistoryFilter) => f.relationshipId === null && f.from === null && f.to === null;

/**
 * The dashboard's state, shared by its parts (history index, search, report, removals,
 * relationships, backups, settings), and what is worked out from it.
 */
export function createDashboardState() {
  const targets = useTalkTargetsStore();
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
  /** The query `searchResult` answers. */
  const resultQuery = ref('');
  const report = shallowRef<SessionReportData | null>(null);
  const carryOver = shallowRef<{ relationshipId: string; items: CommitmentRecord[] } | null>(null);
  /** Every mode's talk target: the shared store's, which the panel's gauge edits too. */
  const talkTargets = computed(() => targets.everyMode);
  const retentionDays = ref<number | null>(null);
  const storage = ref<{ usage: number; quota: number } | null>(null);
  const message = ref<string | null>(null);
  const error = ref<string | null>(null);
  /** A backup waiting for its passphrase (see importAll). */
  const pendingImport = shallowRef<{ text: string; byteLength: number } | null>(null);
  const undoable = shallowRef<Undoable | null>(null);
  /** Every commitment still open, across relationships, once read (after the first view). */
  const openCommitments = shallowRef<CommitmentRecord[] | null>(null);
  /** The page's clock, set again by `load(at)`: the figures on the page are as of this time. */
  const now = ref(Date.now());

  const relationshipById = computed(() => new Map(relationships.value.map((r) => [r.id, r])));
  const filteredDigests = computed(() => filterDigests(digests.value, filter.value));
  /** The overdue commitments and those due in the next seven days, across relationships, as of the page's clock. */
  const dueSoon = computed(() =>
    openCommitments.value ? dueThisWeek(openCommitments.value, relationshipById.value, new Date(now.value)) : [],
  );
  /** The trends' context: each relationship's target band (read once, not per session) and the day. */
  function trendContext() {
    const targets = talkTargets.value;
    const targetOf = new Map<string, TalkTargetBand>();
    for (const rel of relationships.value) targetOf.set(rel.id, targets[rel.mode]);
    return { now: now.value, targetFor: (id: string | null) => (id === null ? null : (targetOf.get(id) ?? null)) };
  }
  const trends = computed(() => trendSeries(filteredDigests.value, trendContext()));
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

  /**
   * Shows the error's own sentence when it has one for the user, else `fallback`. Locked notes
   * are the exception: the dashboard's own sentence says where to unlock them (Settings), which
   * the passphrase's, written for every page, does not.
   */
  function fail(e: unknown, fallback: string) {
    message.value = null;
    const locked = e instanceof PassphraseError && e.failure === 'locked';
    error.value = locked ? fallback : errorSentence(e, fallback);
  }

  /** Says what was done, clearing any earlier error. */
  function done(text: string) {
    error.value = null;
    message.value = text;
  }

  return {
    relationships,
    digests,
    digestsReady,
    snapshot,
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
    pendingImport,
    undoable,
    openCommitments,
    now,
    relationshipById,
    filteredDigests,
    dueSoon,
    trendContext,
    trends,
    overview,
    overviewSessions,
    relationshipStats,
    fail,
    done,
  };
}

export type DashboardState = ReturnType<typeof createDashboardState>;
