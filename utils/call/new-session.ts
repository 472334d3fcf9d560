import type { TabCallState } from '../messaging';
import type { SessionRecord } from '../db/types';

/** A new session's record for a call tab, empty but for what the call page showed. */
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

/** What a closing page hands to the background. */
export type NotesFields = { agenda?: string; notes?: string };

/**
 * Why the running session has no stored record any more: deleted in the dashboard while the call
 * ran, or discarded by the mentor in the panel. Either way nothing more is saved against it until
 * the mentor restores it (or undoes the discard).
 */
export type SessionGone = 'deleted-elsewhere' | 'discarded';

/** The sentence the panel shows while the session is gone. */
export const GONE_SENTENCES: Record<SessionGone, string> = {
  'deleted-elsewhere': 'This session was deleted in the dashboard. Nothing you add now is saved unless you restore it.',
  discarded: 'You discarded this session. Nothing from this call is saved unless you undo it.',
};
