import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import ListeningMoves from '@/components/ListeningMoves.vue';
import { EMPTY_MOVE_COUNTS } from '@/utils/listening/follow';

const base = {
  counts: {
    ...EMPTY_MOVE_COUNTS,
    restating: 2,
    summarising: 1,
    advice: 3,
    sharing: 1,
    encouraging: 4,
    open: 3,
    leading: 1,
  },
  ratio: 0.6,
  target: 0.8,
  modeName: 'Specialist coaching',
  cue: null,
};

describe('ListeningMoves', () => {
  it('shows the counts per move and the listening ratio against the mode’s target', () => {
    const wrapper = mount(ListeningMoves, { props: base });
    expect(wrapper.get('[data-testid="move-tally"]').text()).toBe(
      'Your moves: 2 restated · 1 summarised · 3 advice · 1 own story · 4 encouraged',
    );
    expect(wrapper.get('[data-testid="listening-ratio"]').text()).toBe(
      'Listening: 60% — below the 80% target for Specialist coaching.',
    );
  });

  it('says there is nothing to weigh before any listening or telling move', () => {
    const wrapper = mount(ListeningMoves, { props: { ...base, ratio: null } });
    expect(wrapper.get('[data-testid="listening-ratio"]').text()).toMatch(/^Listening: nothing to weigh yet/);
  });

  it('lets the mentor change the target, and ignores a value outside 0–100', async () => {
    const wrapper = mount(ListeningMoves, { props: base });
    await wrapper.get('input[type="number"]').setValue('70');
    await wrapper.get('input[type="number"]').setValue('170');
    expect(wrapper.emitted('target')).toEqual([[70]]);
  });

  it('keeps the target being typed when a caption turn changes the counts', async () => {
    const wrapper = mount(ListeningMoves, { props: base });
    const field = wrapper.get<HTMLInputElement>('input[type="number"]');
    field.element.value = '6';
    await field.trigger('input');
    await wrapper.setProps({ counts: { ...base.counts, restating: 3 }, ratio: 0.62 });
    expect(field.element.value).toBe('6');
    field.element.value = '65';
    await field.trigger('input');
    await field.trigger('change');
    expect(wrapper.emitted('target')).toEqual([[65]]);
    await wrapper.setProps({ target: 0.65 });
    expect(field.element.value).toBe('65');
  });

  it('shows a cue that can be dismissed, without taking focus from what the mentor types', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const notes = document.createElement('textarea');
    document.body.append(notes);
    notes.focus();
    const wrapper = mount(ListeningMoves, { props: base, attachTo: host });
    await wrapper.setProps({
      cue: { kind: 'ask', sentence: 'Several suggestions in a row. Ask what they think.', at: 1 },
    });
    expect(wrapper.get('[data-testid="listening-cue"]').text()).toContain('Ask what they think');
    expect(wrapper.get('[data-testid="listening-cue"]').attributes('role')).toBe('status');
    expect(document.activeElement).toBe(notes);
    await wrapper.get('[data-testid="listening-cue"] button').trigger('click');
    expect(wrapper.emitted('dismiss')).toHaveLength(1);
    wrapper.unmount();
    notes.remove();
    host.remove();
  });
});
