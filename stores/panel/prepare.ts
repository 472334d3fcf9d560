import { defineStore } from 'pinia';
import { plainCopy } from '@/utils/plain-copy';
import { useServices } from '@/utils/services';
import { readStored, writeStored } from '@/utils/storage-area';
import { oneAtATime } from '@/utils/one-at-a-time';
import { errorSentence } from '@/utils/errors';
import { computed, ref, shallowRef, watch, watchEffect } from 'vue';
import type { CommitmentRecord, SessionRecord } from '@/utils/db/types';
import { getModel, MODES, type MentoringModel } from '@/utils/frameworks';
import { activeRelationships } from '@/utils/relationships/manage';
import { suggestRelationship } from '@/utils/relationships/suggest';
import {
  lastFinishedSession,
  freshPlans,
  makePlan,
  keptPlan,
  planFitsCall,
  preparedChoice,
  PENDING_PLANS,
  pendingPlanFor,
  prepareGlance,
  type LastSessionGlance,
  type TodayPlan,
} from '@/utils/relationships/prepare';
import { useCallStore } from './call';
import { usePrivacyStore } from '../shared/privacy';
import { useRelationshipsStore } from './relationships';
import { useSessionStore } from './session';
import { useStagesStore } from '../shared/stages';
import { useModelLibraryStore } from '../shared/model-library';

/**
 * Before the call: the chosen relationship's last session at a glance, and today's plan. The plan
 * waits in storage.local until a session starts beside the panel; then the session is linked to
 * the relationship (when it was not yet), takes the plan's model and keeps the plan.
 */
