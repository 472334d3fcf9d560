import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import PromptCard from '@/components/PromptCard.vue';

const props = {
  stageName: 'Reality',
  purpose: 'Understand where things stand now.',
  watchOut: 'Stay curious: ask, don’t fix.',
  questions: [
    { id: 'reality-1', text: 'What is happening at the moment?' },
    { id: 'reality-2', text: 'What have you tried so far?' },
    { id: 'reality-3', text: 'What effect did that have?' },
  ],
  pinnedIds: new Set(['reality-2']),
  askedIds: new Set(['reality-3']),
};

describe('PromptCard', () => {
  it('shows the stage’s purpose, its three questions and a watch-out', () => {
    const wrapper = mount(PromptCard, { props });
    expect(wrapper.text()).toContain('Reality: Understand where things stand now.');
    expect(wrapper.findAll('li .text').map((t) => t.text())).toEqual(props.questions.map((q) => q.text));
    expect(wrapper.text()).toContain('Stay curious');
  });

  it('shows which questions are pinned and asked', () => {
    const wrapper = mount(PromptCard, { props });
    const pins = wrapper.findAll('button[aria-pressed]');
    expect(pins.map((p) => p.attributes('aria-pressed'))).toEqual(['false', 'true', 'false']);
    const asked = wrapper.get('button[aria-label="Asked: What effect did that have?"]');
    expect(asked.attributes('disabled')).toBeDefined();
    expect(asked.text()).toBe('Asked ✓');
  });

  it('emits pin, asked and more', async () => {
    const wrapper = mount(PromptCard, { props });
    await wrapper.get('button[aria-label="Pin: What is happening at the moment?"]').trigger('click');
    await wrapper.get('button[aria-label="Asked: What is happening at the moment?"]').trigger('click');
    await wrapper.get('button.more').trigger('click');
    expect(wrapper.emitted('pin')).toEqual([['reality-1']]);
    expect(wrapper.emitted('asked')).toEqual([['reality-1']]);
    expect(wrapper.emitted('more')).toHaveLength(1);
  });
});

describe('PromptCard hiding a question', () => {
  it('asks before hiding for good, and keeping it hides nothing and puts focus back on Hide', async () => {
    const wrapper = mount(PromptCard, { props, attachTo: document.body });
    await wrapper.get('button[aria-label="Hide: What is happening at the moment?"]').trigger('click');
    await wrapper.vm.$nextTick();
    expect(wrapper.emitted('hide')).toBeUndefined();
    expect(wrapper.get('.confirm-hide').text()).toContain('Never show this question again?');
    expect(document.activeElement?.textContent).toBe('Keep it');
    await wrapper.get('.confirm-hide .keep').trigger('click');
    await new Promise((r) => setTimeout(r));
    expect(wrapper.emitted('hide')).toBeUndefined();
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Hide: What is happening at the moment?');
    wrapper.unmount();
  });

  it('hides once confirmed and moves focus to the next question, not the top of the panel', async () => {
    const wrapper = mount(PromptCard, { props, attachTo: document.body });
    await wrapper.get('button[aria-label="Hide: What is happening at the moment?"]').trigger('click');
    await wrapper.get('.confirm-hide .confirm').trigger('click');
    expect(wrapper.emitted('hide')).toEqual([['reality-1']]);
    await wrapper.setProps({ questions: props.questions.slice(1) });
    await new Promise((r) => setTimeout(r));
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Pin: What have you tried so far?');
    wrapper.unmount();
  });
});
