import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import HistoryList, { type HistoryRow } from '@/components/dashboard/HistoryList.vue';
import RelationshipList from '@/components/dashboard/RelationshipList.vue';
import { AGREEMENT_PARTS } from '@/utils/relationships/agreement';
import { fakeCommitment, fakeRelationship } from '../../support/records';

const rows: HistoryRow[] = Array.from({ length: 60 }, (_, i) => ({
  key: `k${i}`,
  sessionId: `s${i}`,
  kind: i % 2 ? 'commitment' : 'session',
  title: `Item ${i}`,
  detail: 'Priya',
  at: Date.UTC(2026, 0, 1) - i * 86_400_000,
}));

describe('HistoryList', () => {
  it('tells apart two sessions with the same title on the same day by their time and length', () => {
    const morning = {
      key: 'a',
      sessionId: 'a',
      kind: 'session' as const,
      title: 'Weekly',
      detail: 'Priya',
      at: new Date(2026, 11, 4, 9, 0).getTime(),
      duration: '45 min',
    };
    const afternoon = {
      ...morning,
      key: 'b',
      sessionId: 'b',
      at: new Date(2026, 11, 4, 15, 30).getTime(),
      duration: '1 hr 5 min',
    };
    const w = mount(HistoryList, { props: { rows: [morning, afternoon], label: 'Sessions' } });
    const [first, second] = w.findAll('.detail').map((d) => d.text());
    expect(first).not.toBe(second);
    expect(first).toContain('45 min');
    expect(second).toContain('1 hr 5 min');
    expect(second).toMatch(/3:30|15:30/);
  });

  it('shows a page of rows at a time and moves through the pages', async () => {
    const w = mount(HistoryList, { props: { rows, label: 'Sessions', pageSize: 25 } });
    expect(w.findAll('li')).toHaveLength(25);
    expect(w.text()).toContain('Page 1 of 3');
    await w.findAll('.pager button')[1]?.trigger('click');
    await w.findAll('.pager button')[1]?.trigger('click');
    expect(w.findAll('li').map((li) => li.find('.title').text())).toEqual(rows.slice(50).map((r) => r.title));
  });

  it('opens the session a row belongs to, for sessions and commitments alike', async () => {
    const w = mount(HistoryList, { props: { rows, label: 'Results' } });
    await w.findAll('li button')[1]?.trigger('click');
    expect(w.emitted('select')).toEqual([['s1']]);
    expect(w.findAll('li')[1]?.text()).toContain('Commitment');
  });

  it('says when more matched than it shows', () => {
    const w = mount(HistoryList, { props: { rows: rows.slice(0, 5), label: 'Results', total: 900 } });
    expect(w.text()).toContain('Showing the newest 5 of 900');
  });

  it('goes back to the first page when the rows change', async () => {
    const w = mount(HistoryList, { props: { rows, label: 'Sessions' } });
    await w.findAll('.pager button')[1]?.trigger('click');
    await w.setProps({ rows: rows.slice(10) });
    expect(w.text()).toContain('Page 1 of 2');
  });
});

describe('RelationshipList', () => {
  const row = { relationship: fakeRelationship(), sessions: 12, lastAt: Date.UTC(2026, 0, 1), open: 3 };

  it('names the agreement’s parts as the panel’s agreement card does', () => {
    const w = mount(RelationshipList, { props: { rows: [row], openCommitments: null } });
    expect(w.findAll('.agreement dt').map((d) => d.text())).toEqual([
      ...AGREEMENT_PARTS.map((p) => p.label),
      'Acknowledged by',
    ]);
    expect(w.text()).not.toContain('Cadence');
  });

  it('counts one session and one commitment in the singular, and survives an impossible date', () => {
    const w = mount(RelationshipList, {
      props: { rows: [{ ...row, sessions: 1, open: 1, lastAt: 1e300 }], openCommitments: null },
    });
    expect(w.text()).toContain('1 session ·');
    expect(w.text()).not.toContain('1 sessions');
    expect(w.text()).toContain('1 open commitment');
    expect(w.text()).toContain('last unknown date');
  });

  it('shows the agreement, stage, sessions and open commitments', () => {
    const w = mount(RelationshipList, {
      props: { rows: [row], openCommitments: { relationshipId: 'rel-1', items: [fakeCommitment()] } },
    });
    expect(w.text()).toContain('Alex Morgan & Priya Shah');
    expect(w.text()).toContain('Creating the relationship');
    expect(w.text()).toContain('12 sessions');
    expect(w.text()).toContain('3 open commitments');
    expect(w.text()).toContain('Nothing leaves the room');
    expect(w.get('[aria-label="Open commitments with Priya Shah"]').text()).toContain('Send the draft CV');
  });

  it('asks before deleting a relationship', async () => {
    const w = mount(RelationshipList, { props: { rows: [row], openCommitments: null } });
    await w.get('.danger').trigger('click');
    expect(w.emitted('delete')).toBeUndefined();
    expect(w.text()).toContain('with its 12 sessions');
    await w.get('.strong').trigger('click');
    expect(w.emitted('delete')).toEqual([['rel-1']]);
  });
});
