import { computed, ref, shallowRef } from 'vue';
import type { CommitmentRecord, RelationshipRecord, SessionRecord } from '@/utils/db/types';
import type { HistoryBundle, HistoryRepo, RelationshipMergeInput } from '@/utils/db/history-repo';
import type { SessionRepo } from '@/utils/db/session-repo';
import type { RelationshipRepo } from '@/utils/db/relationship-repo';
import type { CommitmentRepo } from '@/utils/db/commitment-repo';
import type { KeyValueArea } from '@/utils/storage-area';
import type { BackupPassphrase } from '@/utils/crypto/backup-passphrase';
import type { DashboardPageServices, NeedService } from '@/utils/services';
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
  type SessionDigest,
  type TrendOverview,
} from '@/utils/history';
import { useDashboardNoticeStore } from './notice';

/** What the dashboard's stores reach for: the installed services, by the names the stores know. */
export interface DashboardDeps {
  history: HistoryRepo;
  sessions: SessionRepo;
  relationships: RelationshipRepo;
  commitments: CommitmentRepo;
  /** storage.local, where the dashboard's settings are kept. */
  settings: KeyValueArea;
  /** The page's clock (the services' one). */
  now(): number;
  /** navigator.storage.estimate, or null where the browser has none. */
  estimate: DashboardPageServices['storageEstimate'];
  afterFirstView: DashboardPageServices['afterFirstView'];
  /** This browser's passphrase, for backups of sealed sessions; null: they go in and out as they are. */
  passphrase: BackupPassphrase | null;
  afterSettingsRestored: DashboardPageServices['afterSettingsRestored'];
}

/**
 * The dashboard's services, read from the page's Pinia when an action runs: one called before
 * the page installed them all throws (MissingServiceError) instead of doing part of its work.
 */
export function dashboardDeps(need: NeedService): () => DashboardDeps {
  return () => ({
    history: need('history'),
    sessions: need('sessions'),
    relationships: need('relationships'),
    commitments: need('commitments'),
    settings: need('local'),
    now: need('now'),
    estimate: need('storageEstimate'),
    afterFirstView: need('afterFirstView'),
    passphrase: need('backupPassphrase'),
    afterSettingsRestored: need('afterSettingsRestored'),
  });
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

/** The actions the history store's parts call on each other and on the search and settings stores. */
export interface HistoryActions {
  runSearch(): void;
  searchAgain(): Promise<void>;
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
 * The history store's state, shared by its parts (index, report, removals, relationships), and
 * what is worked out from it.
 */
export function createHistoryState() {
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
  const report = shallowRef<SessionReportData | null>(null);
  const carryOver = shallowRef<{ relationshipId: string; items: CommitmentRecord[] } | null>(null);
  /** Every mode's talk target: the shared store's, which the panel's gauge edits too. */
  const talkTargets = computed(() => targets.everyMode);
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

  // Their news goes to the page's one line of news.
  const notice = useDashboardNoticeStore();

  return {
    relationships,
    digests,
    digestsReady,
    snapshot,
    searchEntries,
    loaded,
    refreshing,
    filter,
    report,
    carryOver,
    talkTargets,
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
    notice,
    fail: notice.fail,
    done: notice.done,
  };
}

export type HistoryState = ReturnType<typeof createHistoryState>;
