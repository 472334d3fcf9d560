import { describe, expect, it } from 'vitest';
import {
  agreementSentence,
  lastFinishedSession,
  freshPlans,
  makePlan,
  keptPlan,
  preparedChoice,
  newestPendingPlan,
  planFitsCall,
  planForTab,
  parseStoredPlans,
  pendingPlanFor,
  PLAN_FRESH_MS,
  PlanInputError,
  prepareGlance,
  stageNudge,
  timeInStageMs,
  type TodayPlan,
} from '@/utils/relationships/prepare';
import type { StoredSummary } from '@/utils/db/types';
import { fakeCommitment, fakeRelationship, fakeSession } from '../../support/records';

const NOW = new Date(2026, 11, 4, 10, 0);
const MIN = 60_000;
const rel = fakeRelationship({ id: 'rel-1' });
const summary = (nextFocus: string): StoredSummary => ({
  themes: [],
  insights: [],
  agreedActions: [],
  nextFocus,
  model: 'm',
  madeAt: 1,
  edited: false,
});

describe('lastFinishedSession', () => {
  it('picks the latest ended session and skips the running one', () => {
    const sessions = [
      fakeSession({ id: 'a', startedAt: 100, endedAt: 200 }),
      fakeSession({ id: 'b', startedAt: 300, endedAt: 400 }),
      fakeSession({ id: 'c', startedAt: 500, endedAt: null }),
      fakeSession({ id: 'd', startedAt: 600, endedAt: 700 }),
    ];
    expect(lastFinishedSession(sessions)?.id).toBe('d');
    expect(lastFinishedSession(sessions, 'd')?.id).toBe('b');
    expect(lastFinishedSession([])).toBeNull();
  });
});

describe('prepareGlance', () => {
  const last = fakeSession({
    id: 'last',
    startedAt: 5_000,
    endedAt: 6_000,
    notes: '  Talked through the reorg.  ',
    summary: summary('How to hand over the budget'),
  });
  const older = fakeSession({ id: 'older', startedAt: 1_000, endedAt: 2_000, notes: 'Old notes' });
  const late = fakeCommitment({ id: 'late', due: '2026-12-01', action: 'Send the plan' });
  const later = fakeCommitment({ id: 'later', due: '2026-12-09', action: 'Book the room' });
  const undated = fakeCommitment({ id: 'undated', due: null, action: 'Read the book' });
  const done = fakeCommitment({ id: 'done', due: '2026-11-01', status: 'done' });
  const otherRel = fakeCommitment({ id: 'other', relationshipId: 'rel-2', due: '2026-11-01' });

  it("shows the last session's focus and notes, and the open commitments with the overdue one first and marked", () => {
    const glance = prepareGlance({
      relationship: rel,
      sessions: [older, last],
      commitments: [undated, later, late, done, otherRel],
      unlocked: true,
      now: NOW,
    });
    expect(glance.session?.id).toBe('last');
    expect(glance.focus).toEqual({ state: 'shown', text: 'How to hand over the budget' });
    expect(glance.notes).toEqual({ state: 'shown', text: 'Talked through the reorg.' });
    expect(glance.commitments.map((c) => [c.id, c.overdue])).toEqual([
      ['late', true],
      ['later', false],
      ['undated', false],
    ]);
    expect(glance.overdueCount).toBe(1);
  });

  it('says the focus and notes are locked, not empty, when a locked passphrase seals them', () => {
    const sealed = { ...last, notes: '', summary: null, sealed: { iv: 'x', data: 'y' } };
    const glance = prepareGlance({ relationship: rel, sessions: [sealed], commitments: [], unlocked: false, now: NOW });
    expect(glance.focus).toEqual({ state: 'locked' });
    expect(glance.notes).toEqual({ state: 'locked' });
  });

  it('has nothing to show for a relationship without a finished session, but still lists its commitments', () => {
    const glance = prepareGlance({
      relationship: rel,
      sessions: [fakeSession({ id: 'running', endedAt: null })],
      commitments: [late],
      unlocked: true,
      now: NOW,
    });
    expect(glance.session).toBeNull();
    expect(glance.focus).toEqual({ state: 'none' });
    expect(glance.commitments).toHaveLength(1);
  });

  it('marks a timed commitment overdue from its minute, not the next day', () => {
    const timed = fakeCommitment({ id: 't', due: '2026-12-04', dueTime: '09:30' });
    const glance = prepareGlance({ relationship: rel, sessions: [], commitments: [timed], unlocked: true, now: NOW });
    expect(glance.commitments[0]?.overdue).toBe(true);
  });

  it('reports where the agreement stands', () => {
    const glance = prepareGlance({ relationship: rel, sessions: [], commitments: [], unlocked: true, now: NOW });
    expect(glance.agreement.complete).toBe(false);
    expect(agreementSentence(glance.agreement)).toBe(
      '3 parts still to write; not yet acknowledged by Alex Morgan and Priya Shah.',
    );
    expect(agreementSentence({ missing: [], unacknowledged: [], complete: true })).toMatch(/acknowledged by both/);
  });
});

