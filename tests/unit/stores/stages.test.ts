import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createPinia, setActivePinia } from 'pinia';
import { PROMPTS_SHOWN, useStagesStore } from '@/stores/stages';
import { openAttuneDb } from '@/utils/db/open';
import { createIdbSessionRepo } from '@/utils/db/session-repo';
import { fakeSession } from '../db/fake-data';

async function setup() {
  const repo = createIdbSessionRepo(await openAttuneDb(new IDBFactory()));
  const session = await repo.ensure(fakeSession());
  const store = useStagesStore();
  store.connect(repo);
  store.attach(session, 'grow');
  return { store, repo };
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
    await repo.checkpoint('ses-1', { frameworkId: 'mentor-coaching', stageTimeline: [{ stageId: 'intention', at: 5 }], lastCheckpointAt: 5 });
    setActivePinia(createPinia());
    const store = useStagesStore();
    store.attach((await repo.get('ses-1'))!, 'grow');
    expect(store.model.id).toBe('mentor-coaching');
    expect(store.currentStage?.name).toBe('Intention');
  });

  it('ignores a stage that is not in the model', async () => {
    const { store } = await setup();
    await store.selectStage('not-a-stage', 1);
    expect(store.timeline).toEqual([]);
  });
});
