import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createPinia, setActivePinia } from 'pinia';
import { installServices } from '@/utils/services';
import { PROMPTS_SHOWN, useStagesStore } from '@/stores/shared/stages';
import { useModelLibraryStore } from '@/stores/shared/model-library';
import { openAttuneDb } from '@/utils/db/open';
import { createIdbSessionRepo } from '@/utils/db/session-repo';
import { fakeSession } from '../../support/records';
import { memoryArea } from '../../support/memory-area';

async function setup() {
  const repo = createIdbSessionRepo(await openAttuneDb(new IDBFactory()));
  const session = await repo.ensure(fakeSession());
  const store = useStagesStore();
  installServices({ sessions: repo });
  store.attach(session, 'grow');
  return { store, repo, library: useModelLibraryStore() };
}

describe('stages store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('moves through the stages and saves the timeline with the session', async () => {
    const { store, repo } = await setup();
    await store.selectStage('goal', 100);
    await store.step(1, 200);
    await store.step(1, 300);
    await store.step(-1, 400);
    expect(store.currentStageId).toBe('reality');
    expect(await repo.get('ses-1')).toMatchObject({
      frameworkId: 'grow',
      stageTimeline: [
        { stageId: 'goal', at: 100 },
        { stageId: 'reality', at: 200 },
        { stageId: 'options', at: 300 },
        { stageId: 'reality', at: 400 },
      ],
    });
  });

  it('records each prompt asked once, with its stage and time', async () => {
    const { store, repo } = await setup();
    await store.selectStage('options', 1);
    const [first] = store.prompts;
    await store.markAsked(first!.id, 50);
    await store.markAsked(first!.id, 60);
    expect((await repo.get('ses-1'))?.promptsUsed).toEqual([{ questionId: first!.id, stageId: 'options', at: 50 }]);
  });

  it('shows three prompts, offers others, and keeps pinned ones in view', async () => {
    const { store } = await setup();
    await store.selectStage('goal', 1);
    const firstThree = store.prompts.map((q) => q.id);
    expect(firstThree).toHaveLength(PROMPTS_SHOWN);
    store.togglePin(firstThree[1]!);
    store.morePrompts();
    expect(store.prompts[0]?.id).toBe(firstThree[1]);
    expect(store.prompts.slice(1).some((q) => firstThree.includes(q.id))).toBe(false);
  });

  it('resumes a saved session’s model and timeline', async () => {
    const { repo } = await setup();
    await repo.checkpoint('ses-1', {
      frameworkId: 'mentor-coaching',
      stageTimeline: [{ stageId: 'intention', at: 5 }],
      lastCheckpointAt: 5,
    });
    setActivePinia(createPinia());
    const store = useStagesStore();
    store.attach((await repo.get('ses-1'))!, 'grow');
    expect(store.model.id).toBe('mentor-coaching');
    expect(store.currentStage?.name).toBe('Intention');
  });

  it('co-coaching: records each swap of roles and starts the model again for the new coach', async () => {
    const { store, repo } = await setup();
    await store.selectStage('options', 100);
    await store.swapRoles(900);
    expect(store.currentStageId).toBe('goal');
    await store.step(1, 1000);
    await store.swapRoles(1800);
    const saved = await repo.get('ses-1');
    expect(saved?.roleSwaps).toEqual([900, 1800]);
    expect(saved?.stageTimeline.map((m) => m.stageId)).toEqual(['options', 'goal', 'reality', 'goal']);
    setActivePinia(createPinia());
    const resumed = useStagesStore();
    resumed.attach(saved!, 'grow');
    expect(resumed.roleSwaps).toEqual([900, 1800]);
  });

  it('ignores a stage that is not in the model', async () => {
    const { store } = await setup();
    await store.selectStage('not-a-stage', 1);
    expect(store.timeline).toEqual([]);
  });
});

