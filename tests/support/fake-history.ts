import type {
  CommitmentRecord,
  CommitmentStatus,
  RelationshipMode,
  RelationshipRecord,
  SessionRecord,
} from '../../utils/db/types';

/**
 * Years of generated use for tests and benchmarks: relationships, sessions with talk time,
 * stage timelines and questions, and commitments, some done on time, some late, some open.
 * Deterministic for a given seed, so a failing run can be repeated.
 */
export interface FakeHistoryOptions {
  sessions: number;
  commitmentsPerSession: number;
  relationships: number;
  /** The newest session starts a day before this. */
  now: number;
  seed?: number;
}

export interface FakeHistory {
  relationships: RelationshipRecord[];
  sessions: SessionRecord[];
  commitments: CommitmentRecord[];
}

const DAY_MS = 86_400_000;
const WORDS = (
  'delegation feedback promotion team roadmap hiring budget presentation conflict stakeholder priorities career ' +
  'confidence boundaries onboarding review strategy deadline workshop negotiation visibility habits energy focus ' +
  'listening coaching goals reflection manager peer offsite interview portfolio writing planning growth'
).split(' ');
const FIRST = [
  'Alex',
  'Priya',
  'Sam',
  'Jordan',
  'Mei',
  'Tomás',
  'Aisha',
  'Ola',
  'Ravi',
  'Lena',
  'Kofi',
  'Ines',
  'Noah',
  'Yuki',
];
const LAST = ['Morgan', 'Shah', 'Okafor', 'Novak', 'Lindqvist', 'Costa', 'Haddad', 'Kim', 'Brennan', 'Abe'];
const MODES: RelationshipMode[] = ['mentoring', 'specialist-coaching', 'co-coaching'];
const STAGES = ['foundation', 'trust', 'problem', 'meaning', 'action', 'support', 'review'];
const STATUSES: CommitmentStatus[] = ['done', 'done', 'done', 'open', 'in-progress', 'dropped'];

