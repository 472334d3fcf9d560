import { describe, expect, it } from 'vitest';
import {
  activeRelationships,
  archiveRelationship,
  editRelationshipDetails,
  isArchived,
  mergeRelationships,
  RelationshipMergeError,
  tidyEmail,
  unarchiveRelationship,
} from '@/utils/relationships/manage';
import { RelationshipInputError } from '@/utils/relationships/new-relationship';
import { emptyAgreement } from '@/utils/relationships/new-relationship';
import { fakeCommitment, fakeRelationship, fakeSession } from '../../support/records';

const NOW = Date.UTC(2026, 11, 4, 12);

describe('editing a relationship', () => {
  it('renames both people, changes the kind and keeps the agreement', () => {
    const rel = fakeRelationship();
    const next = editRelationshipDetails(
      rel,
      { mentorName: '  Alex  Morgan ', menteeName: 'Priya  Shah-Khan', mode: 'co-coaching', email: '' },
      NOW,
    );
    expect(next).toMatchObject({
      id: rel.id,
      mentorName: 'Alex Morgan',
      menteeName: 'Priya Shah-Khan',
      mode: 'co-coaching',
      updatedAt: NOW,
    });
    expect(next.agreement).toEqual(rel.agreement);
    expect(next.createdAt).toBe(rel.createdAt);
  });

  it('keeps the mentee’s e-mail tidied, and drops it when cleared', () => {
    const withEmail = editRelationshipDetails(
      fakeRelationship(),
      { mentorName: 'Alex', menteeName: 'Priya', mode: 'mentoring', email: ' priya@example.org ' },
      NOW,
    );
    expect(withEmail.menteeEmail).toBe('priya@example.org');
    const cleared = editRelationshipDetails(
      withEmail,
      { mentorName: 'Alex', menteeName: 'Priya', mode: 'mentoring', email: '  ' },
      NOW,
    );
    expect('menteeEmail' in cleared).toBe(false);
  });

  it.each([
    ['a missing name', { mentorName: 'Alex', menteeName: '  ', email: '' }],
    ['a name that is too long', { mentorName: 'A'.repeat(81), menteeName: 'Priya', email: '' }],
    ['an address without a domain', { mentorName: 'Alex', menteeName: 'Priya', email: 'priya@' }],
    ['an address with a space', { mentorName: 'Alex', menteeName: 'Priya', email: 'priya shah@example.org' }],
  ])('refuses %s with a sentence', (_, input) => {
    expect(() => editRelationshipDetails(fakeRelationship(), { ...input, mode: 'mentoring' }, NOW)).toThrow(
      RelationshipInputError,
    );
  });

  it('accepts an empty e-mail as none', () => {
    expect(tidyEmail('')).toBe('');
  });
});

describe('archiving', () => {
  it('moves the relationship to "moving on" and out of the picker, and back into it when unarchived', () => {
    const rel = fakeRelationship({ id: 'a', stage: 'mastery' });
    const other = fakeRelationship({ id: 'b' });
    const archived = archiveRelationship(rel, NOW);
    expect(archived).toMatchObject({ stage: 'moving-on', archivedAt: NOW, updatedAt: NOW });
    expect(isArchived(archived)).toBe(true);
    expect(activeRelationships([archived, other]).map((r) => r.id)).toEqual(['b']);
    const back = unarchiveRelationship(archived, NOW + 1);
    expect(isArchived(back)).toBe(false);
    expect(back.stage).toBe('moving-on');
    expect(activeRelationships([back, other]).map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('treats older records, without the field, as active', () => {
    expect(activeRelationships([fakeRelationship()])).toHaveLength(1);
  });
});

describe('merging two records of the same pair', () => {
  const keep = fakeRelationship({ id: 'keep', menteeName: 'Priya Shah', createdAt: 5_000 });
  const twin = fakeRelationship({
    id: 'twin',
    menteeName: 'Priya',
    createdAt: 2_000,
    agreement: emptyAgreement(),
    menteeEmail: 'priya@example.org',
  });
  const sessions = [
    fakeSession({ id: 's1', relationshipId: 'twin' }),
    fakeSession({ id: 's2', relationshipId: 'twin' }),
  ];
  const commitments = [
    fakeCommitment({ id: 'c1', sessionId: 's1', relationshipId: 'twin', owner: 'Priya', status: 'done' }),
    fakeCommitment({ id: 'c2', sessionId: 's2', relationshipId: 'twin', owner: 'Sam Lee' }),
  ];

  it('moves every session and commitment to the kept record, changing nothing else', () => {
    const merge = mergeRelationships(twin, keep, { sessions, commitments }, NOW);
    expect(merge.removedId).toBe('twin');
    expect(merge.sessions.map((s) => [s.id, s.relationshipId])).toEqual([
      ['s1', 'keep'],
      ['s2', 'keep'],
    ]);
    expect(merge.sessions.map(({ relationshipId: _r, ...rest }) => rest)).toEqual(
      sessions.map(({ relationshipId: _r, ...rest }) => rest),
    );
    expect(merge.commitments.map((c) => [c.id, c.relationshipId, c.status, c.updatedAt])).toEqual([
      ['c1', 'keep', 'done', NOW],
      ['c2', 'keep', 'open', NOW],
    ]);
  });

  it('gives a commitment owned by the pair under the merged names the kept names, and leaves a third person', () => {
    const merge = mergeRelationships(twin, keep, { sessions, commitments }, NOW);
    expect(merge.commitments.map((c) => c.owner)).toEqual(['Priya Shah', 'Sam Lee']);
  });

  it('keeps its own agreement and names, takes the earlier start and an e-mail it lacked', () => {
    const merge = mergeRelationships(twin, keep, { sessions, commitments }, NOW);
    expect(merge.into).toMatchObject({
      id: 'keep',
      menteeName: 'Priya Shah',
      createdAt: 2_000,
      menteeEmail: 'priya@example.org',
      updatedAt: NOW,
    });
    expect(merge.into.agreement).toEqual(keep.agreement);
  });

  it('takes the merged record’s agreement when its own was never written', () => {
    const blank = { ...keep, agreement: emptyAgreement() };
    const written = {
      ...twin,
      agreement: { ...emptyAgreement(), goals: 'Lead a team', acknowledgements: [{ name: 'Priya', at: 3_000 }] },
    };
    expect(mergeRelationships(written, blank, { sessions, commitments }, NOW).into.agreement).toEqual(
      written.agreement,
    );
  });

  it('leaves out records of other relationships it is handed', () => {
    const stray = fakeSession({ id: 'other', relationshipId: 'elsewhere' });
    const merge = mergeRelationships(twin, keep, { sessions: [...sessions, stray], commitments }, NOW);
    expect(merge.sessions.map((s) => s.id)).toEqual(['s1', 's2']);
  });

  it('refuses to merge a relationship into itself', () => {
    expect(() => mergeRelationships(keep, keep, { sessions, commitments }, NOW)).toThrow(RelationshipMergeError);
  });
});
