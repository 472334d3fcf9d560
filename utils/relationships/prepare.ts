import type { CommitmentRecord, RelationshipRecord, SessionPlan, SessionRecord, StageMark } from '../db/types';
import { isProtected } from '../crypto/sealed-session';
import { isOverdue } from '../commitments/follow-through';
import { agreementStatus, type AgreementStatus } from './agreement';
import { UserFacingError } from '../errors';
import { storedValue } from '../storage-area';

const MS_PER_MINUTE = 60_000;
/** A plan set before a call is for that call: one left unused longer than this is not offered again. */
export const PLAN_FRESH_MS = 18 * 60 * MS_PER_MINUTE;
/** The same ceiling the model editor puts on a stage's planned minutes. */
export const PLAN_MAX_STAGE_MINUTES = 240;
export const MAX_OPENING_QUESTION_CHARS = 500;

/** Text of the last session that is shown, absent, or sealed under a passphrase that is locked. */
export type GlanceText = { state: 'shown'; text: string } | { state: 'none' } | { state: 'locked' };

export interface GlanceCommitment {
  id: string;
  owner: string;
  action: string;
  due: string | null;
  dueTime: string | null;
  overdue: boolean;
}

/** The relationship's last session as the mentor needs it before the next call. */
export interface LastSessionGlance {
  /** The last finished session, or null when the relationship has none yet. */
  session: Pick<SessionRecord, 'id' | 'startedAt' | 'nextCheckIn'> | null;
  /** What the last session agreed to pick up next (the wrap-up's summary, as the mentor may have edited it). */
  focus: GlanceText;
  notes: GlanceText;
  /** Still open (or under way), the overdue ones first, then by due date; undated last. */
  commitments: GlanceCommitment[];
  overdueCount: number;
  agreement: AgreementStatus;
}

/** The most recent session that has ended, leaving out the one running now (if any). */
export function lastFinishedSession(
  sessions: readonly SessionRecord[],
  runningId: string | null = null,
): SessionRecord | null {
  let last: SessionRecord | null = null;
  for (const s of sessions) {
    if (s.endedAt === null || s.id === runningId) continue;
    if (!last || s.startedAt > last.startedAt) last = s;
  }
  return last;
}

function textOf(value: string | null | undefined, locked: boolean): GlanceText {
  if (locked) return { state: 'locked' };
  const text = value?.trim() ?? '';
  return text ? { state: 'shown', text } : { state: 'none' };
}

function byAttention(a: GlanceCommitment, b: GlanceCommitment): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.due !== b.due) return a.due === null ? 1 : b.due === null ? -1 : a.due.localeCompare(b.due);
  return (a.dueTime ?? '24:00').localeCompare(b.dueTime ?? '24:00');
}

/**
 * The glance at the last session: its focus for next time and notes (reported as locked, not
 * empty, when a locked passphrase seals them), the relationship's open commitments with the
 * overdue ones marked as of `now`, and where the agreement stands.
 */
export function prepareGlance(input: {
  relationship: Pick<RelationshipRecord, 'id' | 'agreement' | 'mentorName' | 'menteeName'>;
  sessions: readonly SessionRecord[];
  commitments: readonly CommitmentRecord[];
  /** Whether the passphrase's key is at hand (true when there is no passphrase at all). */
  unlocked: boolean;
  runningId?: string | null;
  now: Date;
}): LastSessionGlance {
  const last = lastFinishedSession(
    input.sessions.filter((s) => s.relationshipId === input.relationship.id),
    input.runningId ?? null,
  );
  const locked = last !== null && isProtected(last) && !input.unlocked;
  const commitments = input.commitments
    .filter((c) => c.relationshipId === input.relationship.id && (c.status === 'open' || c.status === 'in-progress'))
    .map((c) => ({
      id: c.id,
      owner: c.owner,
      action: c.action,
      due: c.due,
      dueTime: c.dueTime ?? null,
      overdue: isOverdue(c, input.now),
    }))
    .sort(byAttention);
  return {
    session: last ? { id: last.id, startedAt: last.startedAt, nextCheckIn: last.nextCheckIn } : null,
    focus: last ? textOf(last.summary?.nextFocus, locked) : { state: 'none' },
    notes: last ? textOf(last.notes, locked) : { state: 'none' },
    commitments,
    overdueCount: commitments.filter((c) => c.overdue).length,
    agreement: agreementStatus(input.relationship),
  };
}

