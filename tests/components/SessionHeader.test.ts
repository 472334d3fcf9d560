import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import SessionHeader from '@/components/SessionHeader.vue';

const base = {
  platformName: 'Google Meet',
  meetingTitle: 'Weekly mentoring',
  state: 'in-call' as const,
  elapsedMs: 754_000,
  relationshipLabel: null,
};

describe('SessionHeader', () => {
  it('shows the platform, title, call state and elapsed time', () => {
    const wrapper = mount(SessionHeader, { props: base });
    expect(wrapper.text()).toContain('Google Meet');
    expect(wrapper.get('h1').text()).toBe('Weekly mentoring');
    expect(wrapper.get('[role="status"]').text()).toBe('In call');
    expect(wrapper.get('[data-testid="elapsed"]').text()).toBe('12:34');
    expect(wrapper.get('[data-testid="elapsed"]').attributes('aria-label')).toBe('12 minutes 34 seconds');
  });

  it('says plainly when no relationship is linked, and names it when one is', async () => {
    const wrapper = mount(SessionHeader, { props: base });
    expect(wrapper.get('[data-testid="relationship"]').text()).toBe('Not linked yet');
    await wrapper.setProps({ relationshipLabel: 'Alex & Priya' });
    expect(wrapper.get('[data-testid="relationship"]').text()).toBe('Alex & Priya');
  });

  it('shows "Not started" before the call begins and a fallback title', () => {
    const wrapper = mount(SessionHeader, { props: { ...base, state: 'lobby', elapsedMs: null, meetingTitle: null } });
    expect(wrapper.text()).toContain('Not started');
    expect(wrapper.get('h1').text()).toBe('Untitled call');
    expect(wrapper.get('[role="status"]').text()).toBe('Waiting to join');
  });
});
