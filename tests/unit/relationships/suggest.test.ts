import { describe, expect, it } from 'vitest';
import { suggestRelationship } from '@/utils/relationships/suggest';
import { fakeRelationship } from '../../support/records';

const priya = fakeRelationship({ id: 'priya', menteeName: 'Priya Shah', updatedAt: 5 });
const jordan = fakeRelationship({ id: 'jordan', mentorName: 'Sam Lee', menteeName: 'Jordan Kim', updatedAt: 9 });
const priyaOld = fakeRelationship({ id: 'priya-old', mentorName: 'Dana Fox', menteeName: 'Priya Nair', updatedAt: 1 });

describe('suggestRelationship', () => {
  it.each([
    ['Weekly mentoring with Priya', 'priya'],
    ['Career coaching: Jordan', 'jordan'],
    ['JORDAN / Sam fortnightly', 'jordan'],
    ['Priya Shah <> Alex', 'priya'],
  ])('suggests from the title "%s"', (title, id) => {
    expect(suggestRelationship([priya, jordan, priyaOld], { title, selfName: null })?.id).toBe(id);
  });

  it('prefers the full name over a shared first name', () => {
    expect(suggestRelationship([priya, priyaOld], { title: 'Catch-up with Priya Nair', selfName: null })?.id).toBe(
      'priya-old',
    );
  });

  it('breaks a tie with the relationship used most recently', () => {
    expect(suggestRelationship([priyaOld, priya], { title: 'Priya', selfName: null })?.id).toBe('priya');
  });

  it('suggests nothing when the title names nobody it knows', () => {
    expect(suggestRelationship([priya, jordan], { title: 'Team stand-up', selfName: 'Alex Morgan' })).toBeNull();
    expect(suggestRelationship([priya], { title: null, selfName: null })).toBeNull();
    expect(suggestRelationship([], { title: 'Priya', selfName: null })).toBeNull();
  });
});
