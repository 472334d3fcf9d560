import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import SessionDiscard from '@/components/SessionDiscard.vue';

describe('SessionDiscard', () => {
  it('discards only after the mentor confirms, and keeps the session on "Keep it"', async () => {
    const wrapper = mount(SessionDiscard, { props: { gone: null, sentence: null }, attachTo: document.body });
    await wrapper.get('button').trigger('click');
    expect(wrapper.emitted('discard')).toBeUndefined();
    expect(wrapper.text()).toMatch(/Discard this session\? .*commitments/);
    expect(document.activeElement?.textContent).toBe('Keep it');
    await wrapper.get('button.quiet').trigger('click');
    expect(wrapper.emitted('discard')).toBeUndefined();
    await wrapper.get('button').trigger('click');
    await wrapper.get('button.danger').trigger('click');
    expect(wrapper.emitted('discard')).toHaveLength(1);
    wrapper.unmount();
  });

  it('says plainly that the session was deleted in the dashboard and offers to restore it', async () => {
    const wrapper = mount(SessionDiscard, {
      props: { gone: 'deleted-elsewhere', sentence: 'This session was deleted in the dashboard.' },
    });
    expect(wrapper.get('[role="alert"]').text()).toContain('deleted in the dashboard');
    await wrapper.get('button').trigger('click');
    expect(wrapper.emitted('restore')).toHaveLength(1);
  });

  it('offers to undo a discard', async () => {
    const wrapper = mount(SessionDiscard, { props: { gone: 'discarded', sentence: 'You discarded this session.' } });
    await wrapper.get('button').trigger('click');
    expect(wrapper.emitted('undo')).toHaveLength(1);
  });
});
