import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import CommitmentList from '@/components/CommitmentList.vue';
import CaptureLine from '@/components/CaptureLine.vue';
import { fakeCommitment } from '../unit/db/fake-data';

describe('CommitmentList', () => {
  it('lists this session’s commitments and deletes with undo', async () => {
    const wrapper = mount(CommitmentList, { props: { items: [fakeCommitment()], carryOver: [], canUndo: true } });
    expect(wrapper.get('[aria-label="Agreed in this session"]').text()).toContain('Priya Send the draft CV');
    await wrapper.get('button[aria-label="Delete: Send the draft CV"]').trigger('click');
    await wrapper.get('.undo button').trigger('click');
    expect(wrapper.emitted('remove')).toEqual([['com-1']]);
    expect(wrapper.emitted('undo')).toHaveLength(1);
  });

  it('asks for a review of earlier commitments', async () => {
    const wrapper = mount(CommitmentList, { props: { items: [], carryOver: [fakeCommitment({ id: 'old' })], canUndo: false } });
    expect(wrapper.text()).toContain('From earlier sessions');
    await wrapper.findAll('.actions button').find((b) => b.text() === 'Done')?.trigger('click');
    expect(wrapper.emitted('review')).toEqual([['old', 'done']]);
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
