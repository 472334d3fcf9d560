import { describe, expect, it } from 'vitest';
import { readCustomisations, readImportedModels } from '@/utils/frameworks/stored-settings';
import { fakeModel } from '../../support/records';

const own = {
  added: { goal: [{ id: 'mine-1', text: 'What would make today worth the hour?', custom: true }] },
  hidden: ['grow-goal-2'],
  minutes: { goal: 12 },
};

describe('the models’ settings as stored', () => {
  it('keeps each model’s changes that read as such, and leaves out a damaged one without losing the rest', () => {
    const read = readCustomisations({
      grow: own,
      clean: { added: {}, hidden: 'not a list', minutes: {} },
      oskar: { ...own, minutes: { goal: -5 } },
    });
    expect(read).toEqual({ grow: own });
  });

  it('reads anything but an object of models as no changes', () => {
    for (const raw of [undefined, null, 'nonsense', 42, [own]]) expect(readCustomisations(raw)).toEqual({});
  });

  it('reads each imported model again as a model file, leaving out a damaged one', () => {
    const model = fakeModel();
    const damaged = { ...fakeModel({ id: 'broken' }), stages: 'none' };
    expect(readImportedModels([model, damaged]).map((m) => m.id)).toEqual([model.id]);
    expect(readImportedModels('nonsense')).toEqual([]);
  });
});