export const usePrepareStore = defineStore('prepare', () => {
  const call = useCallStore();
  const relationships = useRelationshipsStore();
  const sessionStore = useSessionStore();
  const stages = useStagesStore();
  const library = useModelLibraryStore();
  const privacy = usePrivacyStore();

  const chosenId = ref<string | null>(null);
  /** The model the mentor picked for today's plan; null: the default for the relationship. */
  const pickedModelId = ref<string | null>(null);
  const plans = ref<Record<string, TodayPlan>>({});
  const sessions = shallowRef<SessionRecord[]>([]);
  const commitments = shallowRef<CommitmentRecord[]>([]);
  const glance = shallowRef<LastSessionGlance | null>(null);
  const error = ref<string | null>(null);
  const message = ref<string | null>(null);
  const need = useServices();
  const clock = () => need('now')();
  // The call's lobby was on screen before the session began: a plan kept in the dashboard may apply.
  let shownBeforeStart = false;
  watchEffect(() => (shownBeforeStart ||= call.state === 'lobby' && !sessionStore.session));

  const choices = computed(() => activeRelationships(relationships.list));
  const chosen = computed(() => choices.value.find((r) => r.id === chosenId.value) ?? null);
  const pendingPlan = computed(() => (chosenId.value ? pendingPlanFor(plans.value, chosenId.value, clock()) : null));
  /** The model today's plan is for: the one picked, else the waiting plan's, the last session's, or the mode's. */
  const planModel = computed<MentoringModel | null>(() => {
    const rel = chosen.value;
    if (!rel) return null;
    const last = lastFinishedSession(sessions.value)?.frameworkId;
    const ids = [pickedModelId.value, pendingPlan.value?.modelId, last, MODES[rel.mode].defaultModelId];
    const model = ids.map((id) => (id ? getModel(id, library.sessionModels) : null)).find((m) => m) ?? null;
    return model ? library.customised(model) : null;
  });

  function fail(e: unknown, fallback: string) {
    error.value = errorSentence(e, fallback);
  }

  /** Reads the plans kept before earlier calls, offers a relationship and applies its plan to a session under way. */
  async function connect() {
    try {
      plans.value = await readStored(need('local'), PENDING_PLANS);
    } catch (e) {
      fail(e, 'Attune could not read the plans you set before earlier calls.');
    }
    pickDefault(clock());
    await load(clock());
    await applyToSession(clock());
  }

  const suggested = () => suggestRelationship(choices.value, { title: call.meetingTitle, selfName: call.selfName });

  /** The relationship offered first (see preparedChoice). */
  function pickDefault(now: number) {
    if (chosen.value) return;
    const input = { plans: plans.value, choices: choices.value, tabId: call.tabId, suggested: suggested(), now };
    chosenId.value = preparedChoice(input)?.id ?? null;
  }

  /** Reads the chosen relationship's sessions and open commitments again, as of `now`. */
  async function load(now: number) {
    const rel = chosen.value;
    if (!rel) {
      glance.value = null;
      return;
    }
    try {
      const runningId = sessionStore.session?.id ?? null;
      const [s, c] = await Promise.all([
        // Listed as stored: only the last session's sealed part needs opening.
        need('rawSessions').listByRelationship(rel.id),
        need('commitments').listCarryOver(rel.id),
      ]);
      const lastId = lastFinishedSession(s, runningId)?.id;
      const last = lastId ? await need('sessions').get(lastId) : null;
      if (chosenId.value !== rel.id) return;
      sessions.value = s;
      commitments.value = c;
      glance.value = prepareGlance({
        relationship: rel,
        sessions: last ? [last] : [],
        commitments: c,
        unlocked: privacy.unlocked || !privacy.enabled,
        runningId,
        now: new Date(now),
      });
      error.value = null;
    } catch (e) {
      fail(e, 'Attune could not read the last session. Try choosing the relationship again.');
    }
  }

  async function choose(id: string, now: number) {
    chosenId.value = id;
    pickedModelId.value = null;
    message.value = null;
    await load(now);
  }

  const pickModel = (id: string) => void (pickedModelId.value = id);

  async function persist() {
    await writeStored(need('local'), PENDING_PLANS, plainCopy(plans.value));
  }

  /** Keeps today's plan for the chosen relationship until its session starts. */
  async function savePlan(
    input: { stageMinutes: Record<string, number | null>; openingQuestion: string },
    now: number,
  ): Promise<boolean> {
    const [rel, model] = [chosen.value, planModel.value];
    if (!rel || !model) return false;
    try {
      const plan = makePlan({ relationshipId: rel.id, tabId: call.tabId, modelId: model.id, ...input }, now);
      plans.value = { ...freshPlans(plans.value, now), [rel.id]: plan };
      await persist();
      error.value = null;
      message.value = 'Plan kept. It is used as soon as the call starts.';
      return true;
    } catch (e) {
      fail(e, 'Attune could not keep this plan. Try again.');
      return false;
    }
  }

  async function clearPlan(relationshipId: string) {
    const rest = { ...plans.value };
    delete rest[relationshipId];
    plans.value = rest;
    message.value = null;
    try {
      await persist();
    } catch (e) {
      fail(e, 'Attune could not remove the plan. Try again.');
    }
  }

  /**
   * A session has started with a plan waiting for the chosen relationship: link the session to
   * it (unless the mentor linked another), open on the plan's model and keep the plan with it.
   */
  const applyToSession = oneAtATime((now: number) => applyPlan(now));

  async function applyPlan(now: number) {
    const record = sessionStore.session;
    const id = chosenId.value;
    if (!record || record.endedAt !== null || record.plan || !id) return;
    const plan = pendingPlanFor(plans.value, id, now);
    const rel = relationships.list.find((r) => r.id === id);
    if (!plan || !rel || (record.relationshipId !== null && record.relationshipId !== rel.id)) return;
    const here = { tabId: call.tabId, suggestedRelationshipId: suggested()?.id ?? null, shownBeforeStart };
    if (!planFitsCall(plan, here)) return;
    if (record.relationshipId === null) {
      await sessionStore.linkRelationship(rel, now);
      if (sessionStore.session?.relationshipId !== rel.id) return;
      await relationships.touch(rel.id, now);
    }
    const linked = sessionStore.session;
    if (!linked) return;
    // The panel attaches the stages to each new session too; whichever comes first, the other is a no-op.
    stages.attach(linked, MODES[rel.mode].defaultModelId);
    await stages.chooseModel(plan.modelId, now);
    if (await sessionStore.update({ plan: keptPlan(plan) }, now)) await clearPlan(rel.id);
  }

  // The relationships arrive after the panel connects; the first to come offers the default.
  watch(
    () => relationships.list,
    () => {
      if (chosen.value) return;
      pickDefault(clock());
      void load(clock());
    },
  );
  // Unlocked (or locked) elsewhere: the notes show or hide.
  watch(
    () => privacy.unlocked,
    () => void load(clock()),
  );
  watch(
    () => sessionStore.session?.id,
    () => void applyToSession(clock()),
  );

  return {
    chosenId,
    pickedModelId,
    plans,
    sessions,
    commitments,
    glance,
    error,
    message,
    choices,
    chosen,
    pendingPlan,
    planModel,
    connect,
    load,
    choose,
    pickModel,
    savePlan,
    clearPlan,
    applyToSession,
  };
});
