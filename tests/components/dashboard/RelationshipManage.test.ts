import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import RelationshipManage from '@/components/dashboard/RelationshipManage.vue';
import RelationshipList from '@/components/dashboard/RelationshipList.vue';
import type { RelationshipDetails } from '@/utils/relationships/manage';
import { fakeRelationship } from '../../support/records';

const priya = fakeRelationship({ id: 'a', menteeName: 'Priya Shah' });
const twin = fakeRelationship({ id: 'b', menteeName: 'priya  shah' });
const jo = fakeRelationship({ id: 'c', menteeName: 'Jo Lee' });

function button(w: ReturnType<typeof mount>, text: string) {
  const found = w.findAll('button').find((b) => b.text() === text);
  if (!found) throw new Error(`no button "${text}" in ${w.text()}`);
  return found;
}

describe('RelationshipManage', () => {
  it('edits names, kind and e-mail, and closes the form only once saved', async () => {
    const w = mount(RelationshipManage, { props: { relationship: priya, others: [], sessions: 3 } });
    await button(w, 'Edit names, kind and e-mail').trigger('click');
    const inputs = w.findAll('input');
    await inputs[1]?.setValue('Priya Shah-Khan');
    await inputs[2]?.setValue('priya@example.org');
    await w.find('select').setValue('specialist-coaching');
    // The name fields say who is who in the kind chosen.
    expect(w.text()).toContain('Coachee');
    await w.find('form').trigger('submit');
    const [details, done] = w.emitted('save')?.[0] as [RelationshipDetails, (saved: boolean) => void];
    expect(details).toEqual({
      mentorName: 'Alex Morgan',
      menteeName: 'Priya Shah-Khan',
      mode: 'specialist-coaching',
      email: 'priya@example.org',
    });
    done(false);
    await w.vm.$nextTick();
    expect(w.find('form.edit').exists()).toBe(true);
    done(true);
    await w.vm.$nextTick();
    expect(w.find('form.edit').exists()).toBe(false);
  });

  it('archives, and offers to unarchive an archived one', async () => {
    const w = mount(RelationshipManage, { props: { relationship: priya, others: [], sessions: 3 } });
    expect(w.text()).not.toContain('Unarchive');
    await button(w, 'Archive (moving on)').trigger('click');
    expect(w.emitted('archive')).toHaveLength(1);

    await w.setProps({ relationship: { ...priya, archivedAt: 5 } });
    await button(w, 'Unarchive').trigger('click');
    expect(w.emitted('unarchive')).toHaveLength(1);
  });

  it('offers the same pair first for a merge, and merges only once confirmed', async () => {
    const w = mount(RelationshipManage, { props: { relationship: priya, others: [jo, twin], sessions: 3 } });
    const options = w.findAll('form.merge option').map((o) => o.text());
    expect(options.slice(1)).toEqual(['Alex Morgan & priya  shah — same names', 'Alex Morgan & Jo Lee']);
    await w.find('form.merge select').setValue('b');
    await button(w, 'Merge').trigger('click');
    expect(w.text()).toContain('Move 3 sessions and their commitments to Alex Morgan & priya  shah');
    expect(w.emitted('merge')).toBeUndefined();
    await button(w, 'Merge them').trigger('click');
    expect(w.emitted('merge')).toEqual([['b']]);
  });

  it('offers no merge when there is no other relationship', () => {
    const w = mount(RelationshipManage, { props: { relationship: priya, others: [], sessions: 0 } });
    expect(w.find('form.merge').exists()).toBe(false);
  });
});

describe('RelationshipList with management', () => {
  const rows = [priya, { ...jo, archivedAt: 9, menteeEmail: 'jo@example.org' }].map((relationship) => ({
    relationship,
    sessions: 2,
    lastAt: null,
    open: 0,
  }));

  it('marks an archived relationship and shows the e-mail', () => {
    const w = mount(RelationshipList, { props: { rows, openCommitments: null } });
    const items = w.findAll('li');
    expect(items[0]?.text()).not.toContain('Archived');
    expect(items[1]?.text()).toContain('Archived');
    expect(items[1]?.text()).toContain('jo@example.org');
  });

  it('passes a merge on with both ids', async () => {
    const w = mount(RelationshipList, { props: { rows, openCommitments: null } });
    expect(w.find('form.merge').exists()).toBe(false);
    const details = w.find('details');
    (details.element as HTMLDetailsElement).open = true;
    await details.trigger('toggle');
    expect(w.emitted('expand')?.[0]).toEqual(['a']);
    await w.find('form.merge select').setValue('c');
    await button(w, 'Merge').trigger('click');
    await button(w, 'Merge them').trigger('click');
    expect(w.emitted('merge')).toEqual([['a', 'c']]);
  });
});
