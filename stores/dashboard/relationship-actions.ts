import type { RelationshipRecord } from '@/utils/db/types';
import type { RelationshipMergeInput } from '@/utils/db/history-repo';
import {
  archiveRelationship,
  editRelationshipDetails,
  mergeRelationships,
  RelationshipMergeError,
  unarchiveRelationship,
  type RelationshipDetails,
} from '@/utils/relationships/manage';
import { plural, type HistoryActions, type DashboardDeps, type HistoryState } from './state';

/** Editing, archiving and merging relationships from the dashboard. */
export function relationshipActions(s: HistoryState, deps: () => DashboardDeps, ctx: HistoryActions) {
  /** Writes an edited relationship and shows it; false (with `error` set) when it could not. */
  async function changeRelationship(
    id: string,
    edit: (rel: RelationshipRecord) => RelationshipRecord,
    done: string,
  ): Promise<boolean> {
    const d = deps();
    const rel = s.relationshipById.value.get(id);
    if (!rel) return false;
    try {
      const updated = edit(rel);
      await d.relationships.put(updated);
      s.relationships.value = s.relationships.value.map((r) => (r.id === id ? updated : r));
      s.done(done);
      s.undoable.value = null;
      return true;
    } catch (e) {
      s.fail(e, 'Attune could not save that change to the relationship. Try again.');
      return false;
    }
  }

  /** Renames it, changes its kind, sets or clears the mentee's e-mail. */
  function editRelationship(id: string, details: RelationshipDetails, at = deps().now()) {
    return changeRelationship(id, (rel) => editRelationshipDetails(rel, details, at), 'Relationship saved.');
  }

  /** At the end of the relationship: "moving on", out of the panel's picker, kept here with its history. */
  function archive(id: string, at = deps().now()) {
    return changeRelationship(
      id,
      (rel) => archiveRelationship(rel, at),
      'Archived: it stays here with its history, and leaves the side panel’s list.',
    );
  }

  function unarchive(id: string, at = deps().now()) {
    return changeRelationship(id, (rel) => unarchiveRelationship(rel, at), 'Back in the side panel’s list.');
  }

  /**
   * Merges relationship `fromId` into `intoId` (the same pair recorded twice): every session and
   * commitment of the one moves to the other and the merged record goes, in one transaction.
   */
  async function mergeRelationship(fromId: string, intoId: string, at = deps().now()): Promise<boolean> {
    const d = deps();
    try {
      if (fromId === intoId)
        throw new RelationshipMergeError(
          'A relationship cannot be merged into itself: choose the other record of the pair.',
        );
      // Kept from inside the merge's transaction: what undo writes back.
      let before = null as RelationshipMergeInput | null;
      const writes = await d.history.mergeRelationships(fromId, intoId, (input) => {
        before = input;
        return mergeRelationships(input.from, input.into, input, at);
      });
      if (!writes) {
        s.notice.error = 'One of those relationships is no longer here. Reload the page and try again.';
        return false;
      }
      s.relationships.value = s.relationships.value
        .filter((r) => r.id !== fromId)
        .map((r) => (r.id === intoId ? writes.into : r));
      const moved = new Set(writes.sessions.map((x) => x.id));
      const movedCommitments = new Set(writes.commitments.map((c) => c.id));
      s.digests.value = s.digests.value.map((x) => (moved.has(x.id) ? { ...x, relationshipId: intoId } : x));
      if (s.searchEntries.value) {
        s.searchEntries.value = s.searchEntries.value.map((e) =>
          (e.kind === 'session' ? moved.has(e.id) : movedCommitments.has(e.id)) ? { ...e, relationshipId: intoId } : e,
        );
      }
      if (s.openCommitments.value) {
        const written = new Map(writes.commitments.map((c) => [c.id, c]));
        s.openCommitments.value = s.openCommitments.value.map((c) => written.get(c.id) ?? c);
      }
      if (s.filter.value.relationshipId === fromId) s.filter.value = { ...s.filter.value, relationshipId: intoId };
      const carried = s.carryOver.value?.relationshipId;
      if (carried === fromId || carried === intoId) s.carryOver.value = null;
      ctx.runSearch();
      s.undoable.value = before
        ? { what: '', bundle: { relationships: [], sessions: [], commitments: [] }, unmerge: before }
        : null;
      s.done(
        `Merged: ${plural(writes.sessions.length, 'session')} and ${plural(writes.commitments.length, 'commitment')} moved to ${writes.into.mentorName} & ${writes.into.menteeName}.`,
      );
      await ctx.saveCaches(s.digests.value, s.searchEntries.value, deps().now());
      return true;
    } catch (e) {
      s.fail(e, 'Attune could not merge those relationships. Nothing was changed.');
      return false;
    }
  }

  return { editRelationship, archive, unarchive, mergeRelationship };
}