describe("today's plan", () => {
  const base = { relationshipId: 'rel-1', tabId: 7, modelId: 'six-layer', openingQuestion: '  What went well?  ' };

  it('keeps whole minutes, drops stages left blank and trims the question', () => {
    const plan = makePlan({ ...base, stageMinutes: { a: 10.4, b: null, c: 0 } }, 123);
    expect(plan).toEqual({ ...base, openingQuestion: 'What went well?', stageMinutes: { a: 10, c: 0 }, setAt: 123 });
  });

  it.each([[-1], [241], [Number.NaN]])('refuses %s minutes for a stage', (minutes) => {
    expect(() => makePlan({ ...base, stageMinutes: { a: minutes } }, 0)).toThrow(PlanInputError);
  });

  it('refuses an opening question that is too long', () => {
    expect(() => makePlan({ ...base, openingQuestion: 'x'.repeat(501), stageMinutes: {} }, 0)).toThrow(PlanInputError);
  });

  it('reads stored plans, leaving out malformed ones and ones filed under another relationship', () => {
    const good = makePlan({ ...base, stageMinutes: { a: 5 } }, 1);
    expect(parseStoredPlans({ 'rel-1': good, 'rel-2': good, 'rel-3': { relationshipId: 'rel-3' }, x: 'nope' })).toEqual(
      { 'rel-1': good },
    );
    expect(parseStoredPlans(null)).toEqual({});
  });

  it('reads a plan kept before plans knew their tab as kept beside none', () => {
    const older: Record<string, unknown> = { ...makePlan({ ...base, stageMinutes: {} }, 1) };
    delete older.tabId;
    expect(parseStoredPlans({ 'rel-1': older })['rel-1']?.tabId).toBeNull();
  });

  it('finds the plan kept beside a call tab, and lets it take only that call or one whose title names its relationship', () => {
    const now = NOW.getTime();
    const plan = makePlan({ ...base, stageMinutes: {} }, now);
    expect(planForTab({ 'rel-1': plan }, 7, now)).toBe(plan);
    expect(planForTab({ 'rel-1': plan }, 8, now)).toBeNull();
    expect(planForTab({ 'rel-1': plan }, null, now)).toBeNull();
    expect(planFitsCall(plan, { tabId: 7, suggestedRelationshipId: null })).toBe(true);
    expect(planFitsCall(plan, { tabId: 8, suggestedRelationshipId: null })).toBe(false);
    expect(planFitsCall(plan, { tabId: 8, suggestedRelationshipId: 'rel-1' })).toBe(true);
    expect(planFitsCall({ ...plan, tabId: null }, { tabId: null, suggestedRelationshipId: null })).toBe(false);
    // Kept in the dashboard (no call) and shown, chosen, in the lobby before the session began.
    expect(
      planFitsCall({ ...plan, tabId: null }, { tabId: 3, suggestedRelationshipId: null, shownBeforeStart: true }),
    ).toBe(true);
    // A plan kept beside another call stays with that call, shown or not.
    expect(
      planFitsCall({ ...plan, tabId: 9 }, { tabId: 3, suggestedRelationshipId: null, shownBeforeStart: true }),
    ).toBe(false);
  });

  it('offers a waiting plan only while it is fresh, the newest first', () => {
    const now = NOW.getTime();
    const a: TodayPlan = { ...makePlan({ ...base, stageMinutes: {} }, now - 60 * MIN) };
    const b: TodayPlan = { ...makePlan({ ...base, relationshipId: 'rel-2', stageMinutes: {} }, now - 5 * MIN) };
    const plans = { 'rel-1': a, 'rel-2': b };
    expect(pendingPlanFor(plans, 'rel-1', now)).toBe(a);
    expect(pendingPlanFor(plans, 'rel-1', a.setAt + PLAN_FRESH_MS + 1)).toBeNull();
    expect(newestPendingPlan(plans, now)).toBe(b);
    expect(newestPendingPlan(plans, b.setAt + PLAN_FRESH_MS + 1)).toBeNull();
    expect(Object.keys(freshPlans(plans, a.setAt + PLAN_FRESH_MS + 1))).toEqual(['rel-2']);
  });

  it('offers first the relationship planned beside this call, then the title’s, then a waiting plan’s, then the last used', () => {
    const now = NOW.getTime();
    const [r1, r2, r3] = [{ id: 'rel-1' }, { id: 'rel-2' }, { id: 'rel-3' }];
    const choices = [r3, r1, r2];
    const here = makePlan({ ...base, relationshipId: 'rel-2', tabId: 9, stageMinutes: {} }, now - MIN);
    const waiting = makePlan({ ...base, relationshipId: 'rel-1', tabId: 4, stageMinutes: {} }, now - MIN);
    const pick = (plans: Record<string, TodayPlan>, suggested: { id: string } | null) =>
      preparedChoice({ plans, choices, tabId: 9, suggested, now })?.id;
    expect(pick({ 'rel-2': here, 'rel-1': waiting }, r3)).toBe('rel-2');
    expect(pick({ 'rel-1': waiting }, r3)).toBe('rel-3');
    expect(pick({ 'rel-1': waiting }, null)).toBe('rel-1');
    expect(pick({}, null)).toBe('rel-3');
    expect(preparedChoice({ plans: {}, choices: [], tabId: 9, suggested: null, now })).toBeNull();
  });

  it('keeps with the session only the plan itself, not where it waited', () => {
    const plan = makePlan({ ...base, stageMinutes: { a: 5 } }, 42);
    const kept = keptPlan(plan);
    expect(kept).toEqual({
      modelId: 'six-layer',
      stageMinutes: { a: 5 },
      openingQuestion: 'What went well?',
      setAt: 42,
    });
    expect(kept.stageMinutes).not.toBe(plan.stageMinutes);
  });
});

