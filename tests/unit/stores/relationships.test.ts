import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createPinia, setActivePinia } from 'pinia';
import { installServices } from '@/utils/services';
import { useRelationshipsStore } from '@/stores/panel/relationships';
import { openAttuneDb } from '@/utils/db/open';
import { createIdbRelationshipRepo } from '@/utils/db/relationship-repo';

async function store() {
  const repo = createIdbRelationshipRepo(await openAttuneDb(new IDBFactory()));
  const s = useRelationshipsStore();
  installServices({ relationships: repo });
  return { s, repo };
}

describe('relationships store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('creates a relationship, saves it and lists it first', async () => {
    const { s, repo } = await store();
    const rel = await s.create({ mentorName: 'Alex', menteeName: 'Priya', mode: 'mentoring' }, { now: 3, id: 'r1' });
    expect(rel?.id).toBe('r1');
    expect(await repo.get('r1')).toMatchObject({ mentorName: 'Alex', stage: 'creating' });
    expect(s.list.map((r) => r.id)).toEqual(['r1']);
  });

  it('links the existing relationship instead of creating an identical one, even for two clicks at once', async () => {
    const { s, repo } = await store();
    const [a, b] = await Promise.all([
      s.create({ mentorName: 'Alex', menteeName: 'Priya', mode: 'mentoring' }, { now: 3, id: 'r1' }),
      s.create({ mentorName: 'Alex', menteeName: 'Priya', mode: 'mentoring' }, { now: 4, id: 'r2' }),
    ]);
    const c = await s.create({ mentorName: ' alex ', menteeName: 'PRIYA', mode: 'co-coaching' }, { now: 5, id: 'r3' });
    expect([a?.id, b?.id, c?.id]).toEqual(['r1', 'r1', 'r1']);
    expect((await repo.list()).map((r) => r.id)).toEqual(['r1']);
    expect(s.list.map((r) => r.id)).toEqual(['r1']);
  });

  it('brings back an archived relationship when the same pair is created again', async () => {
    const { s, repo } = await store();
    const first = await s.create({ mentorName: 'Alex', menteeName: 'Priya', mode: 'mentoring' }, { now: 3, id: 'r1' });
    if (!first) throw new Error('not created');
    await repo.put({ ...first, archivedAt: 4 });
    const again = await s.create({ mentorName: 'Alex', menteeName: 'Priya', mode: 'mentoring' }, { now: 5, id: 'r2' });
    expect(again?.id).toBe('r1');
    expect((await repo.get('r1'))?.archivedAt).toBeNull();
    expect(s.list.map((r) => [r.id, r.archivedAt ?? null])).toEqual([['r1', null]]);
  });

  it('refuses a relationship without both names, saving nothing', async () => {
    const { s, repo } = await store();
    expect(await s.create({ mentorName: 'Alex', menteeName: ' ', mode: 'mentoring' })).toBeNull();
    expect(s.error).toMatch(/both names/);
    expect(await repo.list()).toEqual([]);
  });

  it('moves a relationship to the front when it is used', async () => {
    const { s } = await store();
    await s.create({ mentorName: 'A', menteeName: 'B', mode: 'mentoring' }, { now: 1, id: 'old' });
    await s.create({ mentorName: 'A', menteeName: 'C', mode: 'mentoring' }, { now: 2, id: 'new' });
    await s.touch('old', 10);
    await s.load();
    expect(s.list.map((r) => r.id)).toEqual(['old', 'new']);
  });

  it('saves the agreement, records both acknowledgements, and the relationship’s stage', async () => {
    const { s, repo } = await store();
    await s.create({ mentorName: 'Alex', menteeName: 'Priya', mode: 'mentoring' }, { now: 1, id: 'r1' });
    expect(
      await s.saveAgreement('r1', { goals: 'Lead the launch review', cadence: 'Every two weeks, an hour' }, 5),
    ).toBe(true);
    await s.acknowledge('r1', 'Priya', 6);
    await s.setStage('r1', 'building', 7);
    expect(await repo.get('r1')).toMatchObject({
      stage: 'building',
      updatedAt: 7,
      agreement: {
        goals: 'Lead the launch review',
        cadence: 'Every two weeks, an hour',
        groundRules: '',
        acknowledgements: [{ name: 'Priya', at: 6 }],
      },
    });
    await s.saveAgreement('r1', { goals: 'Lead the launch review and the retro' }, 8);
    expect((await repo.get('r1'))?.agreement.acknowledgements).toEqual([]);
    expect(await s.saveAgreement('missing', { goals: 'x' }, 9)).toBe(false);
  });
});
