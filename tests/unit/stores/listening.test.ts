import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createPinia, setActivePinia } from 'pinia';
import { installServices } from '@/utils/services';
import { useCaptionsStore } from '@/stores/panel/captions';
import { useListeningStore } from '@/stores/panel/listening';
import { useSessionStore } from '@/stores/panel/session';
import { useStagesStore } from '@/stores/shared/stages';
import { useTalkTargetsStore } from '@/stores/shared/talk-targets';
import { openAttuneDb } from '@/utils/db/open';
import { createIdbSessionRepo } from '@/utils/db/session-repo';
import { createIdbRelationshipRepo } from '@/utils/db/relationship-repo';
import { EMPTY_MOVE_COUNTS } from '@/utils/listening/follow';
import { fakeSession } from '../../support/records';
import { memoryArea } from '../../support/memory-area';

const T0 = Date.UTC(2026, 2, 3, 10, 0, 0);
// Meet's "You": the caption reader marks it as the user's from Meet's self tile (markSelf).
const line = (speaker: string, text: string, at: number) => ({
  speaker,
  text,
  at,
  endedAt: at + 2000,
  ...(speaker === 'You' ? { self: true } : {}),
});

async function setup(saved = fakeSession()) {
  const db = await openAttuneDb(new IDBFactory());
  const sessions = createIdbSessionRepo(db);
  const session = useSessionStore();
  installServices({ sessions, relationships: createIdbRelationshipRepo(db) });
  session.session = await sessions.ensure(saved);
  const captions = useCaptionsStore();
  installServices({ requestCaptions: async () => true, session: memoryArea() });
  await captions.setReading(7, saved.id, true);
  return { captions, sessions, listening: useListeningStore() };
}

describe('listening store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('counts the mentor’s moves from the captions and saves them with the session', async () => {
    const { captions, sessions, listening } = await setup();
    await captions.receiveUtterances(
      [
        line('Priya Shah', "I've worked every weekend since June.", T0),
        line('You', 'So the cost is your weekends.', T0 + 5000),
        line('Priya Shah', 'Yes, and my manager has not noticed.', T0 + 9000),
        line('You', 'You should tell your manager.', T0 + 14_000),
      ],
      ['Alex Morgan'],
    );
    expect(listening.counts).toMatchObject({ restating: 1, advice: 1 });
    expect(listening.ratio).toBeCloseTo(0.5);
    const saved = await sessions.get('ses-1');
    expect(saved?.moves?.counts).toEqual({ ...EMPTY_MOVE_COUNTS, restating: 1, advice: 1 });
    expect(saved?.moves?.turns).toEqual([
      { at: T0 + 7000, move: 'restating' },
      { at: T0 + 16_000, move: 'advice' },
    ]);
  });

  it('gives a line under a name two participants show to neither side', async () => {
    const { captions, listening } = await setup();
    await captions.receiveUtterances(
      [
        line('Priya Shah', "I've worked every weekend since June.", T0),
        { ...line('Alex Morgan', 'You should tell your manager.', T0 + 5000), sharedName: true },
      ],
      ['Alex Morgan'],
    );
    expect(listening.counts.advice).toBe(0);
    // Not the mentee's words either: a restatement of it next would not count as reflecting them.
    await captions.receiveUtterances([line('You', 'So you should tell your manager.', T0 + 9000)], ['Alex Morgan']);
    expect(listening.counts.restating).toBe(0);
  });

  it('carries on from the counts a reopened session saved', async () => {
    const { captions, sessions } = await setup(
      fakeSession({ moves: { counts: { ...EMPTY_MOVE_COUNTS, open: 4 }, turns: [] } }),
    );
    await captions.receiveUtterances([line('You', 'What would help most?', T0)], []);
    expect((await sessions.get('ses-1'))?.moves?.counts.open).toBe(5);
  });

  it('asks for the mentee’s view after a run of advice, and the cue can be dismissed', async () => {
    const { captions, listening } = await setup();
    await captions.receiveUtterances(
      [
        line('Priya Shah', 'My manager ignores me.', T0),
        line('You', 'You should ask for a meeting.', T0 + 5000),
        line('You', 'Put it in writing.', T0 + 9000),
        line('You', 'Go to HR if not.', T0 + 14_000),
      ],
      [],
    );
    expect(listening.cue?.kind).toBe('ask');
    listening.dismissCue();
    expect(listening.cue).toBeNull();
  });

  it('in co-coaching counts the user’s turns only while they coach', async () => {
    const { captions, listening } = await setup();
    useTalkTargetsStore().setMode('co-coaching');
    useStagesStore().roleSwaps = [T0 + 10_000];
    await captions.receiveUtterances(
      [
        line('Priya Shah', 'I feel stuck.', T0),
        line('You', 'So you feel stuck.', T0 + 5000),
        line('You', 'You should go to HR.', T0 + 20_000),
      ],
      [],
    );
    expect(listening.counts).toMatchObject({ restating: 1, advice: 0 });
  });

  it('offers a summary near the planned end of a stage', () => {
    const listening = useListeningStore();
    listening.tick(T0 + 9 * 60_000, { startedAt: T0, endsAt: T0 + 10 * 60_000 });
    expect(listening.cue?.kind).toBe('summarise');
  });
});

describe('listening targets', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('keeps the mentor’s target per mode in the settings, and refuses one outside 0–100 with a sentence', async () => {
    const area = memoryArea();
    const listening = useListeningStore();
    installServices({ local: area });
    await listening.loadSettings();
    expect(listening.targets['specialist-coaching']).toBe(0.8);
    await listening.setTarget('mentoring', 45);
    await listening.setTarget('mentoring', 140);
    expect(listening.error).toMatch(/between 0 and 100/);
    setActivePinia(createPinia());
    const again = useListeningStore();
    installServices({ local: area });
    await again.loadSettings();
    expect(again.targets.mentoring).toBe(0.45);
  });
});
