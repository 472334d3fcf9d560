import type { Platform } from '../platforms/types';
import type { SessionMoves } from '../listening/follow';
import type { ModeId } from '../frameworks/types';

/** A relationship's kind: the mode it is run in (declared once, as ModeId, in utils/frameworks/types.ts). */
export type RelationshipMode = ModeId;
/** The relationship's own stages (seed 002): creating it, building on it, mastery, moving on. */
export type RelationshipStage = 'creating' | 'building' | 'mastery' | 'moving-on';

export interface Acknowledgement {
  name: string;
  at: number;
}

/** The mentoring agreement (seeds 002 and 004): written at the start, both people acknowledge it. */
export interface MentoringAgreement {
  goals: string;
  groundRules: string;
  confidentiality: string;
  cadence: string;
  feedback: string;
  ending: string;
  acknowledgements: Acknowledgement[];
}

export interface RelationshipRecord {
  id: string;
  mentorName: string;
  menteeName: string;
  mode: RelationshipMode;
  stage: RelationshipStage;
  agreement: MentoringAgreement;
  /**
   * The mentee's e-mail address, the e-mail draft's recipient. Optional, absent on relationships
   * made before it was kept and whenever the mentor leaves it out: no migration needed.
   */
  menteeEmail?: string;
  createdAt: number;
  updatedAt: number;
  /**
   * When the mentor archived it at the end of the relationship ("moving on"): hidden from the
   * panel's picker, kept in the history. Optional: absent or null while it is active.
   */
  archivedAt?: number | null;
}

export interface StageMark {
  stageId: string;
  at: number;
}

export interface TalkTimeSummary {
  source: 'audio' | 'active-speaker' | 'captions';
  mentorSeconds: number;
  menteeSeconds: number;
  mentorShare: number;
  longestMentorMonologueSeconds: number;
  /** Turn-taking, absent on sessions saved before it was kept. */
  turns?: TalkTurnTaking;
}

/** Counts that add up across a session's runs (a reopened panel starts a new run). */
export interface TalkTurnTaking {
  mentorTurns: number;
  menteeTurns: number;
  /** Times the mentor started a turn while the mentee was speaking. */
  interruptions: number;
  /** Pauses between the end of a mentor's turn and the mentee's reply. */
  waitsAfterMentor: number;
  totalWaitSeconds: number;
  longestWaitSeconds: number;
}

export interface TalkTimeMinute {
  minute: number;
  mentorSeconds: number;
  menteeSeconds: number;
}

export interface QuestionTallies {
  open: number;
  closed: number;
  leading: number;
  stacked: number;
}

/** A prompt from the panel that the mentor marked as asked. */
export interface PromptUse {
  questionId: string;
  stageId: string;
  at: number;
}

/** One finished utterance from the call's live captions. */
export interface TranscriptLine {
  speaker: string;
  text: string;
  at: number;
  endedAt: number;
  /** The platform's own mark that this line is the user's (see CaptionUtterance.self); absent on lines kept before it was recorded. */
  self?: boolean;
  /** Two participants showed this speaker's name: the line is neither the mentor's nor the mentee's for certain. */
  sharedName?: boolean;
}

/** An AI summary kept with its session: what the model wrote, as the mentor may have edited it. */
export interface StoredSummary {
  themes: string[];
  insights: string[];
  agreedActions: Array<{ owner: string; action: string; due: string | null }>;
  nextFocus: string;
  model: string;
  madeAt: number;
  edited: boolean;
}

export interface SessionRecord {
  id: string;
  relationshipId: string | null;
  platform: Platform;
  title: string | null;
  startedAt: number;
  endedAt: number | null;
  /** When the panel last saved this session: after a crash, the best known end. */
  lastCheckpointAt: number;
  frameworkId: string | null;
  stageTimeline: StageMark[];
  /** Since schema version 2. */
  promptsUsed: PromptUse[];
  agenda: string;
  notes: string;
  talkTime: TalkTimeSummary | null;
  talkTimeline: TalkTimeMinute[];
  questionTallies: QuestionTallies;
  /** Made only when both people opted in; null otherwise (structured since schema version 7). */
  summary: StoredSummary | null;
  /** When the mentor recorded that both people agreed to an AI summary (since schema version 7). */
  summaryConsentAt: number | null;
  /** The captions' transcript, only when the mentor chose to keep it with the session (since schema version 9). */
  transcript: TranscriptLine[] | null;
  /** The agreed next check-in, local YYYY-MM-DDTHH:mm (since schema version 4). */
  nextCheckIn: string | null;
  /** Co-coaching: when the two swapped roles as coach and learner (since schema version 5). */
  roleSwaps: number[];
  /**
   * Active-listening moves of the mentor's caption turns: counts and when each turn ended (no
   * words). Optional, absent on older sessions and when captions were never read: read it with
   * a default, no migration needed.
   */
  moves?: SessionMoves;
  /** Today's plan, set before the call (utils/relationships/prepare.ts). Optional: absent unless one was set. */
  plan?: SessionPlan;
  /**
   * Under a passphrase: notes, transcript and summary encrypted together (AES-GCM), those three
   * fields then stored empty. Absent when no passphrase protects the session. `boundTo: 'id'`:
   * the session's id was authenticated with it, so it opens in this session only (sealed since
   * this round; older blobs have no binding and are bound when next written).
   */
  sealed?: { iv: string; data: string; boundTo?: 'id' };
  /**
   * Under a passphrase, written while it was locked: each panel's notes, transcript or summary
   * sealed to the passphrase's public key (see utils/crypto/drop-box.ts), one entry per panel.
   * Folded into `sealed` at the first write after unlocking. Optional: absent almost always.
   */
  lockedDrafts?: LockedDraft[];
}

/** Set before the call: minutes per stage of the chosen model and a question to open with. */
export interface SessionPlan {
  modelId: string;
  /** Planned minutes by stage id; a stage left out has no plan of its own. */
  stageMinutes: Record<string, number>;
  openingQuestion: string;
  setAt: number;
}

/** What one panel wrote while the passphrase was locked: a JSON of the sealed fields it changed, sealed to the drop box. */
export interface LockedDraft {
  writer: string;
  at: number;
  blob: { iv: string; data: string; epk: string };
}

export type CommitmentStatus = 'open' | 'in-progress' | 'done' | 'dropped';

export interface ReviewNote {
  sessionId: string;
  status: CommitmentStatus;
  note: string;
  at: number;
}

export interface CommitmentRecord {
  id: string;
  sessionId: string;
  relationshipId: string | null;
  owner: string;
  action: string;
  /** ISO date (YYYY-MM-DD) or null when no date was agreed. */
  due: string | null;
  /** Local time of day (HH:mm) on the due date, when one was said ("Tuesday 3pm"); absent or null: the whole day. */
  dueTime?: string | null;
  status: CommitmentStatus;
  stage: string | null;
  /** How far into the call it was captured (since schema version 3). */
  elapsedMs: number | null;
  createdAt: number;
  /**
   * When it was last written (captured, edited, reviewed or put back): the dashboard reads only
   * commitments written since its digest was built (since schema version 10).
   */
  updatedAt: number;
  reviewNotes: ReviewNote[];
  /** Both people said yes to it: the commitment layer of seed 004 (since schema version 6). */
  agreedByBoth: boolean;
  /** What might get in the way (since schema version 6). */
  obstacles: string;
  /** The support the owner asked for: seed 004's support layer (since schema version 6). */
  support: string;
}