describe('stages store: the user’s own model', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('adds the mentor’s question to the current stage, hides one, and remembers both next time', async () => {
    const area = memoryArea();
    const { store, library } = await setup();
    installServices({ local: area });
    await library.loadSettings();
    await store.selectStage('goal', 1);
    await store.addOwnQuestion('What would make today count?', 'mine-1');
    await store.hideQuestion('goal-1');
    const goal = () => store.model.stages.find((s) => s.id === 'goal');
    expect(goal()?.questions.some((q) => q.text === 'What would make today count?')).toBe(true);
    expect(goal()?.questions.some((q) => q.id === 'goal-1')).toBe(false);

    setActivePinia(createPinia());
    const later = useStagesStore();
    installServices({ local: area });
    await useModelLibraryStore().loadSettings();
    later.attach(fakeSession({ id: 'other', frameworkId: 'grow' }), 'grow');
    const goalLater = later.model.stages.find((s) => s.id === 'goal');
    expect(goalLater?.questions.some((q) => q.id === 'mine-1')).toBe(true);
    expect(goalLater?.questions.some((q) => q.id === 'goal-1')).toBe(false);
  });

  it('imports a model file and switches to it; a bad file changes nothing and says why', async () => {
    const area = memoryArea();
    const { store, library } = await setup();
    installServices({ local: area });
    await library.loadSettings();
    const file = store
      .exportCurrentModel()
      .replace('"id": "grow"', '"id": "my-grow"')
      .replace('"name": "GROW"', '"name": "My GROW"');
    expect(await store.importModel(file, 10)).toBe(true);
    expect(store.model.name).toBe('My GROW');
    expect(library.sessionModels.map((m) => m.id)).toContain('my-grow');

    expect(await store.importModel('{"format":"attune.model","version":1,"model":{}}', 20)).toBe(false);
    expect(library.editError).toMatch(/Nothing was imported/);
    expect(store.model.name).toBe('My GROW');
  });

  it('never lets an imported model replace a built-in one: it is added beside it, renamed, and the mentor is told', async () => {
    const area = memoryArea();
    const { store, library } = await setup();
    installServices({ local: area });
    await library.loadSettings();
    const builtInStages = store.model.stages.map((s) => s.name);
    // A file that claims GROW's id, with its stages renamed.
    const hostile = store.exportCurrentModel().replace(/"name": "Goal"/, '"name": "Hijacked"');
    expect(await store.importModel(hostile, 10)).toBe(true);
    expect(library.sessionModels.find((m) => m.id === 'grow')?.stages.map((s) => s.name)).toEqual(builtInStages);
    expect(library.sessionModels.map((m) => m.id)).toContain('grow-imported');
    expect(library.sessionModels.find((m) => m.id === 'grow-imported')?.name).toBe('GROW (imported)');
    expect(library.importNote).toMatch(/keeps its place.*GROW \(imported\)/);
    // A second copy gets its own id rather than replacing the first import.
    expect(await store.importModel(hostile, 20)).toBe(true);
    expect(library.sessionModels.filter((m) => m.id.startsWith('grow-imported'))).toHaveLength(2);
  });

  it('refuses an empty question with a sentence', async () => {
    const { store, library } = await setup();
    installServices({ local: memoryArea() });
    await store.selectStage('goal', 1);
    await store.addOwnQuestion('   ');
    expect(library.editError).toBe('Type the question you want to add.');
  });
});

describe('stages store: switching model', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('opens the new model at its first stage, with its questions, before the call has a clock', async () => {
    const { store, repo } = await setup();
    await store.chooseModel('six-layer', 7);
    expect(store.currentStageId).toBe('foundation');
    expect(store.prompts.length).toBeGreaterThan(0);
    expect((await repo.get('ses-1'))?.stageTimeline).toEqual([{ stageId: 'foundation', at: 7 }]);
  });

  it('opens the new model at the stage its plan suggests for the time into the call', async () => {
    const { store } = await setup();
    const minutes =
      useModelLibraryStore()
        .availableModels.find((m) => m.id === 'six-layer')
        ?.stages.map((s) => s.defaultMinutes ?? 0) ?? [];
    const intoThird = ((minutes[0] ?? 0) + (minutes[1] ?? 0) + 0.5) * 60_000;
    await store.chooseModel('six-layer', 7, intoThird);
    expect(store.currentStageId).toBe(store.model.stages[2]?.id);
    expect(store.currentStage?.questions.length).toBeGreaterThan(0);
  });
});

describe('stages store: the relationship’s mode', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('switches to the mode’s model while the mentor is still at the first stage', async () => {
    const { store } = await setup();
    await store.chooseModel('six-layer', 1);
    await store.selectStage('foundation', 1);
    await store.adoptModeModel('grow', 5);
    expect(store.model.id).toBe('grow');
    expect(store.currentStageId).toBe('goal');
  });

  it('leaves the model alone once the mentor has moved on', async () => {
    const { store } = await setup();
    await store.chooseModel('six-layer', 1);
    await store.selectStage('foundation', 1);
    await store.selectStage('trust', 2);
    await store.adoptModeModel('grow', 5);
    expect(store.model.id).toBe('six-layer');
  });
});