describe('stage time and the nudge', () => {
  const timeline = [
    { stageId: 'goal', at: 0 },
    { stageId: 'reality', at: 8 * MIN },
    { stageId: 'goal', at: 20 * MIN },
  ];

  it('adds up every visit to a stage', () => {
    expect(timeInStageMs(timeline, 'goal', 23 * MIN)).toBe(11 * MIN);
    expect(timeInStageMs(timeline, 'reality', 23 * MIN)).toBe(12 * MIN);
  });

  it('nudges once the current stage has run a whole minute past its planned minutes', () => {
    const plan = { stageMinutes: { goal: 10, reality: 5 } };
    expect(stageNudge(plan, timeline, 22 * MIN + 59_000)).toBeNull();
    expect(stageNudge(plan, timeline, 23 * MIN)).toEqual({ stageId: 'goal', plannedMinutes: 10, overMinutes: 1 });
  });

  it('does not nudge for a stage the plan left out or gave no minutes', () => {
    expect(stageNudge({ stageMinutes: {} }, timeline, 90 * MIN)).toBeNull();
    expect(stageNudge({ stageMinutes: { goal: 0 } }, timeline, 90 * MIN)).toBeNull();
    expect(stageNudge({ stageMinutes: { goal: 1 } }, [], 90 * MIN)).toBeNull();
  });
});
