import { defineStore } from 'pinia';
import { errorSentence } from '@/utils/errors';
import { ref, shallowRef } from 'vue';
import type { TabCallState } from '@/utils/messaging';
import type { RelationshipRecord, SessionRecord } from '@/utils/db/types';
import type { SessionCheckpoint } from '@/utils/db/session-repo';
import type { HistoryBundle } from '@/utils/db/history-repo';
import { useServices } from '@/utils/services';
import { GONE_SENTENCES, newSessionRecord, type NotesFields, type SessionGone } from '@/utils/call/new-session';
import { relationshipLabel as labelOf } from '@/utils/relationships/role-words';

const SAVE_FAILED = 'Attune could not save this session. It will try again in a few seconds.';

/**
 * The session the panel is running: created when the call starts (or resumed when the panel
 * reopens mid-call), checkpointed while it runs, closed when the call ends.
 */
export const useSessionStore = defineStore('session', () => {
  const session = shallowRef<SessionRecord | null>(null);
  const relationshipLabel = ref<string | null>(null);
  const error = ref<string | null>(null);
  const gone = ref<SessionGone | null>(null);
  const need = useServices();
  let discardedBundle: HistoryBundle | null = null;

  /** The page is going away: the notes typed since the last save are handed to the background to store. */
  function handOff(fields: NotesFields, now: number) {
    const current = session.value;
    if (!current || gone.value) return;
    need('handOff')(current.id, fields, now);
  }

  /**
   * Writes a checkpoint of the running session. A missing record means it was deleted behind the
   * panel: nothing is written (the repository never recreates it) and the panel says so.
   */
  async function write(patch: SessionCheckpoint): Promise<boolean> {
    const sessions = need('sessions');
    const current = session.value;
    if (!current) return false;
    if (gone.value) return isGone(gone.value);
    const written = await sessions.checkpoint(current.id, patch);
    if (!written) return isGone('deleted-elsewhere');
    session.value = written;
    error.value = null;
    return true;
  }

  function fail(message: string) {
    error.value = message;
  }

  /** The session has no stored record any more: nothing is written, and the panel says why. */
  function isGone(reason: SessionGone): false {
    gone.value = reason;
    error.value = GONE_SENTENCES[reason];
    return false;
  }

  async function loadRelationship(record: SessionRecord) {
    if (!record.relationshipId) {
      relationshipLabel.value = null;
      return;
    }
    const rel = await need('relationships').get(record.relationshipId);
    relationshipLabel.value = rel ? labelOf(rel) : null;
  }

  /** Links the running session to a relationship (the mentor confirmed or chose it). */
  async function linkRelationship(rel: RelationshipRecord, now: number) {
    try {
      if (await write({ relationshipId: rel.id, lastCheckpointAt: now })) relationshipLabel.value = labelOf(rel);
    } catch (e) {
      fail(errorSentence(e, SAVE_FAILED));
    }
  }

  /** Brings the stored session in line with the call tab: start, resume or end it. */
  async function syncWithCall(tab: TabCallState | null, now: number) {
    const sessions = need('sessions');
    if (!tab || tab.sessionId === null) return;
    try {
      if (session.value?.id !== tab.sessionId) {
        gone.value = null;
        discardedBundle = null;
        session.value = await sessions.ensure(newSessionRecord({ ...tab, sessionId: tab.sessionId }, now));
        await loadRelationship(session.value);
      }
      const current = session.value;
      if (!current || gone.value) return;
      if (tab.callEndedAt !== null && current.endedAt === null) {
        await write({ endedAt: tab.callEndedAt, lastCheckpointAt: now });
      } else if (tab.callEndedAt === null && current.endedAt !== null) {
        // The same meeting rejoined soon after leaving (see REJOIN_GAP_MS): the session goes on.
        await write({ endedAt: null, lastCheckpointAt: now });
      } else if (tab.snapshot.title && !current.title) {
        await write({ title: tab.snapshot.title, lastCheckpointAt: now });
      } else {
        error.value = null;
      }
    } catch (e) {
      fail(errorSentence(e, SAVE_FAILED));
    }
  }

  /** Saves the running session so that a closed panel or a crash loses at most one interval. */
  async function checkpoint(now: number) {
    const current = session.value;
    need('sessions');
    if (!current || current.endedAt !== null || gone.value) return;
    try {
      await write({ lastCheckpointAt: now });
    } catch (e) {
      fail(errorSentence(e, SAVE_FAILED));
    }
  }

  /** Saves the agreed next check-in (local YYYY-MM-DDTHH:mm), or clears it with null. */
  async function setNextCheckIn(value: string | null, now: number) {
    const clean = value && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? value : null;
    try {
      await write({ nextCheckIn: clean, lastCheckpointAt: now });
    } catch (e) {
      fail(errorSentence(e, SAVE_FAILED));
    }
  }

  /** Saves the summary, the consent to one, or the agenda and notes; false (with `error` set) on failure. */
  async function update(
    fields: Partial<
      Pick<
        SessionRecord,
        'summary' | 'summaryConsentAt' | 'agenda' | 'notes' | 'transcript' | 'questionTallies' | 'moves' | 'plan'
      >
    >,
    now: number,
  ): Promise<boolean> {
    try {
      return await write({ ...fields, lastCheckpointAt: now });
    } catch (e) {
      fail(errorSentence(e, SAVE_FAILED));
      return false;
    }
  }

  /** Reads the session again (after unlocking its notes with the passphrase). */
  async function reload() {
    const sessions = need('sessions');
    const current = session.value;
    if (!current) return;
    try {
      session.value = (await sessions.get(current.id)) ?? current;
    } catch (e) {
      fail(errorSentence(e, SAVE_FAILED));
    }
  }

  /**
   * Whether the running session is still stored, checked just before something is saved against
   * it (a commitment), so that nothing is written for a session deleted since the last checkpoint.
   */
  async function stillStored(now: number): Promise<boolean> {
    const sessions = need('sessions');
    const current = session.value;
    if (!current) return false;
    if (gone.value) return isGone(gone.value);
    try {
      // The record is not taken back into `session`: only its checkpoint time changed, and a new
      // record there would redraw the panel in the middle of a capture.
      if (await sessions.checkpoint(current.id, { lastCheckpointAt: now })) return true;
      return isGone('deleted-elsewhere');
    } catch (e) {
      fail(errorSentence(e, SAVE_FAILED));
      return false;
    }
  }

  /**
   * Puts back the session deleted in the dashboard, as the panel still holds it, so the rest of
   * the call is recorded in it. The panel's commitments are put back by their own store.
   */
  async function restore(now: number): Promise<boolean> {
    const current = session.value;
    const repo = need('sessions');
    if (!current || gone.value !== 'deleted-elsewhere') return false;
    return attempt(async () => {
      session.value = await repo.ensure({ ...current, lastCheckpointAt: now });
      gone.value = null;
    });
  }

  /**
   * The mentor discards this session (a wrong call, a test): it and its commitments are deleted
   * at once and nothing more is saved for this call; `undoDiscard` puts everything back.
   */
  async function discard(): Promise<boolean> {
    const current = session.value;
    const repo = need('history');
    if (!current || gone.value) return false;
    return attempt(async () => {
      discardedBundle = await repo.deleteSessions([current.id]);
      gone.value = 'discarded';
    });
  }

  async function undoDiscard(): Promise<boolean> {
    const bundle = discardedBundle;
    const repo = need('history');
    if (!bundle || gone.value !== 'discarded') return false;
    return attempt(async () => {
      await repo.merge(bundle);
      discardedBundle = null;
      gone.value = null;
    });
  }

  /** Runs a write that changes the session's standing; on failure its sentence is shown and nothing else changes. */
  async function attempt(work: () => Promise<void>): Promise<boolean> {
    try {
      await work();
      error.value = null;
      return true;
    } catch (e) {
      fail(errorSentence(e, SAVE_FAILED));
      return false;
    }
  }

  return {
    session,
    relationshipLabel,
    error,
    gone,
    fail,
    handOff,
    syncWithCall,
    checkpoint,
    linkRelationship,
    setNextCheckIn,
    update,
    reload,
    stillStored,
    restore,
    discard,
    undoDiscard,
  };
});
