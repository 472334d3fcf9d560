import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import PanelSection from '@/components/PanelSection.vue';

describe('PanelSection', () => {
  it('is a region named by its heading for screen readers', () => {
    const wrapper = mount(PanelSection, { props: { heading: 'Talk balance' }, slots: { default: '<p>body</p>' } });
    const id = wrapper.get('h2').attributes('id');
    expect(id).toBeTruthy();
    expect(wrapper.get('section').attributes('aria-labelledby')).toBe(id);
    expect(wrapper.text()).toContain('body');
  });
});
