import type { CommitmentRecord, RelationshipRecord, SessionRecord } from '@/utils/db/types';

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