/** One line on where the agreement stands, for the glance. */
export function agreementSentence(status: AgreementStatus): string {
  if (status.complete) return 'Written in full and acknowledged by both of you.';
  const parts: string[] = [];
  if (status.missing.length > 0)
    parts.push(`${status.missing.length} part${status.missing.length === 1 ? '' : 's'} still to write`);
  if (status.unacknowledged.length > 0) parts.push(`not yet acknowledged by ${status.unacknowledged.join(' and ')}`);
  const sentence = parts.join('; ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

/** Today's plan while it waits for its call: the session's plan, for one relationship. */
export interface TodayPlan extends SessionPlan {
  relationshipId: string;
  /** The call tab it was kept beside (null when none was known): it applies itself to that call only. */
  tabId: number | null;
}

export class PlanInputError extends UserFacingError {
  override readonly name = 'PlanInputError';
}

/** A plan from what the mentor typed: minutes whole and within bounds, the question trimmed. */
export function makePlan(
  input: Omit<TodayPlan, 'setAt' | 'stageMinutes'> & { stageMinutes: Record<string, number | null> },
  now: number,
): TodayPlan {
  const stageMinutes: Record<string, number> = {};
  for (const [stageId, minutes] of Object.entries(input.stageMinutes)) {
    if (minutes === null) continue;
    if (!Number.isFinite(minutes) || minutes < 0 || minutes > PLAN_MAX_STAGE_MINUTES)
      throw new PlanInputError(`A stage can be planned for 0 to ${PLAN_MAX_STAGE_MINUTES} minutes.`);
    stageMinutes[stageId] = Math.round(minutes);
  }
  const openingQuestion = input.openingQuestion.trim();
  if (openingQuestion.length > MAX_OPENING_QUESTION_CHARS)
    throw new PlanInputError(`Keep the opening question under ${MAX_OPENING_QUESTION_CHARS} characters.`);
  return {
    relationshipId: input.relationshipId,
    tabId: input.tabId,
    modelId: input.modelId,
    stageMinutes,
    openingQuestion,
    setAt: now,
  };
}

function isPlan(value: unknown): value is TodayPlan {
  if (!value || typeof value !== 'object') return false;
  const p = value as Record<string, unknown>;
  return (
    typeof p.relationshipId === 'string' &&
    typeof p.modelId === 'string' &&
    typeof p.openingQuestion === 'string' &&
    typeof p.setAt === 'number' &&
    !!p.stageMinutes &&
    typeof p.stageMinutes === 'object' &&
    Object.values(p.stageMinutes).every((m) => typeof m === 'number' && Number.isFinite(m))
  );
}

/** Plans waiting for their call, as kept in storage: anything malformed is left out. */
export function parseStoredPlans(raw: unknown): Record<string, TodayPlan> {
  if (!raw || typeof raw !== 'object') return {};
  const out: Record<string, TodayPlan> = {};
  for (const [id, plan] of Object.entries(raw))
    if (isPlan(plan) && plan.relationshipId === id)
      out[id] = { ...plan, tabId: typeof plan.tabId === 'number' ? plan.tabId : null };
  return out;
}

/** storage.local: plans set before a call, by relationship id, waiting for the session they are for. */
export const PENDING_PLANS = storedValue('prepare.pendingPlans', parseStoredPlans);

/** The plan waiting for this relationship's next call, unless it is stale (see PLAN_FRESH_MS). */
export function pendingPlanFor(
  plans: Readonly<Record<string, TodayPlan>>,
  relationshipId: string,
  now: number,
): TodayPlan | null {
  const plan = plans[relationshipId];
  return plan && now - plan.setAt <= PLAN_FRESH_MS ? plan : null;
}

/** The plans still fresh: stale ones are dropped whenever a plan is kept, so none lingers in storage. */
export function freshPlans(plans: Readonly<Record<string, TodayPlan>>, now: number): Record<string, TodayPlan> {
  const out: Record<string, TodayPlan> = {};
  for (const id of Object.keys(plans)) {
    const plan = pendingPlanFor(plans, id, now);
    if (plan) out[id] = plan;
  }
  return out;
}

/** The freshest plan still waiting, whichever relationship it is for: the lobby offers that one first. */
export function newestPendingPlan(plans: Readonly<Record<string, TodayPlan>>, now: number): TodayPlan | null {
  let newest: TodayPlan | null = null;
  for (const id of Object.keys(plans)) {
    const plan = pendingPlanFor(plans, id, now);
    if (plan && (!newest || plan.setAt > newest.setAt)) newest = plan;
  }
  return newest;
}

/** The fresh plan kept beside this call tab, if any. */
export function planForTab(
  plans: Readonly<Record<string, TodayPlan>>,
  tabId: number | null,
  now: number,
): TodayPlan | null {
  if (tabId === null) return null;
  return Object.values(freshPlans(plans, now)).find((p) => p.tabId === tabId) ?? null;
}

/**
 * The relationship to offer first when preparing: the one whose plan was kept beside this call,
 * else the one the call's title suggests, else the one a plan waits for, else the first (the
 * last used).
 */
export function preparedChoice<R extends { id: string }>(input: {
  plans: Readonly<Record<string, TodayPlan>>;
  choices: readonly R[];
  tabId: number | null;
  suggested: R | null;
  now: number;
}): R | null {
  const byId = (id: string | undefined) => input.choices.find((r) => r.id === id);
  const here = planForTab(input.plans, input.tabId, input.now);
  const waiting = newestPendingPlan(input.plans, input.now);
  return byId(here?.relationshipId) ?? input.suggested ?? byId(waiting?.relationshipId) ?? input.choices[0] ?? null;
}

/** What the session keeps of a plan once it takes it: the plan without its waiting-room fields. */
export function keptPlan(plan: TodayPlan): SessionPlan {
  return {
    modelId: plan.modelId,
    stageMinutes: { ...plan.stageMinutes },
    openingQuestion: plan.openingQuestion,
    setAt: plan.setAt,
  };
}

/**
 * Whether a waiting plan may take over the session starting beside `tabId`: it was kept beside
 * that very call, or the call's title names its relationship, or it was kept away from any call
 * (in the dashboard) and the panel showed it, chosen, before this session began. A plan kept for
 * one call must not link an unrelated call in another tab to its relationship.
 */
export function planFitsCall(
  plan: Pick<TodayPlan, 'relationshipId' | 'tabId'>,
  call: { tabId: number | null; suggestedRelationshipId: string | null; shownBeforeStart?: boolean },
): boolean {
  if (plan.tabId === null && call.shownBeforeStart === true) return true;
  return (plan.tabId !== null && plan.tabId === call.tabId) || plan.relationshipId === call.suggestedRelationshipId;
}

/** Time spent in a stage so far, over every visit (the timeline is the stage changes, oldest first). */
export function timeInStageMs(timeline: readonly StageMark[], stageId: string, now: number): number {
  let total = 0;
  timeline.forEach((mark, i) => {
    if (mark.stageId !== stageId) return;
    const until = timeline[i + 1]?.at ?? now;
    total += Math.max(0, until - mark.at);
  });
  return total;
}

export interface StageNudge {
  stageId: string;
  plannedMinutes: number;
  /** Whole minutes past the plan (at least 1). */
  overMinutes: number;
}

/**
 * The gentle nudge for the current stage: it has run past the minutes today's plan gave it.
 * Null while within plan, for a stage the plan left out, or one planned for no time at all.
 */
export function stageNudge(
  plan: Pick<SessionPlan, 'stageMinutes'>,
  timeline: readonly StageMark[],
  now: number,
): StageNudge | null {
  const stageId = timeline.at(-1)?.stageId;
  if (!stageId) return null;
  const planned = plan.stageMinutes[stageId];
  if (planned === undefined || planned <= 0) return null;
  const overMinutes = Math.floor((timeInStageMs(timeline, stageId, now) - planned * MS_PER_MINUTE) / MS_PER_MINUTE);
  return overMinutes >= 1 ? { stageId, plannedMinutes: planned, overMinutes } : null;
}
