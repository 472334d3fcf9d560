import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createPinia, setActivePinia } from 'pinia';
import { nextTick } from 'vue';
import { makePlan } from '@/utils/relationships/prepare';
import { usePrepareStore } from '@/stores/panel/prepare';
import { PENDING_PLANS } from '@/utils/relationships/prepare';
import { useSessionStore } from '@/stores/panel/session';
import { useRelationshipsStore } from '@/stores/panel/relationships';
import { useCallStore } from '@/stores/panel/call';
import { openAttuneDb } from '@/utils/db/open';
import { createIdbSessionRepo } from '@/utils/db/session-repo';
import { createIdbRelationshipRepo } from '@/utils/db/relationship-repo';
import { createIdbCommitmentRepo } from '@/utils/db/commitment-repo';
import type { TabCallState } from '@/utils/messaging';
import { fakeCommitment, fakeRelationship, fakeSession } from '../../support/records';
import { memoryArea } from '../../support/memory-area';
import { installServices } from '@/utils/services';

const NOW = new Date(2026, 11, 4, 10, 0).getTime();
const jo = fakeRelationship({ id: 'rel-jo', menteeName: 'Jo Lee', mode: 'specialist-coaching', updatedAt: 2_000 });
const sam = fakeRelationship({ id: 'rel-sam', menteeName: 'Sam Roe', updatedAt: 1_000 });

function tabState(overrides: Partial<TabCallState> = {}): TabCallState {
  return {
    tabId: 1,
    platform: 'meet',
    snapshot: { platform: 'meet', state: 'in-call', title: 'Catch-up', selfName: null, controlsFound: true },
    sessionId: 'ses-new',
    callStartedAt: NOW + 60_000,
    callEndedAt: null,
    updatedAt: NOW,
    ...overrides,
  };
}

async function setup(area = memoryArea()) {
  const db = await openAttuneDb(new IDBFactory());
  const sessions = createIdbSessionRepo(db);
  const relationshipRepo = createIdbRelationshipRepo(db);
  const commitments = createIdbCommitmentRepo(db);
  await relationshipRepo.put(jo);
  await relationshipRepo.put(sam);
  await sessions.ensure(
    fakeSession({ id: 'old', relationshipId: jo.id, startedAt: NOW - 86_400_000, endedAt: NOW - 86_000_000 }),
  );
  await commitments.put(fakeCommitment({ id: 'late', relationshipId: jo.id, due: '2026-12-01' }));
  useCallStore().attach(1, true);
  const session = useSessionStore();
  installServices({ sessions, relationships: relationshipRepo });
  const relationships = useRelationshipsStore();
  await relationships.load();
  const prepare = usePrepareStore();
  installServices({ sessions, rawSessions: sessions, commitments, local: area });
  await prepare.connect();
  return { prepare, session, sessions, area };
}