/** mulberry32: a small, fast, repeatable PRNG. */
function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function fakeHistory(options: FakeHistoryOptions): FakeHistory {
  const random = createRandom(options.seed ?? 7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const spanMs = Math.max(1, options.sessions / 4) * DAY_MS; // about four sessions a day across all relationships
  const first = options.now - DAY_MS - spanMs;

  const relationships: RelationshipRecord[] = Array.from({ length: options.relationships }, (_, i) => ({
    id: `rel-${i}`,
    mentorName: 'Alex Morgan',
    menteeName: `${FIRST[i % FIRST.length]} ${LAST[(i * 3) % LAST.length]}${i >= FIRST.length ? ` ${i}` : ''}`,
    mode: MODES[i % MODES.length] as RelationshipMode,
    stage: (['creating', 'building', 'mastery', 'moving-on'] as const)[i % 4] as RelationshipRecord['stage'],
    agreement: {
      goals: `Grow in ${sentence(3)}`,
      groundRules: 'Start on time; the mentee owns the agenda',
      confidentiality: 'Nothing leaves the room without agreement',
      cadence: 'Fortnightly, 45 minutes',
      feedback: 'Both ways, at every review',
      ending: 'Either of us may end it with a conversation',
      acknowledgements: [{ name: 'Alex Morgan', at: first }],
    },
    createdAt: first,
    updatedAt: first + i,
  }));

  const sessions: SessionRecord[] = [];
  const commitments: CommitmentRecord[] = [];
  for (let i = 0; i < options.sessions; i += 1) {
    const startedAt = Math.round(first + (i / Math.max(1, options.sessions - 1)) * spanMs);
    const minutes = 30 + Math.floor(random() * 30);
    const endedAt = startedAt + minutes * 60_000;
    const relationship = relationships.length > 0 ? (relationships[i % relationships.length] ?? null) : null;
    // Listening improves slowly over the years, with noise: a trend worth drawing.
    const progress = i / Math.max(1, options.sessions);
    const share = Math.min(0.9, Math.max(0.1, 0.55 - 0.25 * progress + (random() - 0.5) * 0.2));
    const talkTimeline = Array.from({ length: minutes }, (_, minute) => {
      const mentor = Math.round(60 * Math.min(1, Math.max(0, share + (random() - 0.5) * 0.3)) * 0.9);
      return { minute, mentorSeconds: mentor, menteeSeconds: Math.round(54 - mentor * 0.9) };
    });
    const mentorSeconds = talkTimeline.reduce((s, m) => s + m.mentorSeconds, 0);
    const menteeSeconds = talkTimeline.reduce((s, m) => s + m.menteeSeconds, 0);
    const stageCount = 3 + Math.floor(random() * 4);
    const open = Math.floor(random() * 10 + progress * 6);
    sessions.push({
      id: `ses-${i}`,
      relationshipId: relationship?.id ?? null,
      platform: (['meet', 'zoom', 'teams'] as const)[i % 3] as SessionRecord['platform'],
      title: `${relationship ? relationship.menteeName.split(' ')[0] : 'Session'}: ${sentence(2)}`,
      startedAt,
      endedAt,
      lastCheckpointAt: endedAt,
      frameworkId: 'six-layer',
      stageTimeline: STAGES.slice(0, stageCount).map((stageId, s) => ({
        stageId,
        at: startedAt + s * (minutes / stageCount) * 60_000,
      })),
      promptsUsed: Array.from({ length: 2 + Math.floor(random() * 3) }, (_, p) => ({
        questionId: `q-${p}`,
        stageId: STAGES[p] ?? 'trust',
        at: startedAt + p * 120_000,
      })),
      agenda: `Talk about ${sentence(4)}`,
      notes: `${sentence(30)}. ${sentence(20)}.`,
      talkTime: {
        source: 'audio',
        mentorSeconds,
        menteeSeconds,
        mentorShare: mentorSeconds / Math.max(1, mentorSeconds + menteeSeconds),
        longestMentorMonologueSeconds: Math.round(30 + random() * 200 * (1 - progress * 0.5)),
      },
      talkTimeline,
      questionTallies: {
        open,
        closed: Math.floor(random() * 8),
        leading: Math.floor(random() * 3),
        stacked: Math.floor(random() * 2),
      },
      summary:
        random() < 0.3
          ? {
              themes: [sentence(3), sentence(2)],
              insights: [`${sentence(12)}.`],
              agreedActions: [],
              nextFocus: `${sentence(10)}.`,
              model: 'test-model',
              madeAt: endedAt,
              edited: false,
            }
          : null,
      summaryConsentAt: null,
      transcript: null,
      nextCheckIn: null,
      roleSwaps: [],
    });
    for (let c = 0; c < options.commitmentsPerSession; c += 1) {
      const status = pick(STATUSES);
      const dueAt = startedAt + (3 + Math.floor(random() * 14)) * DAY_MS;
      const doneAt = dueAt + (random() < 0.7 ? -DAY_MS : 2 * DAY_MS);
      commitments.push({
        id: `com-${i}-${c}`,
        sessionId: `ses-${i}`,
        relationshipId: relationship?.id ?? null,
        owner: relationship ? (relationship.menteeName.split(' ')[0] ?? 'Mentee') : 'Mentee',
        action: `${pick(['Draft', 'Send', 'Ask about', 'Plan', 'Read up on', 'Practise'])} the ${sentence(2)}`,
        due: random() < 0.85 ? isoDay(dueAt) : null,
        status,
        stage: pick(STAGES),
        elapsedMs: Math.floor(random() * minutes * 60_000),
        createdAt: startedAt + c * 60_000,
        // Written when captured: the generated reviews are dated by their due day, which may lie ahead.
        updatedAt: startedAt + c * 60_000,
        reviewNotes:
          status === 'open'
            ? []
            : [{ sessionId: `ses-${Math.min(options.sessions - 1, i + 1)}`, status, note: '', at: doneAt }],
        agreedByBoth: random() < 0.6,
        obstacles: '',
        support: '',
      });
    }
  }
  return { relationships, sessions, commitments };
}
