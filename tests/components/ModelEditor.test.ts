import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import ModelEditor from '@/components/ModelEditor.vue';
import { downloadOf } from '../support/download';

const props = {
  stageName: 'Goal',
  stages: [
    { id: 'goal', name: 'Goal', minutes: 10 },
    { id: 'reality', name: 'Reality', minutes: 20 },
  ],
  hiddenCount: 2,
  error: null,
  exportJson: '{"format":"attune.model"}',
  exportName: 'grow.attune-model.json',
};

describe('ModelEditor', () => {
  it('adds a question to the current stage and clears the box', async () => {
    const wrapper = mount(ModelEditor, { props });
    await wrapper.get('#own-question').setValue('What would make today count?');
    await wrapper.get('form.add').trigger('submit');
    expect(wrapper.emitted('add')).toEqual([['What would make today count?']]);
    expect((wrapper.get('#own-question').element as HTMLInputElement).value).toBe('');
  });

  it('refuses a question the stage already has, and says so', async () => {
    const wrapper = mount(ModelEditor, { props: { ...props, stageQuestions: ['What do you want from today?'] } });
    await wrapper.get('#own-question').setValue('  what do you want from  today ');
    await wrapper.get('form.add').trigger('submit');
    expect(wrapper.emitted('add')).toBeUndefined();
    expect(wrapper.get('[role="alert"]').text()).toBe(
      'Goal already has “What do you want from today?”. Nothing was added.',
    );
    expect((wrapper.get('#own-question').element as HTMLInputElement).value).toBe('  what do you want from  today ');
  });

  it('confirms a new question by name', async () => {
    const wrapper = mount(ModelEditor, { props: { ...props, stageQuestions: [] } });
    await wrapper.get('#own-question').setValue('What would make today count?');
    await wrapper.get('form.add').trigger('submit');
    expect(wrapper.get('[role="status"]').text()).toBe('Added “What would make today count?” to Goal.');
    await wrapper.setProps({ error: 'Keep it under 200 characters so it fits the panel.' });
    expect(wrapper.find('[role="status"]').exists()).toBe(false);
  });

  it('gives the checker’s word on a closed question and offers its open rewrite before adding', async () => {
    const wrapper = mount(ModelEditor, { props: { ...props, stageQuestions: [] } });
    await wrapper.get('#own-question').setValue('Did you finish the plan?');
    await wrapper.get('form.add').trigger('submit');
    expect(wrapper.emitted('add')).toBeUndefined();
    const check = wrapper.get('.check');
    expect(check.text()).toContain('reads as a closed question');
    const open = check.text().match(/An open way to ask it: “(.+)”/)?.[1];
    expect(open).toBeTruthy();
    await check
      .findAll('button')
      .find((b) => b.text() === 'Add the open version')!
      .trigger('click');
    expect(wrapper.emitted('add')).toEqual([[open]]);
    expect(wrapper.find('.check').exists()).toBe(false);
  });

  it('adds a leading question as written when the user chooses to', async () => {
    const wrapper = mount(ModelEditor, { props: { ...props, stageQuestions: [] } });
    await wrapper.get('#own-question').setValue("Don't you think you should ask your manager?");
    await wrapper.get('form.add').trigger('submit');
    expect(wrapper.get('.check').text()).toContain('reads as a leading question');
    await wrapper
      .get('.check')
      .findAll('button')
      .find((b) => b.text() === 'Add as written')!
      .trigger('click');
    expect(wrapper.emitted('add')).toEqual([["Don't you think you should ask your manager?"]]);
  });

  it('says what an import did, and an error instead when there is one', async () => {
    const wrapper = mount(ModelEditor, {
      props: {
        ...props,
        notice: 'Attune’s own “GROW” keeps its place; yours was added beside it as “GROW (imported)”.',
      },
    });
    expect(wrapper.get('[role="status"]').text()).toContain('GROW (imported)');
    await wrapper.setProps({ error: 'That file is not a model. Nothing was imported.' });
    expect(wrapper.find('[role="status"]').exists()).toBe(false);
    expect(wrapper.get('[role="alert"]').text()).toContain('Nothing was imported');
  });

  it('edits the session plan and brings hidden questions back', async () => {
    const wrapper = mount(ModelEditor, { props });
    const minutes = wrapper.findAll('.plan input');
    await minutes[1]?.setValue('25');
    expect(wrapper.emitted('plan')).toEqual([['reality', 25]]);
    expect(wrapper.text()).toContain('2 hidden questions');
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Show them again')
      ?.trigger('click');
    expect(wrapper.emitted('show-hidden')).toHaveLength(1);
  });

  it('offers the model as a download and shows an import error as an alert', async () => {
    const wrapper = mount(ModelEditor, {
      props: { ...props, error: 'This is not an Attune model file. Nothing was imported.' },
    });
    const link = wrapper.get('a[download]');
    expect(link.attributes('download')).toBe('grow.attune-model.json');
    expect((await downloadOf(link.attributes('href'))).text).toContain('"format":"attune.model"');
    expect(wrapper.get('[role="alert"]').text()).toContain('Nothing was imported');
  });
});