describe('prepare store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it('offers the last used relationship and reads its last session and overdue commitment', async () => {
    const { prepare } = await setup();
    expect(prepare.chosenId).toBe(jo.id);
    expect(prepare.glance?.session?.id).toBe('old');
    expect(prepare.glance?.overdueCount).toBe(1);
    // Specialist coaching opens on GROW.
    expect(prepare.planModel?.id).toBe('grow');
  });

  it('keeps a plan until the call starts, then links the session, opens on its model and keeps it with the session', async () => {
    const { prepare, session, sessions, area } = await setup();
    await prepare.choose(sam.id, NOW);
    prepare.pickModel('grow');
    const goal = prepare.planModel?.stages[0]?.id ?? '';
    expect(
      await prepare.savePlan({ stageMinutes: { [goal]: 12 }, openingQuestion: 'Where shall we start?' }, NOW),
    ).toBe(true);
    expect(area.data.get(PENDING_PLANS.key)).toMatchObject({ [sam.id]: { modelId: 'grow' } });

    await session.syncWithCall(tabState(), NOW + 60_000);
    await nextTick();
    await vi.waitFor(async () => expect((await sessions.get('ses-new'))?.plan).toBeDefined());
    const stored = await sessions.get('ses-new');
    expect(stored?.relationshipId).toBe(sam.id);
    expect(stored?.frameworkId).toBe('grow');
    expect(stored?.plan).toEqual({
      modelId: 'grow',
      stageMinutes: { [goal]: 12 },
      openingQuestion: 'Where shall we start?',
      setAt: NOW,
    });
    expect(area.data.get(PENDING_PLANS.key)).toEqual({});
  });

  it('leaves a session already linked to another relationship alone, and keeps the plan waiting', async () => {
    const { prepare, session, sessions } = await setup();
    await prepare.savePlan({ stageMinutes: {}, openingQuestion: 'Hello?' }, NOW);
    // A panel reopened mid-call: the session was linked to Sam's relationship before.
    await sessions.ensure(fakeSession({ id: 'ses-new', relationshipId: sam.id, startedAt: NOW, endedAt: null }));
    await session.syncWithCall(tabState(), NOW + 60_000);
    await prepare.applyToSession(NOW + 60_000);
    const record = await sessions.get('ses-new');
    expect(record?.relationshipId).toBe(sam.id);
    expect(record?.plan).toBeUndefined();
    expect(prepare.plans[jo.id]?.openingQuestion).toBe('Hello?');
  });

  it('applies a plan kept in the dashboard to the call beside which the lobby was shown, never to a call already under way', async () => {
    const fromDashboard = makePlan(
      { relationshipId: sam.id, tabId: null, modelId: 'grow', openingQuestion: 'From the dashboard', stageMinutes: {} },
      NOW,
    );
    const planned = () => {
      const area = memoryArea();
      area.data.set(PENDING_PLANS.key, { [sam.id]: fromDashboard });
      return area;
    };

    // The panel opened beside the call's lobby; the mentor then joined.
    const lobby = await setup(planned());
    expect(lobby.prepare.chosenId).toBe(sam.id);
    const call = useCallStore();
    call.setTabState(tabState({ sessionId: null, snapshot: { ...tabState().snapshot, state: 'lobby' } }));
    await nextTick();
    call.setTabState(tabState());
    await lobby.session.syncWithCall(tabState(), NOW + 60_000);
    await vi.waitFor(async () =>
      expect((await lobby.sessions.get('ses-new'))?.plan?.openingQuestion).toBe('From the dashboard'),
    );
    expect((await lobby.sessions.get('ses-new'))?.relationshipId).toBe(sam.id);

    // The panel opened while a call was already under way: its lobby was never shown with the plan.
    setActivePinia(createPinia());
    const underWay = await setup(planned());
    useCallStore().setTabState(tabState());
    await nextTick();
    await underWay.session.syncWithCall(tabState(), NOW + 60_000);
    await underWay.prepare.applyToSession(NOW + 60_000);
    const record = await underWay.sessions.get('ses-new');
    expect(record?.plan).toBeUndefined();
    expect(record?.relationshipId).toBeNull();
  });

  it('opens only the last finished session, not every one of the relationship', async () => {
    const db = await openAttuneDb(new IDBFactory());
    const raw = createIdbSessionRepo(db);
    const relationshipRepo = createIdbRelationshipRepo(db);
    await relationshipRepo.put(jo);
    for (let i = 0; i < 5; i += 1)
      await raw.ensure(
        fakeSession({ id: `s${i}`, relationshipId: jo.id, startedAt: i * 1_000, endedAt: i * 1_000 + 500 }),
      );
    const opened: string[] = [];
    const sealing = {
      ...raw,
      get: async (id: string) => {
        opened.push(id);
        return raw.get(id);
      },
      listByRelationship: async () => {
        throw new Error('opens every session');
      },
    };
    const relationships = useRelationshipsStore();
    installServices({ relationships: relationshipRepo });
    await relationships.load();
    const prepare = usePrepareStore();
    installServices({
      sessions: sealing,
      rawSessions: raw,
      commitments: createIdbCommitmentRepo(db),
      local: memoryArea(),
    });
    await prepare.connect();
    expect(prepare.error).toBeNull();
    expect(opened).toEqual(['s4']);
    expect(prepare.glance?.session?.id).toBe('s4');
  });

  it('does not link a call in another tab to a plan kept for a different call', async () => {
    const { prepare, session, sessions } = await setup();
    await prepare.choose(sam.id, NOW);
    await prepare.savePlan({ stageMinutes: {}, openingQuestion: 'Hello?' }, NOW);
    // The same panel store now beside another call tab (Firefox's sidebar follows the active tab).
    useCallStore().attach(2, true);
    await session.syncWithCall(tabState({ tabId: 2 }), NOW + 60_000);
    await prepare.applyToSession(NOW + 60_000);
    const record = await sessions.get('ses-new');
    expect(record?.relationshipId).toBeNull();
    expect(record?.plan).toBeUndefined();
    expect(prepare.plans[sam.id]).toBeDefined();
  });

  it('says why a plan with impossible minutes is not kept', async () => {
    const { prepare, area } = await setup();
    expect(await prepare.savePlan({ stageMinutes: { a: 999 }, openingQuestion: '' }, NOW)).toBe(false);
    expect(prepare.error).toMatch(/0 to 240 minutes/);
    expect(area.data.has(PENDING_PLANS.key)).toBe(false);
  });
});
