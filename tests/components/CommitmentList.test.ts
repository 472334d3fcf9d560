import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import CommitmentList from '@/components/CommitmentList.vue';
import CaptureLine from '@/components/CaptureLine.vue';
import { fakeCommitment } from '../support/records';

describe('CommitmentList', () => {
  it('says which commitment was deleted beside its undo', () => {
    const gone = fakeCommitment();
    const wrapper = mount(CommitmentList, {
      props: { items: [], carryOver: [], deleted: gone, sessionId: 'ses-2' },
    });
    expect(wrapper.get('.undo').text()).toContain(`Deleted “${gone.owner} ${gone.action}”.`);
    expect(wrapper.get('.undo button').attributes('aria-label')).toBe(`Undo: bring back “${gone.action}”`);
  });

  it('lists this session’s commitments and deletes with undo', async () => {
    const wrapper = mount(CommitmentList, {
      props: { items: [fakeCommitment()], carryOver: [], deleted: fakeCommitment(), sessionId: 'ses-2' },
    });
    expect(wrapper.get('[aria-label="Agreed in this session"]').text()).toContain('Priya Send the draft CV');
    await wrapper.get('button[aria-label="Delete: Send the draft CV"]').trigger('click');
    await wrapper.get('.undo button').trigger('click');
    expect(wrapper.emitted('remove')).toEqual([['com-1']]);
    expect(wrapper.emitted('undo')).toHaveLength(1);
  });

  it('asks for a review of earlier commitments, with a note, and shows what was said last time', async () => {
    const old = fakeCommitment({
      id: 'old',
      status: 'in-progress',
      reviewNotes: [{ sessionId: 'ses-1', status: 'in-progress', note: 'Half written', at: 1 }],
    });
    const wrapper = mount(CommitmentList, {
      props: { items: [], carryOver: [old], deleted: null, sessionId: 'ses-2' },
    });
    expect(wrapper.text()).toContain('From earlier sessions');
    expect(wrapper.text()).toContain('Last time: in progress, “Half written”');
    await wrapper
      .findAll('.actions button')
      .find((b) => b.text() === 'Done')
      ?.trigger('click');
    await wrapper.get('input[aria-label="Note on: Send the draft CV"]').setValue('Sent on Monday');
    // The note keeps the status just clicked, though the record saying "done" has not come back yet.
    expect(wrapper.emitted('review')).toEqual([
      ['old', 'done', ''],
      ['old', 'done', 'Sent on Monday'],
    ]);
  });

  it('keeps a review note being typed when the list draws again before it is saved', async () => {
    const old = fakeCommitment({ id: 'old', status: 'open', reviewNotes: [] });
    const wrapper = mount(CommitmentList, {
      props: { items: [], carryOver: [old], deleted: null, sessionId: 'ses-2', now: Date.UTC(2026, 5, 1, 9) },
    });
    const note = wrapper.get<HTMLInputElement>('input[aria-label="Note on: Send the draft CV"]');
    await wrapper
      .findAll('.actions button')
      .find((b) => b.text() === 'In progress')
      ?.trigger('click');
    note.element.value = 'Waiting for';
    await note.trigger('input');
    // The click's save comes back, a commitment is captured and the minute turns, all mid-sentence.
    const saved = {
      ...old,
      status: 'in-progress' as const,
      reviewNotes: [{ sessionId: 'ses-2', status: 'in-progress' as const, note: '', at: 2 }],
    };
    await wrapper.setProps({
      carryOver: [saved],
      items: [fakeCommitment({ id: 'new' })],
      now: Date.UTC(2026, 5, 1, 9, 1),
    });
    expect(note.element.value).toBe('Waiting for');
    note.element.value = 'Waiting for her reply';
    await note.trigger('input');
    await note.trigger('change');
    expect(wrapper.emitted('review')?.at(-1)).toEqual(['old', 'in-progress', 'Waiting for her reply']);
  });

  it('starts each session’s review from what is saved', async () => {
    const old = fakeCommitment({ id: 'old', status: 'open', reviewNotes: [] });
    const wrapper = mount(CommitmentList, {
      props: { items: [], carryOver: [old], deleted: null, sessionId: 'ses-2' },
    });
    const note = wrapper.get<HTMLInputElement>('input[aria-label="Note on: Send the draft CV"]');
    note.element.value = 'Typed in the last session';
    await note.trigger('input');
    await wrapper.setProps({ sessionId: 'ses-3' });
    expect(note.element.value).toBe('');
  });

  it('keeps focus where the user was after Escape, Save, Delete and Undo', async () => {
    const first = fakeCommitment();
    const second = { ...fakeCommitment(), id: 'com-2', action: 'Book the mock interview' };
    const wrapper = mount(CommitmentList, {
      props: { items: [first, second], carryOver: [], deleted: null, sessionId: 'ses-1' },
      attachTo: document.body,
    });
    const settle = () => new Promise((r) => setTimeout(r));
    const focusedLabel = () => document.activeElement?.getAttribute('aria-label');

    await wrapper.get('button[aria-label="Edit: Book the mock interview"]').trigger('click');
    await wrapper.get('form').trigger('keydown', { key: 'Escape' });
    await settle();
    expect(focusedLabel()).toBe('Edit: Book the mock interview');

    await wrapper.get('button[aria-label="Edit: Book the mock interview"]').trigger('click');
    await wrapper.get('form').trigger('submit');
    (wrapper.emitted('update')?.[0] as [string, unknown, (saved: boolean) => void])[2](true);
    await settle();
    expect(focusedLabel()).toBe('Edit: Book the mock interview');

    await wrapper.get('button[aria-label="Delete: Book the mock interview"]').trigger('click');
    expect(wrapper.emitted('remove')).toEqual([['com-2']]);
    await wrapper.setProps({ items: [first], deleted: second });
    await settle();
    expect(focusedLabel()).toBe('Undo: bring back “Book the mock interview”');

    await wrapper.get('.undo button').trigger('click');
    await wrapper.setProps({ items: [first, second], deleted: null });
    await settle();
    expect(focusedLabel()).toBe('Edit: Book the mock interview');
    wrapper.unmount();
  });

  it('edits a commitment inline: nothing changes until Save, Escape cancels', async () => {
    const wrapper = mount(CommitmentList, {
      props: { items: [fakeCommitment()], carryOver: [], deleted: null, sessionId: 'ses-1' },
      attachTo: document.body,
    });
    await wrapper.get('button[aria-label="Edit: Send the draft CV"]').trigger('click');
    const form = wrapper.get('form[aria-label="Edit: Send the draft CV"]');
    expect(document.activeElement).toBe(form.get('input').element);
    await form.get('input[type="date"]').setValue('2026-12-01');
    await form.get('input[type="checkbox"]').setValue(true);
    await form.trigger('keydown', { key: 'Escape' });
    expect(wrapper.find('form').exists()).toBe(false);
    expect(wrapper.emitted('update')).toBeUndefined();

    await wrapper.get('button[aria-label="Edit: Send the draft CV"]').trigger('click');
    const again = wrapper.get('form');
    await again.get('input[type="date"]').setValue('2026-12-01');
    await again.get('input[type="checkbox"]').setValue(true);
    await again.trigger('submit');
    const [id, edit, done] = wrapper.emitted('update')?.[0] as [
      string,
      Record<string, unknown>,
      (saved: boolean) => void,
    ];
    expect(id).toBe('com-1');
    expect(edit).toMatchObject({ owner: 'Priya', action: 'Send the draft CV', due: '2026-12-01', agreedByBoth: true });
    done(false);
    await wrapper.vm.$nextTick();
    expect(wrapper.find('form').exists()).toBe(true);
    done(true);
    await wrapper.vm.$nextTick();
    expect(wrapper.find('form').exists()).toBe(false);
    wrapper.unmount();
  });
});

describe('CaptureLine', () => {
  it('emits the line on Enter and clears it only once saved', async () => {
    const wrapper = mount(CaptureLine, { props: { error: null } });
    await wrapper.get('input').setValue('Sam: send the CV by Friday');
    await wrapper.get('form').trigger('submit');
    const [line, done] = wrapper.emitted('capture')?.[0] as [string, (saved: boolean) => void];
    expect(line).toBe('Sam: send the CV by Friday');
    done(false);
    await wrapper.vm.$nextTick();
    expect((wrapper.get('input').element as HTMLInputElement).value).toBe('Sam: send the CV by Friday');
    done(true);
    await wrapper.vm.$nextTick();
    expect((wrapper.get('input').element as HTMLInputElement).value).toBe('');
  });
});
