import { describe, expect, it } from 'vitest';
import { roleWords } from '@/utils/relationships/role-words';
import { newRelationship, RelationshipInputError } from '@/utils/relationships/new-relationship';

describe('roleWords', () => {
  it('never calls co-coaches mentor and mentee, nor their agreement a mentoring one', () => {
    const words = roleWords('co-coaching');
    expect(Object.values(words).join(' ')).not.toMatch(/mentor|mentee/i);
    expect(words.agreement).toBe('co-coaching agreement');
  });

  it('keeps the mentoring words for mentoring', () => {
    expect(roleWords('mentoring')).toMatchObject({
      first: 'Mentor',
      second: 'Mentee',
      agreement: 'mentoring agreement',
    });
  });

  it('asks co-coaches for both names in their own words', () => {
    expect(() =>
      newRelationship({ mentorName: 'Alex', menteeName: '', mode: 'co-coaching' }, { now: 1, id: 'r' }),
    ).toThrow(new RelationshipInputError('Give both names: yours and your co-coach’s.'));
  });
});
