import type { HistoryBundle, HistoryRepo, RelationshipMergeInput } from '@/utils/db/history-repo';
import {
  byNewest,
  commitmentsBySession,
  commitmentSearchEntry,
  deletePastRetention,
  sessionDigest,
  sessionSearchEntry,
} from '@/utils/history';
import { describeBundle, plural, type HistoryActions, type DashboardDeps, type HistoryState } from './state';
import { useDashboardSettingsStore } from './settings';

/**
 * Deletions (one, a relationship's, everything, or past the retention period) with one step of
 * undo (and the undo of a merge), kept in step with the index.
 */
export function removalActions(s: HistoryState, deps: () => DashboardDeps, ctx: HistoryActions) {
  /** Takes what was deleted out of the in-memory digest and index, and saves both caches. */
  async function forget(removed: HistoryBundle) {
    const sessionIds = new Set(removed.sessions.map((x) => x.id));
    const commitmentIds = new Set(removed.commitments.map((c) => c.id));
    const relationshipIds = new Set(removed.relationships.map((r) => r.id));
    s.digests.value = s.digests.value.filter((d) => !sessionIds.has(d.id));
    if (s.searchEntries.value) {
      s.searchEntries.value = s.searchEntries.value.filter((e) =>
        e.kind === 'session' ? !sessionIds.has(e.id) : !commitmentIds.has(e.id),
      );
    }
    s.relationships.value = s.relationships.value.filter((r) => !relationshipIds.has(r.id));
    if (s.openCommitments.value)
      s.openCommitments.value = s.openCommitments.value.filter((c) => !commitmentIds.has(c.id));
    if (s.report.value && sessionIds.has(s.report.value.session.id)) s.report.value = null;
    ctx.runSearch();
    await ctx.saveCaches(s.digests.value, s.searchEntries.value, deps().now());
  }

  async function removeWith(work: (history: HistoryRepo) => Promise<HistoryBundle>) {
    const d = deps();
    try {
      const removed = await work(d.history);
      s.undoable.value = { what: describeBundle(removed), bundle: removed };
      s.done(`Deleted ${describeBundle(removed)}.`);
      await forget(removed);
      void ctx.refreshStorage();
    } catch (e) {
      s.fail(e, 'Attune could not delete that. Nothing was changed.');
    }
  }

  const deleteSession = (id: string) => removeWith((h) => h.deleteSessions([id]));
  const deleteRelationship = (id: string) => removeWith((h) => h.deleteRelationship(id));
  const deleteAll = () => removeWith((h) => h.deleteAll());

  /** After the passphrase was turned on or off: what undo would put back is sealed or opened to match. */
  async function matchUndoToPassphrase(done: { open: boolean; key: CryptoKey; dropKey: CryptoKey | null }) {
    const last = s.undoable.value;
    if (!last) return;
    const { matchPassphraseState } = await import('@/utils/crypto/sealed-session');
    s.undoable.value = {
      ...last,
      bundle: { ...last.bundle, sessions: await matchPassphraseState(last.bundle.sessions, done) },
    };
  }

  /** Puts back what the last deletion removed, or parts the two relationships the last merge joined. */
  async function undo() {
    const last = s.undoable.value;
    const d = deps();
    if (!last) return;
    if (last.unmerge) return undoMerge(last.unmerge);
    try {
      await d.history.merge(last.bundle);
      s.undoable.value = null;
      s.done(`Restored ${last.what}.`);
      s.relationships.value = await d.relationships.list();
      const bySession = commitmentsBySession(last.bundle.commitments);
      s.digests.value = [
        ...s.digests.value,
        ...last.bundle.sessions.map((x) => sessionDigest(x, bySession.get(x.id) ?? [])),
      ].sort(byNewest);
      if (s.searchEntries.value) {
        s.searchEntries.value = [
          ...s.searchEntries.value,
          ...last.bundle.sessions.map(sessionSearchEntry),
          ...last.bundle.commitments.map(commitmentSearchEntry),
        ].sort((a, b) => b.at - a.at);
      }
      ctx.runSearch();
      await ctx.saveCaches(s.digests.value, s.searchEntries.value, deps().now());
      void ctx.refreshStorage();
      void ctx.loadDue();
    } catch (e) {
      s.fail(e, 'Attune could not restore what was deleted. Try again.');
    }
  }

  async function undoMerge(before: RelationshipMergeInput) {
    const d = deps();
    try {
      await d.history.unmergeRelationships(before, d.now());
      s.undoable.value = null;
      s.done(
        `Merge undone: ${before.from.mentorName} & ${before.from.menteeName} is back with ${plural(before.sessions.length, 'session')} and ${plural(before.commitments.length, 'commitment')}.`,
      );
      s.relationships.value = await d.relationships.list();
      const back = new Set(before.sessions.map((x) => x.id));
      const backCommitments = new Map(before.commitments.map((c) => [c.id, c]));
      const fromId = before.from.id;
      s.digests.value = s.digests.value.map((x) => (back.has(x.id) ? { ...x, relationshipId: fromId } : x));
      if (s.searchEntries.value)
        s.searchEntries.value = s.searchEntries.value.map((e) =>
          (e.kind === 'session' ? back.has(e.id) : backCommitments.has(e.id)) ? { ...e, relationshipId: fromId } : e,
        );
      if (s.openCommitments.value)
        s.openCommitments.value = s.openCommitments.value.map((c) => {
          const was = backCommitments.get(c.id);
          return was ? { ...c, relationshipId: was.relationshipId, owner: was.owner } : c;
        });
      s.carryOver.value = null;
      ctx.runSearch();
      await ctx.saveCaches(s.digests.value, s.searchEntries.value, deps().now());
      void ctx.loadDue();
    } catch (e) {
      s.fail(e, 'Attune could not undo the merge. Try again.');
    }
  }

  /** Deletes the sessions past the retention period, if one is set; returns how many. */
  async function applyRetention(at = deps().now()): Promise<number> {
    const d = deps();
    try {
      const removed = await deletePastRetention(d.history, useDashboardSettingsStore().retentionDays, at);
      if (!removed) return 0;
      s.notice.message = `Deleted ${describeBundle(removed)} older than your retention period.`;
      s.undoable.value = { what: describeBundle(removed), bundle: removed };
      await forget(removed);
      return removed.sessions.length;
    } catch (e) {
      s.fail(e, 'Attune could not delete the sessions past your retention period. It will try again next time.');
      return 0;
    }
  }

  /** Keeps sessions for `days` (null: for ever), and deletes at once what is now past it. */
  async function setRetention(days: number | null, at = deps().now()) {
    await useDashboardSettingsStore().saveRetention(days);
    await applyRetention(at);
  }

  return {
    forget,
    deleteSession,
    deleteRelationship,
    deleteAll,
    matchUndoToPassphrase,
    undo,
    applyRetention,
    setRetention,
  };
}
