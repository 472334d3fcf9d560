import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import StageStepper from '@/components/StageStepper.vue';

const stages = [
  { id: 'goal', name: 'Goal' },
  { id: 'reality', name: 'Reality' },
  { id: 'options', name: 'Options' },
];

describe('StageStepper', () => {
  it('marks the current stage for screen readers and the plan’s suggestion visibly', () => {
    const wrapper = mount(StageStepper, { props: { stages, currentId: 'goal', suggestedId: 'reality' } });
    const buttons = wrapper.findAll('button');
    expect(buttons.map((b) => b.attributes('aria-current'))).toEqual(['step', undefined, undefined]);
    expect(buttons[1]?.attributes('data-suggested')).toBe('true');
    expect(buttons[1]?.text()).toContain('suggested by the plan');
  });

  it('does not flag the current stage as a suggestion', () => {
    const wrapper = mount(StageStepper, { props: { stages, currentId: 'reality', suggestedId: 'reality' } });
    expect(wrapper.find('[data-suggested]').exists()).toBe(false);
  });

  it('selects a stage in one click', async () => {
    const wrapper = mount(StageStepper, { props: { stages, currentId: 'goal', suggestedId: null } });
    await wrapper.findAll('button')[2]?.trigger('click');
    expect(wrapper.emitted('select')).toEqual([['options']]);
  });
});
