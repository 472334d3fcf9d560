import { describe, expect, it } from 'vitest';
import {
  acknowledgeAgreement,
  agreementStatus,
  AGREEMENT_PARTS,
  editAgreement,
  MAX_AGREEMENT_PART,
} from '@/utils/relationships/agreement';
import { emptyAgreement } from '@/utils/relationships/new-relationship';

const people = { mentorName: 'Alex', menteeName: 'Priya' };
const written = editAgreement(
  emptyAgreement(),
  Object.fromEntries(AGREEMENT_PARTS.map((p) => [p.field, `${p.label} text`])),
);

describe('the mentoring agreement', () => {
  it('is incomplete while any part is empty or either person has not acknowledged it', () => {
    expect(agreementStatus({ ...people, agreement: emptyAgreement() })).toEqual({
      missing: ['goals', 'groundRules', 'confidentiality', 'cadence', 'feedback', 'ending'],
      unacknowledged: ['Alex', 'Priya'],
      complete: false,
    });
    const byAlex = acknowledgeAgreement(written, 'Alex', 10);
    expect(agreementStatus({ ...people, agreement: byAlex })).toMatchObject({
      missing: [],
      unacknowledged: ['Priya'],
      complete: false,
    });
    const byBoth = acknowledgeAgreement(byAlex, 'Priya', 20);
    expect(agreementStatus({ ...people, agreement: byBoth }).complete).toBe(true);
    expect(byBoth.acknowledgements).toEqual([
      { name: 'Alex', at: 10 },
      { name: 'Priya', at: 20 },
    ]);
  });

  it('counts a part of only spaces as empty', () => {
    const agreement = { ...written, goals: '   ' };
    expect(agreementStatus({ ...people, agreement }).missing).toEqual(['goals']);
  });

  it('asks both to acknowledge again once the words change, but not when nothing changed', () => {
    const both = acknowledgeAgreement(acknowledgeAgreement(written, 'Alex', 1), 'Priya', 2);
    expect(editAgreement(both, { goals: 'Goals text' }).acknowledgements).toHaveLength(2);
    expect(editAgreement(both, { goals: ' Goals text ' }).acknowledgements).toHaveLength(2);
    const changed = editAgreement(both, { goals: 'Lead the Q3 launch review' });
    expect(changed.goals).toBe('Lead the Q3 launch review');
    expect(changed.acknowledgements).toEqual([]);
    expect(both.goals).toBe('Goals text');
  });

  it('keeps one acknowledgement per person, the latest', () => {
    const twice = acknowledgeAgreement(acknowledgeAgreement(written, 'Alex', 1), 'Alex', 5);
    expect(twice.acknowledgements).toEqual([{ name: 'Alex', at: 5 }]);
  });

  it('caps each part’s length', () => {
    expect(editAgreement(emptyAgreement(), { goals: 'x'.repeat(MAX_AGREEMENT_PART + 50) }).goals).toHaveLength(
      MAX_AGREEMENT_PART,
    );
  });
});
