import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import RelationshipLink from '@/components/RelationshipLink.vue';

const base = { linkedLabel: null, suggestion: null, options: [], defaultMentorName: 'Alex Morgan', error: null };

describe('RelationshipLink', () => {
  it('offers the suggested relationship in one click', async () => {
    const wrapper = mount(RelationshipLink, { props: { ...base, suggestion: { id: 'r1', label: 'Alex & Priya' } } });
    expect(wrapper.text()).toContain('Is this your session with Alex & Priya?');
    await wrapper.get('button').trigger('click');
    expect(wrapper.emitted('link')).toEqual([['r1']]);
  });

  it('creates a relationship with the mentor name prefilled from the call page', async () => {
    const wrapper = mount(RelationshipLink, { props: base });
    await wrapper.get('button').trigger('click');
    const inputs = wrapper.findAll('fieldset input');
    expect((inputs[0]?.element as HTMLInputElement).value).toBe('Alex Morgan');
    await inputs[1]?.setValue('Priya Shah');
    await wrapper.get('fieldset select').setValue('specialist-coaching');
    await wrapper.get('form.create').trigger('submit');
    expect(wrapper.emitted('create')?.[0]?.[0]).toEqual({
      mentorName: 'Alex Morgan',
      menteeName: 'Priya Shah',
      mode: 'specialist-coaching',
    });
  });

  it('closes and clears the form once the new relationship is linked, and sends it only once meanwhile', async () => {
    const wrapper = mount(RelationshipLink, { props: base });
    await wrapper.get('button').trigger('click');
    await wrapper.findAll('fieldset input')[1]?.setValue('Priya Shah');
    await wrapper.get('form.create').trigger('submit');
    await wrapper.get('form.create').trigger('submit');
    expect(wrapper.emitted('create')).toHaveLength(1);
    expect(wrapper.get('form.create button[type="submit"]').attributes('disabled')).toBeDefined();
    const done = wrapper.emitted('create')?.[0]?.[1] as (linked: boolean) => void;
    done(true);
    await wrapper.setProps({ linkedLabel: 'Alex Morgan & Priya Shah' });
    expect(wrapper.find('form.create').exists()).toBe(false);
    await wrapper.get('button.quiet').trigger('click');
    expect((wrapper.findAll('fieldset input')[1]?.element as HTMLInputElement).value).toBe('');
  });

  it('keeps the form and what was typed when the relationship could not be created', async () => {
    const wrapper = mount(RelationshipLink, { props: base });
    await wrapper.get('button').trigger('click');
    await wrapper.findAll('fieldset input')[1]?.setValue('Priya Shah');
    await wrapper.get('form.create').trigger('submit');
    (wrapper.emitted('create')?.[0]?.[1] as (linked: boolean) => void)(false);
    await wrapper.vm.$nextTick();
    expect((wrapper.findAll('fieldset input')[1]?.element as HTMLInputElement).value).toBe('Priya Shah');
    expect(wrapper.get('form.create button[type="submit"]').attributes('disabled')).toBeUndefined();
  });

  it('lets the mentor pick another existing relationship', async () => {
    const wrapper = mount(RelationshipLink, {
      props: {
        ...base,
        linkedLabel: 'Alex & Priya',
        options: [
          { id: 'r1', label: 'Alex & Priya' },
          { id: 'r2', label: 'Alex & Jordan' },
        ],
      },
    });
    expect(wrapper.text()).toContain('Session with Alex & Priya');
    await wrapper.get('button').trigger('click');
    await wrapper.get('form.pick select').setValue('r2');
    await wrapper.get('form.pick').trigger('submit');
    expect(wrapper.emitted('link')).toEqual([['r2']]);
    expect(wrapper.find('form.pick').exists()).toBe(false);
  });

  it('shows a refusal as an alert', () => {
    const wrapper = mount(RelationshipLink, {
      props: { ...base, error: 'Give both names: the mentor’s and the mentee’s.' },
    });
    expect(wrapper.get('[role="alert"]').text()).toMatch(/both names/);
  });

  it('names the two people in the words of the kind chosen: co-coaches are not mentor and mentee', async () => {
    const wrapper = mount(RelationshipLink, { props: base });
    await wrapper.get('button').trigger('click');
    const nameLabels = () =>
      wrapper
        .findAll('fieldset label')
        .filter((l) => l.find('input').exists())
        .map((l) => l.text());
    expect(nameLabels()).toEqual(['Mentor', 'Mentee']);
    await wrapper.get('fieldset select').setValue('co-coaching');
    expect(nameLabels()).toEqual(['You', 'Your co-coach']);
  });
});
