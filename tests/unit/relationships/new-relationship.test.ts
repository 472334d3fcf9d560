import { describe, expect, it } from 'vitest';
import { newRelationship, RelationshipInputError } from '@/utils/relationships/new-relationship';

describe('newRelationship', () => {
  it('starts at the creating stage with an empty agreement, names trimmed', () => {
    const rel = newRelationship(
      { mentorName: ' Alex ', menteeName: 'Priya', mode: 'specialist-coaching' },
      { now: 7, id: 'r1' },
    );
    expect(rel).toMatchObject({
      id: 'r1',
      mentorName: 'Alex',
      menteeName: 'Priya',
      mode: 'specialist-coaching',
      stage: 'creating',
      createdAt: 7,
      updatedAt: 7,
    });
    expect(rel.agreement.acknowledgements).toEqual([]);
  });

  it.each([
    [{ mentorName: '', menteeName: 'Priya' }, /both names/],
    [{ mentorName: 'Alex', menteeName: '   ' }, /both names/],
    [{ mentorName: 'A'.repeat(81), menteeName: 'Priya' }, /at most 80/],
  ])('refuses %o with a sentence', (names, message) => {
    expect(() => newRelationship({ ...names, mode: 'mentoring' }, { now: 1, id: 'x' })).toThrow(RelationshipInputError);
    expect(() => newRelationship({ ...names, mode: 'mentoring' }, { now: 1, id: 'x' })).toThrow(message);
  });
});
