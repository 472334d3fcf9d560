import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import CueNotice from '@/components/CueNotice.vue';

describe('CueNotice', () => {
  it('shows the reminder and can be dismissed', async () => {
    const wrapper = mount(CueNotice, { props: { text: 'Open with their agenda for today.' } });
    expect(wrapper.get('[role="status"]').text()).toContain('Open with their agenda');
    await wrapper.get('button[aria-label="Dismiss this reminder"]').trigger('click');
    expect(wrapper.emitted('dismiss')).toHaveLength(1);
  });
});
