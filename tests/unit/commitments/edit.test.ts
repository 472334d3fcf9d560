import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyCommitmentEdit, CommitmentEditError } from '@/utils/commitments/edit';
import { fakeCommitment } from '../../support/records';

describe('editing a commitment', () => {
  const record = fakeCommitment({ owner: 'Priya', action: 'Send the draft', due: '2026-12-04' });

  it('changes what was edited and tidies the text', () => {
    const edited = applyCommitmentEdit(record, {
      owner: '  Sam ',
      action: 'Send  the\nfinal draft',
      agreedByBoth: true,
      obstacles: ' Launch week ',
      support: 'Alex reads it',
    });
    expect(edited).toMatchObject({
      owner: 'Sam',
      action: 'Send the final draft',
      agreedByBoth: true,
      obstacles: 'Launch week',
      support: 'Alex reads it',
      due: '2026-12-04',
    });
    expect(record.owner).toBe('Priya');
  });

  it('treats an empty due date as none', () => {
    expect(applyCommitmentEdit(record, { due: '' }).due).toBeNull();
    expect(applyCommitmentEdit(record, { due: null }).due).toBeNull();
    expect(applyCommitmentEdit(record, { due: '2026-12-01', dueTime: '15:30' })).toMatchObject({
      due: '2026-12-01',
      dueTime: '15:30',
    });
    expect(applyCommitmentEdit({ ...record, due: '2026-12-01', dueTime: '15:30' }, { due: '' }).dueTime).toBeNull();
    expect(() => applyCommitmentEdit(record, { due: '2026-12-01', dueTime: '25:00' })).toThrow(/not a time of day/);
    expect(applyCommitmentEdit(record, { due: '2028-02-29' }).due).toBe('2028-02-29');
  });

  it.each([
    [{ owner: '   ' }, 'Say who will do it.'],
    [{ action: '' }, 'Say what will be done.'],
    [{ due: '2026-02-30' }, /not a real day/],
    [{ due: 'next Friday' }, /not a real day/],
    [{ obstacles: 'x'.repeat(2_001) }, /longer than 2000/],
  ])('refuses %o with a sentence', (edit, message) => {
    expect(() => applyCommitmentEdit(record, edit)).toThrow(CommitmentEditError);
    expect(() => applyCommitmentEdit(record, edit)).toThrow(message);
  });

  it('never throws anything but its own error on arbitrary edits', () => {
    fc.assert(
      fc.property(
        fc.record(
          { owner: fc.string(), action: fc.string(), due: fc.option(fc.string()), obstacles: fc.string() },
          { requiredKeys: [] },
        ),
        (edit) => {
          try {
            const edited = applyCommitmentEdit(record, edit);
            expect(edited.owner.length).toBeGreaterThan(0);
            expect(edited.action.length).toBeGreaterThan(0);
          } catch (e) {
            expect(e).toBeInstanceOf(CommitmentEditError);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
