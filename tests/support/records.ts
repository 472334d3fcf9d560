import type { CommitmentRecord, RelationshipRecord, SessionRecord, StoredSummary } from '@/utils/db/types';
import type { SessionExport } from '@/utils/export/types';
import type { MentoringModel, Stage } from '@/utils/frameworks/types';
import type { SummaryMaterial } from '@/utils/summary/types';

// Test data factories: one whole, valid record with plain defaults; a test overrides only the
// fields it is about, so what a test checks stands out from what it merely needs.

export function fakeRelationship(overrides: Partial<RelationshipRecord> = {}): RelationshipRecord {
  return {
    id: 'rel-1',
    mentorName: 'Alex Morgan',
    menteeName: 'Priya Shah',
    mode: 'mentoring',
    stage: 'creating',
    agreement: {
      goals: 'Lead a team',
      groundRules: '',
      confidentiality: 'Nothing leaves the room',
      cadence: 'Fortnightly, 45 min',
      feedback: '',
      ending: '',
      acknowledgements: [],
    },
    createdAt: 1_000,
    updatedAt: 1_000,
    ...overrides,
  };
}

export function fakeSession(overrides: Partial<SessionRecord> = {}): SessionRecord {
  return {
    id: 'ses-1',
    relationshipId: 'rel-1',
    platform: 'meet',
    title: 'Weekly mentoring',
    startedAt: 10_000,
    endedAt: null,
    lastCheckpointAt: 10_000,
    frameworkId: null,
    stageTimeline: [],
    promptsUsed: [],
    agenda: '',
    notes: 'Talked about — "delegation", 😀',
    talkTime: null,
    talkTimeline: [],
    questionTallies: { open: 0, closed: 0, leading: 0, stacked: 0 },
    summary: null,
    nextCheckIn: null,
    roleSwaps: [],
    summaryConsentAt: null,
    transcript: null,
    ...overrides,
  };
}

export function fakeCommitment(overrides: Partial<CommitmentRecord> = {}): CommitmentRecord {
  return {
    id: 'com-1',
    sessionId: 'ses-1',
    relationshipId: 'rel-1',
    owner: 'Priya',
    action: 'Send the draft CV',
    due: '2026-12-04',
    status: 'open',
    stage: null,
    elapsedMs: null,
    createdAt: 20_000,
    updatedAt: 20_000,
    reviewNotes: [],
    agreedByBoth: false,
    obstacles: '',
    support: '',
    ...overrides,
  };
}

/** One session's export: the fake session and relationship, no commitments, no next check-in. */
export function fakeSessionExport(overrides: Partial<SessionExport> = {}): SessionExport {
  return {
    session: fakeSession(),
    relationship: fakeRelationship(),
    commitments: [],
    nextCheckIn: null,
    ...overrides,
  };
}

/** An AI summary as kept with its session. */
export function fakeStoredSummary(overrides: Partial<StoredSummary> = {}): StoredSummary {
  return {
    themes: ['Delegation'],
    insights: [],
    agreedActions: [],
    nextFocus: 'The handover.',
    model: 'gpt-4o-mini',
    madeAt: 1,
    edited: false,
    ...overrides,
  };
}

/** What a summary is written from. */
export function fakeSummaryMaterial(overrides: Partial<SummaryMaterial> = {}): SummaryMaterial {
  return {
    mentorName: 'Alex Morgan',
    menteeName: 'Priya Shah',
    agenda: 'Delegation',
    stages: [{ name: 'Goal', minutes: 5 }],
    notes: 'Rewrote a report at midnight.',
    commitments: [{ owner: 'Priya', action: 'Hand the budget review to Sam', due: '2026-11-27' }],
    transcript: null,
    ...overrides,
  };
}

/** A one-stage mentoring model the mentor wrote or imported. */
export function fakeModel(overrides: Partial<MentoringModel> = {}): MentoringModel {
  return {
    id: 'clean-language',
    name: 'Clean language',
    summary: 'Questions in the mentee’s own words',
    source: 'The mentor',
    scope: 'session',
    cues: [],
    stages: [fakeModelStage()],
    ...overrides,
  };
}

export function fakeModelStage(overrides: Partial<Stage> = {}): Stage {
  return {
    id: 'open',
    name: 'Open',
    purpose: 'Find the words',
    moveOnSigns: [],
    watchOuts: [],
    defaultMinutes: 10,
    questions: [{ id: 'q1', text: 'And what kind of X is that X?' }],
    ...overrides,
  };
}
