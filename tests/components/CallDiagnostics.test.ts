import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import CallDiagnostics from '@/components/CallDiagnostics.vue';

const NOW = Date.UTC(2026, 11, 4, 19, 0, 0);

const signals = [
  { id: 'call-state', label: 'Call state', found: true, detail: 'in call', lastSeenAt: NOW - 2_000 },
  { id: 'speaking', label: 'Who is speaking', found: false, lastSeenAt: null },
  { id: 'captions', label: 'Captions region', found: null, lastSeenAt: null },
];

describe('CallDiagnostics', () => {
  it('lists each signal as found or not, with when it was last seen', () => {
    const wrapper = mount(CallDiagnostics, { props: { signals, now: NOW, copyState: 'idle' } });
    const rows = wrapper.findAll('li').map((li) => li.text());
    expect(rows[0]).toContain('Call state');
    expect(rows[0]).toContain('found (in call)');
    expect(rows[0]).toContain('seen 0:02 ago');
    expect(rows[1]).toContain('not found');
    expect(rows[1]).toContain('never seen');
    expect(rows[2]).toContain('not yet known');
    expect(wrapper.get('[data-signal="speaking"] .state').classes()).toContain('missing');
  });

  it('asks for the report when the button is pressed and says what happened', async () => {
    const wrapper = mount(CallDiagnostics, { props: { signals, now: NOW, copyState: 'idle' } });
    expect(wrapper.text()).toContain('nothing is sent anywhere');
    await wrapper.get('button').trigger('click');
    expect(wrapper.emitted('copy-report')).toHaveLength(1);
    await wrapper.setProps({ copyState: 'copied' });
    expect(wrapper.get('[role="status"]').text()).toBe('Copied. Paste it into your bug report.');
    await wrapper.setProps({ copyState: 'failed' });
    expect(wrapper.get('[role="alert"]').text()).toContain('could not copy the report');
  });
});
