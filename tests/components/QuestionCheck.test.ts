import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import QuestionCheck from '@/components/QuestionCheck.vue';

describe('QuestionCheck', () => {
  it('says nothing until something is typed', () => {
    expect(mount(QuestionCheck).find('[role="status"]').exists()).toBe(false);
  });

  it('confirms an open question as the mentor types', async () => {
    const wrapper = mount(QuestionCheck);
    await wrapper.get('input').setValue('What would make this worthwhile for you?');
    expect(wrapper.get('[role="status"]').text()).toContain('Open');
  });

  it('flags a closed question and offers an open one', async () => {
    const wrapper = mount(QuestionCheck);
    await wrapper.get('input').setValue('did the meeting go well');
    const status = wrapper.get('[role="status"]');
    expect(status.attributes('data-kind')).toBe('closed');
    expect(status.text()).toContain('Try: “How did the meeting go?”');
  });

  it('flags a leading question and a stacked one', async () => {
    const wrapper = mount(QuestionCheck);
    await wrapper.get('input').setValue("Don't you think you should tell her? What's stopping you?");
    expect(wrapper.get('[role="status"]').attributes('data-kind')).toBe('leading');
    expect(wrapper.text()).toContain('ask one at a time');
  });
});
