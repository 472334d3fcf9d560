import { defineStore } from 'pinia';
import { errorSentence } from '@/utils/errors';
import { ref, shallowRef } from 'vue';
import type { CommitmentRecord, CommitmentStatus, RelationshipRecord } from '@/utils/db/types';
import { useServices } from '@/utils/services';
import { type CaptureContext } from '@/utils/commitments/capture-types';
import { measureCaptureSaved } from '@/utils/commitments/latency';
import { applyCommitmentEdit, type CommitmentEdit } from '@/utils/commitments/edit';
import { moveCommitmentsToRelationship, type CaptureNames } from '@/utils/relationships/move-commitments';

let parser: Promise<typeof import('@/utils/commitments/parse-capture')> | null = null;
/**
 * The capture parser with its date library (chrono-node, the panel's largest dependency): loaded
 * just after the panel's first frame (the panel calls this), or by the first capture at the latest.
 */
export function loadCaptureParser() {
  parser ??= import('@/utils/commitments/parse-capture');
  return parser;
}

export interface CaptureDetails extends CaptureContext {
  sessionId: string;
  relationshipId: string | null;
  stageId: string | null;
  elapsedMs: number | null;
  id?: string;
}

/**
 * Commitments: captured in this session (saved at once), and the ones still open from earlier
 * sessions of the same relationship, to review at the start of this one.
 */
export const useCommitmentsStore = defineStore('commitments', () => {
  const items = shallowRef<CommitmentRecord[]>([]);
  const carryOver = shallowRef<CommitmentRecord[]>([]);
  const lastDeleted = shallowRef<CommitmentRecord | null>(null);
  const error = ref<string | null>(null);
  const need = useServices();

  function fail(e: unknown) {
    error.value = errorSentence(e, 'Attune could not save that commitment. It is still in the box; try again.');
  }

  async function load(sessionId: string, relationshipId: string | null) {
    const repo = need('commitments');
    try {
      items.value = await repo.listBySession(sessionId);
      carryOver.value = relationshipId
        ? (await repo.listCarryOver(relationshipId)).filter((c) => c.sessionId !== sessionId)
        : [];
      error.value = null;
    } catch (e) {
      fail(e);
    }
  }

  /** Parses and saves one quick-capture line; false (with `error` set) when it could not. */
  async function capture(line: string, details: CaptureDetails): Promise<boolean> {
    const repo = need('commitments');
    try {
      const { parseCapture } = await loadCaptureParser();
      const parsed = parseCapture(line, details);
      const record: CommitmentRecord = {
        id: details.id ?? crypto.randomUUID(),
        sessionId: details.sessionId,
        relationshipId: details.relationshipId,
        owner: parsed.owner,
        action: parsed.action,
        due: parsed.due,
        ...(parsed.dueTime ? { dueTime: parsed.dueTime } : {}),
        status: 'open',
        stage: details.stageId,
        // Never before the call began, even if the computer's clock was set back meanwhile.
        elapsedMs: details.elapsedMs === null ? null : Math.max(0, details.elapsedMs),
        createdAt: details.now.getTime(),
        updatedAt: details.now.getTime(),
        reviewNotes: [],
        agreedByBoth: false,
        obstacles: '',
        support: '',
      };
      await repo.put(record);
      measureCaptureSaved();
      items.value = [...items.value, record];
      error.value = null;
      return true;
    } catch (e) {
      fail(e);
      return false;
    }
  }

  async function remove(id: string) {
    const record = items.value.find((c) => c.id === id);
    const repo = need('commitments');
    if (!record) return;
    try {
      await repo.delete(id);
      items.value = items.value.filter((c) => c.id !== id);
      lastDeleted.value = record;
    } catch (e) {
      fail(e);
    }
  }

  /** Puts the last deleted commitment back, as written `now`. */
  async function undoDelete(now: number) {
    const deleted = lastDeleted.value;
    const repo = need('commitments');
    if (!deleted) return;
    const record = { ...deleted, updatedAt: now };
    try {
      await repo.put(record);
      items.value = [...items.value, record].sort((a, b) => a.createdAt - b.createdAt);
      lastDeleted.value = null;
    } catch (e) {
      fail(e);
    }
  }

  /**
   * Saves an inline edit of a commitment from this session. False (with `error` set, the saved
   * commitment unchanged) when the edit is refused or storage fails.
   */
  async function update(id: string, edit: CommitmentEdit, now: number): Promise<boolean> {
    const record = items.value.find((c) => c.id === id);
    const repo = need('commitments');
    if (!record) return false;
    try {
      const updated = { ...applyCommitmentEdit(record, edit), updatedAt: now };
      await repo.put(updated);
      items.value = items.value.map((c) => (c.id === id ? updated : c));
      error.value = null;
      return true;
    } catch (e) {
      fail(e);
      return false;
    }
  }

  /**
   * Records this session's review of an earlier commitment: its new status and a note. A second
   * review in the same session (a changed mind, a note added) replaces the first.
   */
  async function review(id: string, status: CommitmentStatus, note: string, sessionId: string, now: number) {
    const record = carryOver.value.find((c) => c.id === id);
    const repo = need('commitments');
    if (!record) return;
    const updated: CommitmentRecord = {
      ...record,
      status,
      updatedAt: now,
      reviewNotes: [
        ...record.reviewNotes.filter((n) => n.sessionId !== sessionId),
        { sessionId, status, note: note.trim(), at: now },
      ],
    };
    try {
      await repo.put(updated);
      carryOver.value = carryOver.value.map((c) => (c.id === id ? updated : c));
    } catch (e) {
      fail(e);
    }
  }

  /**
   * The session was linked to a relationship (or moved to another): this session's commitments
   * go with it, their placeholder owners named (see moveCommitmentsToRelationship).
   */
  async function moveToRelationship(
    from: { relationshipId: string | null; names: CaptureNames },
    to: Pick<RelationshipRecord, 'id' | 'mentorName' | 'menteeName'>,
    now: number,
  ): Promise<boolean> {
    const repo = need('commitments');
    const moved = moveCommitmentsToRelationship(items.value, from, to, now);
    if (moved.length === 0) return true;
    try {
      for (const record of moved) await repo.put(record);
      items.value = items.value.map((c) => moved.find((m) => m.id === c.id) ?? c);
      error.value = null;
      return true;
    } catch (e) {
      fail(e);
      return false;
    }
  }

  /** Writes this session's commitments again (the session was restored after a deletion elsewhere). */
  async function restoreItems(now: number): Promise<boolean> {
    const repo = need('commitments');
    try {
      const restored = items.value.map((c) => ({ ...c, updatedAt: now }));
      for (const record of restored) await repo.put(record);
      items.value = restored;
      error.value = null;
      return true;
    } catch (e) {
      fail(e);
      return false;
    }
  }

  return {
    items,
    carryOver,
    lastDeleted,
    error,
    load,
    capture,
    update,
    remove,
    undoDelete,
    review,
    moveToRelationship,
    restoreItems,
  };
});
