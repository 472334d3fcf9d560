import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import CallNotice from '@/components/CallNotice.vue';

describe('CallNotice', () => {
  it('tells the user when it cannot see the call controls, as an alert', () => {
    const wrapper = mount(CallNotice, { props: { kind: 'no-controls' } });
    expect(wrapper.get('h2').text()).toBe('Attune can’t see the call controls on this page');
    expect(wrapper.attributes('role')).toBe('alert');
  });

  it('explains where Attune works when the tab is not a call', () => {
    const wrapper = mount(CallNotice, { props: { kind: 'not-a-call' } });
    expect(wrapper.text()).toMatch(/Google Meet.*Zoom.*Microsoft Teams/);
    expect(wrapper.attributes('role')).toBe('status');
  });

  it('asks for a reload when the call page has said nothing', () => {
    expect(mount(CallNotice, { props: { kind: 'silent-page' } }).text()).toMatch(/Reload the call tab/);
  });

  it('does not promise a start that has happened: a running session in the waiting room goes on', () => {
    const running = mount(CallNotice, { props: { kind: 'lobby-running' } }).text();
    expect(running).toMatch(/still running/);
    expect(running).not.toMatch(/starts when you join/);
    expect(mount(CallNotice, { props: { kind: 'lobby-rejoin' } }).text()).toMatch(
      /within 5 minutes and this session continues/,
    );
  });

  it('offers to start the session by hand where the controls are not recognised, and to end it once started', async () => {
    const wrapper = mount(CallNotice, { props: { kind: 'no-controls', byHand: 'start' } });
    await wrapper.get('button').trigger('click');
    expect(wrapper.get('button').text()).toBe('Start the session');
    await wrapper.setProps({ byHand: 'end' });
    expect(wrapper.text()).toMatch(/cannot tell when the call ends/);
    await wrapper.get('button').trigger('click');
    expect(wrapper.emitted('by-hand')).toEqual([['start'], ['end']]);
    await wrapper.setProps({ byHand: null });
    expect(wrapper.find('button').exists()).toBe(false);
  });
});
