import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { TabCallState } from '@/utils/messaging';
import type { RelationshipRecord, SessionRecord } from '@/utils/db/types';
import type { SessionRepo } from '@/utils/db/session-repo';
import type { RelationshipRepo } from '@/utils/db/relationship-repo';
import { PassphraseError } from '@/utils/crypto/passphrase';
import { DbError } from '@/utils/db/errors';
import { relationshipLabel as labelOf } from './relationships';

export function newSessionRecord(tab: TabCallState & { sessionId: string }, now: number): SessionRecord {
  return {
    id: tab.sessionId,
    relationshipId: null,
    platform: tab.platform,
    title: tab.snapshot.title,
    startedAt: tab.callStartedAt ?? now,
    endedAt: null,
    lastCheckpointAt: now,
    frameworkId: null,
    stageTimeline: [],
    promptsUsed: [],
    agenda: '',
    notes: '',
    talkTime: null,
    talkTimeline: [],
    questionTallies: { open: 0, closed: 0, leading: 0, stacked: 0 },
    summary: null,
    nextCheckIn: null,
    roleSwaps: [],
    summaryConsentAt: null,
    transcript: null,
  };
}

function sentenceFor(error: unknown): string {
  return error instanceof DbError || error instanceof PassphraseError ? error.message : 'Attune could not save this session. It will try again in a few seconds.';
}

/**
 * The session the panel is running: created when the call starts (or resumed when the panel
 * reopens mid-call), checkpointed while it runs, closed when the call ends.
 */
export const useSessionStore = defineStore('session', () => {
  const session = shallowRef<SessionRecord | null>(null);
  const relationshipLabel = ref<string | null>(null);
  const error = ref<string | null>(null);
  let sessions: SessionRepo | null = null;
  let relationships: RelationshipRepo | null = null;

  function connect(repos: { sessions: SessionRepo; relationships: RelationshipRepo }) {
    sessions = repos.sessions;
    relationships = repos.relationships;
  }

  function fail(message: string) {
    error.value = message;
  }

  async function loadRelationship(record: SessionRecord) {
    if (!relationships || !record.relationshipId) {
      relationshipLabel.value = null;
      return;
    }
    const rel = await relationships.get(record.relationshipId);
    relationshipLabel.value = rel ? labelOf(rel) : null;
  }

  /** Links the running session to a relationship (the mentor confirmed or chose it). */
  async function linkRelationship(rel: RelationshipRecord, now: number) {
    const current = session.value;
    if (!sessions || !current) return;
    try {
      session.value = (await sessions.checkpoint(current.id, { relationshipId: rel.id, lastCheckpointAt: now })) ?? current;
      relationshipLabel.value = labelOf(rel);
      error.value = null;
    } catch (e) {
      fail(sentenceFor(e));
    }
  }

  /** Brings the stored session in line with the call tab: start, resume or end it. */
  async function syncWithCall(tab: TabCallState | null, now: number) {
    if (!sessions || !tab || tab.sessionId === null) return;
    try {
      if (session.value?.id !== tab.sessionId) {
        session.value = await sessions.ensure(newSessionRecord({ ...tab, sessionId: tab.sessionId }, now));
        await loadRelationship(session.value);
      }
      const current = session.value;
      if (current && tab.callEndedAt !== null && current.endedAt === null) {
        session.value = await sessions.checkpoint(current.id, { endedAt: tab.callEndedAt, lastCheckpointAt: now });
      } else if (current && tab.snapshot.title && !current.title) {
        session.value = await sessions.checkpoint(current.id, { title: tab.snapshot.title, lastCheckpointAt: now });
      }
      error.value = null;
    } catch (e) {
      fail(sentenceFor(e));
    }
  }

  /** Saves the running session so that a closed panel or a crash loses at most one interval. */
  async function checkpoint(now: number) {
    const current = session.value;
    if (!sessions || !current || current.endedAt !== null) return;
    try {
      session.value = (await sessions.checkpoint(current.id, { lastCheckpointAt: now })) ?? current;
      error.value = null;
    } catch (e) {
      fail(sentenceFor(e));
    }
  }

  /** Saves the agreed next check-in (local YYYY-MM-DDTHH:mm), or clears it with null. */
  async function setNextCheckIn(value: string | null, now: number) {
    const current = session.value;
    if (!sessions || !current) return;
    const clean = value && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? value : null;
    try {
      session.value = (await sessions.checkpoint(current.id, { nextCheckIn: clean, lastCheckpointAt: now })) ?? current;
      error.value = null;
    } catch (e) {
      fail(sentenceFor(e));
    }
  }

  /** Saves the summary, the consent to one, or the agenda and notes; false (with `error` set) on failure. */
  async function update(fields: Partial<Pick<SessionRecord, 'summary' | 'summaryConsentAt' | 'agenda' | 'notes' | 'transcript' | 'questionTallies' | 'moves'>>, now: number): Promise<boolean> {
    const current = session.value;
    if (!sessions || !current) return false;
    try {
      session.value = (await sessions.checkpoint(current.id, { ...fields, lastCheckpointAt: now })) ?? current;
      error.value = null;
      return true;
    } catch (e) {
      fail(sentenceFor(e));
      return false;
    }
  }

  /** Reads the session again (after unlocking its notes with the passphrase). */
  async function reload() {
    const current = session.value;
    if (!sessions || !current) return;
    try {
      session.value = (await sessions.get(current.id)) ?? current;
    } catch (e) {
      fail(e instanceof PassphraseError ? e.message : sentenceFor(e));
    }
  }

  return { session, relationshipLabel, error, connect, fail, syncWithCall, checkpoint, linkRelationship, setNextCheckIn, update, reload };
});
