import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import CommitmentList from '@/components/CommitmentList.vue';
import DueThisWeek from '@/components/dashboard/DueThisWeek.vue';
import RelationshipList from '@/components/dashboard/RelationshipList.vue';
import { dueThisWeek } from '@/utils/commitments/follow-through';
import { fakeCommitment, fakeRelationship } from '../support/records';

// Friday 4 December 2026, 10:00 local time.
const NOW = new Date(2026, 11, 4, 10, 0);
const late = fakeCommitment({ id: 'late', action: 'Send the draft CV', due: '2026-12-01' });
const later = fakeCommitment({ id: 'later', action: 'Book the workshop', due: '2026-12-08' });
const timed = fakeCommitment({ id: 'timed', action: 'Call Sam', due: '2026-12-04', dueTime: '09:00' });

describe('overdue in the panel’s review list', () => {
  it('marks the earlier commitments past their due date, by the clock it is given', () => {
    const w = mount(CommitmentList, {
      props: { items: [], carryOver: [late, later, timed], deleted: null, sessionId: 'ses-2', now: NOW.getTime() },
    });
    const rows = w.findAll('[aria-label="From earlier sessions"] li');
    expect(rows.map((r) => r.attributes('data-overdue') !== undefined)).toEqual([true, false, true]);
    expect(rows[0]?.text()).toContain('overdue');
    expect(rows[1]?.text()).not.toContain('overdue');
  });

  it('marks nothing a day earlier', () => {
    const w = mount(CommitmentList, {
      props: {
        items: [],
        carryOver: [late],
        deleted: null,
        sessionId: 'ses-2',
        now: new Date(2026, 10, 30, 12).getTime(),
      },
    });
    expect(w.find('li[data-overdue]').exists()).toBe(false);
  });
});

describe('Due this week', () => {
  const rels = new Map([['rel-1', fakeRelationship({ id: 'rel-1', menteeName: 'Priya Shah' })]]);
  const unlinked = fakeCommitment({
    id: 'loose',
    action: 'Read the book',
    due: '2026-12-05',
    relationshipId: null,
    sessionId: 'ses-9',
  });
  const groups = dueThisWeek([later, late, timed, unlinked], rels, NOW);

  it('shows the overdue first, then each day, with each commitment’s relationship', () => {
    const w = mount(DueThisWeek, { props: { groups, today: '2026-12-04', ready: true } });
    const headings = w.findAll('h3').map((h) => h.text());
    expect(headings[0]).toMatch(/^Overdue · 2/);
    expect(headings[1]).toMatch(/^Tomorrow · 1/);
    expect(headings).toHaveLength(3);
    const first = w.findAll('li')[0];
    expect(first?.attributes('data-overdue')).toBeDefined();
    expect(first?.text()).toContain('Send the draft CV');
    expect(first?.text()).toContain('Alex Morgan & Priya Shah');
    expect(w.text()).toContain('not linked to a relationship');
  });

  it('opens a commitment’s relationship, or its session when it has none', async () => {
    const w = mount(DueThisWeek, { props: { groups, today: '2026-12-04', ready: true } });
    await w.get('button[aria-label="Open Alex Morgan & Priya Shah: Book the workshop"]').trigger('click');
    expect(w.emitted('relationship')).toEqual([['rel-1']]);
    await w.get('button[aria-label="Open its session: Read the book"]').trigger('click');
    expect(w.emitted('session')).toEqual([['ses-9']]);
  });

  it('shows ten of a long backlog until asked for all', async () => {
    const backlog = Array.from({ length: 25 }, (_, i) =>
      fakeCommitment({ id: `b${i}`, relationshipId: 'rel-1', action: `Step ${i}`, due: '2026-11-01', createdAt: i }),
    );
    const w = mount(DueThisWeek, {
      props: { groups: dueThisWeek(backlog, rels, NOW), today: '2026-12-04', ready: true },
    });
    expect(w.findAll('li')).toHaveLength(10);
    expect(w.get('h3').text()).toContain('25');
    await w.get('button.more').trigger('click');
    expect(w.findAll('li')).toHaveLength(25);
    expect(w.find('button.more').exists()).toBe(false);
  });

  it('says when nothing is due, and while it is still reading', () => {
    expect(mount(DueThisWeek, { props: { groups: [], today: '2026-12-04', ready: true } }).text()).toContain(
      'Nothing open is due',
    );
    expect(mount(DueThisWeek, { props: { groups: [], today: '2026-12-04', ready: false } }).text()).toContain(
      'Reading',
    );
  });
});

describe('overdue in the dashboard’s relationship list', () => {
  const rel = fakeRelationship();
  const rows = [{ relationship: rel, sessions: 3, lastAt: null, open: 2 }];

  it('marks an open commitment past its due date', () => {
    const w = mount(RelationshipList, {
      props: { rows, openCommitments: { relationshipId: rel.id, items: [late, later] }, now: NOW.getTime() },
    });
    const items = w.findAll('.open li');
    expect(items.map((i) => i.attributes('data-overdue') !== undefined)).toEqual([true, false]);
    expect(items[0]?.text()).toContain('overdue');
  });

  it('opens the relationship it is asked to focus on', async () => {
    const w = mount(RelationshipList, { props: { rows, openCommitments: null, focus: null }, attachTo: document.body });
    expect((w.find('details').element as HTMLDetailsElement).open).toBe(false);
    await w.setProps({ focus: { id: rel.id, seq: 1 } });
    await w.vm.$nextTick();
    expect((w.find('details').element as HTMLDetailsElement).open).toBe(true);
    w.unmount();
  });
});
