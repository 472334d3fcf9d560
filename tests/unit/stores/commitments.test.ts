import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createPinia, setActivePinia } from 'pinia';
import { installServices } from '@/utils/services';
import { useCommitmentsStore } from '@/stores/panel/commitments';
import { openAttuneDb } from '@/utils/db/open';
import { createIdbCommitmentRepo } from '@/utils/db/commitment-repo';
import { fakeCommitment } from '../../support/records';

const details = {
  now: new Date(2026, 10, 25, 10, 30),
  mentorName: 'Alex',
  menteeName: 'Priya',
  sessionId: 'ses-2',
  relationshipId: 'rel-1',
  stageId: 'way-forward',
  elapsedMs: 42 * 60_000,
};

// A later moment than the capture: edits, reviews and undo say when they were written.
const NOW_MS = details.now.getTime() + 3_600_000;

async function setup() {
  const repo = createIdbCommitmentRepo(await openAttuneDb(new IDBFactory()));
  const store = useCommitmentsStore();
  installServices({ commitments: repo });
  return { store, repo };
}

describe('commitments store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('saves a captured line at once, with its stage and time into the call', async () => {
    const { store, repo } = await setup();
    expect(await store.capture('Sam: send the draft CV by Friday', { ...details, id: 'c1' })).toBe(true);
    expect(await repo.listBySession('ses-2')).toEqual([
      expect.objectContaining({
        id: 'c1',
        owner: 'Sam',
        action: 'Send the draft CV',
        due: '2026-11-27',
        stage: 'way-forward',
        elapsedMs: 42 * 60_000,
        status: 'open',
        updatedAt: details.now.getTime(),
      }),
    ]);
  });

  it('never records a commitment as made before the call began, even with the clock set back', async () => {
    const { store, repo } = await setup();
    expect(await store.capture('Sam: send the draft CV', { ...details, id: 'c2', elapsedMs: -90_000 })).toBe(true);
    expect((await repo.listBySession('ses-2'))[0]?.elapsedMs).toBe(0);
  });

  it('keeps the line and says why when it cannot be read', async () => {
    const { store, repo } = await setup();
    expect(await store.capture('by Friday', details)).toBe(false);
    expect(store.error).toMatch(/not only when/);
    expect(await repo.listBySession('ses-2')).toEqual([]);
  });

  it('deletes with undo', async () => {
    const { store, repo } = await setup();
    await store.capture('write down three options', { ...details, id: 'c1' });
    await store.remove('c1');
    expect(await repo.listBySession('ses-2')).toEqual([]);
    await store.undoDelete(NOW_MS);
    expect((await repo.listBySession('ses-2')).map((c) => [c.id, c.updatedAt])).toEqual([['c1', NOW_MS]]);
  });

  it('brings open commitments from earlier sessions to review, and saves the review', async () => {
    const { store, repo } = await setup();
    await repo.put(fakeCommitment({ id: 'old', sessionId: 'ses-1', status: 'open' }));
    await repo.put(fakeCommitment({ id: 'closed', sessionId: 'ses-1', status: 'done' }));
    await store.load('ses-2', 'rel-1');
    expect(store.carryOver.map((c) => c.id)).toEqual(['old']);
    await store.review('old', 'done', 'Sent on Thursday', 'ses-2', 99);
    const saved = (await repo.listBySession('ses-1')).find((c) => c.id === 'old');
    expect(saved).toMatchObject({
      status: 'done',
      updatedAt: 99,
      reviewNotes: [{ sessionId: 'ses-2', status: 'done', note: 'Sent on Thursday', at: 99 }],
    });
  });

  it('keeps one review per session: a changed status or an added note replaces it', async () => {
    const { store, repo } = await setup();
    await repo.put(fakeCommitment({ id: 'old', sessionId: 'ses-1', status: 'open' }));
    await store.load('ses-2', 'rel-1');
    await store.review('old', 'in-progress', '', 'ses-2', 10);
    await store.review('old', 'in-progress', 'Half written', 'ses-2', 20);
    const saved = (await repo.listBySession('ses-1'))[0];
    expect(saved?.reviewNotes).toEqual([{ sessionId: 'ses-2', status: 'in-progress', note: 'Half written', at: 20 }]);
  });

  it('saves an inline edit, and refuses a bad one without touching the saved commitment', async () => {
    const { store, repo } = await setup();
    await store.capture('Sam: send the draft CV by Friday', { ...details, id: 'c1' });
    expect(
      await store.update('c1', { due: '2026-12-01', agreedByBoth: true, support: 'Alex reviews it' }, NOW_MS),
    ).toBe(true);
    expect((await repo.listBySession('ses-2'))[0]).toMatchObject({
      due: '2026-12-01',
      agreedByBoth: true,
      support: 'Alex reviews it',
      updatedAt: NOW_MS,
    });
    expect(await store.update('c1', { action: ' ' }, NOW_MS)).toBe(false);
    expect(store.error).toBe('Say what will be done.');
    expect((await repo.listBySession('ses-2'))[0]?.action).toBe('Send the draft CV');
    expect(store.items[0]?.action).toBe('Send the draft CV');
  });

  it('moves commitments captured before the link to the relationship, naming the mentee placeholder', async () => {
    const { store, repo } = await setup();
    const unlinked = { ...details, relationshipId: null, mentorName: 'Alex', menteeName: 'Mentee' };
    await store.capture('send the draft CV', { ...unlinked, id: 'c1' });
    await store.capture('Alex: introduce Sam to Jo', { ...unlinked, id: 'c2' });
    await store.capture('Sam: book the room', { ...unlinked, id: 'c3' });
    expect((await repo.listBySession('ses-2'))[0]?.owner).toBe('Mentee');
    await store.moveToRelationship(
      { relationshipId: null, names: { mentorName: 'Alex', menteeName: 'Mentee' } },
      { id: 'rel-9', mentorName: 'Alex Morgan', menteeName: 'Priya Shah' },
      NOW_MS,
    );
    const saved = await repo.listBySession('ses-2');
    expect(saved.map((c) => [c.id, c.owner, c.relationshipId])).toEqual([
      ['c1', 'Priya Shah', 'rel-9'],
      ['c2', 'Alex Morgan', 'rel-9'],
      ['c3', 'Sam', 'rel-9'],
    ]);
    expect(store.items.map((c) => c.owner)).toEqual(['Priya Shah', 'Alex Morgan', 'Sam']);
    expect(await repo.listCarryOver('rel-9')).toHaveLength(3);
  });

  it('moves this session’s commitments again when the relationship is changed', async () => {
    const { store, repo } = await setup();
    await store.capture('send the draft CV', { ...details, menteeName: 'Priya', id: 'c1' });
    await store.moveToRelationship(
      { relationshipId: 'rel-1', names: { mentorName: 'Alex', menteeName: 'Priya' } },
      { id: 'rel-2', mentorName: 'Alex', menteeName: 'Jordan' },
      NOW_MS,
    );
    expect((await repo.listBySession('ses-2'))[0]).toMatchObject({
      owner: 'Jordan',
      relationshipId: 'rel-2',
      updatedAt: NOW_MS,
    });
    expect(await repo.listCarryOver('rel-1')).toEqual([]);
  });
});
