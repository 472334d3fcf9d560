import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import SessionWrapUp from '@/components/SessionWrapUp.vue';
import { downloadOf } from '../support/download';

const props = {
  files: [{ label: 'CSV', name: 's.csv', type: 'text/csv', content: 'owner,action\r\nSam,"Send, now"\r\n' }],
  emailHref: 'mailto:?subject=x',
  nextCheckIn: null,
  message: null,
  error: null,
};

describe('SessionWrapUp', () => {
  it('offers each export as a download of exactly its content', async () => {
    const link = mount(SessionWrapUp, { props }).get('a[download="s.csv"]');
    expect(await downloadOf(link.attributes('href'))).toEqual({
      type: 'text/csv;charset=utf-8',
      text: props.files[0]?.content,
    });
  });

  it('saves the next check-in and asks to copy Markdown', async () => {
    const wrapper = mount(SessionWrapUp, { props });
    await wrapper.get('input[type="datetime-local"]').setValue('2026-12-09T14:30');
    await wrapper.get('button').trigger('click');
    expect(wrapper.emitted('next-check-in')?.at(-1)).toEqual(['2026-12-09T14:30']);
    expect(wrapper.emitted('copy-markdown')).toHaveLength(1);
  });

  it('says whether the Markdown was copied, and what to do when it was not', async () => {
    const wrapper = mount(SessionWrapUp, { props });
    await wrapper.get('button').trigger('click');
    const [done] = wrapper.emitted<[(copied: boolean) => void]>('copy-markdown')?.at(-1) ?? [];
    done?.(true);
    await wrapper.vm.$nextTick();
    expect(wrapper.get('[role="status"]').text()).toBe('Copied the session as Markdown.');
    await wrapper.get('button').trigger('click');
    wrapper.emitted<[(copied: boolean) => void]>('copy-markdown')?.at(-1)?.[0](false);
    await wrapper.vm.$nextTick();
    expect(wrapper.find('[role="status"]').exists()).toBe(false);
    expect(wrapper.get('[role="alert"]').text()).toContain('Download the Markdown file instead');
  });

  it('reports an import as a status and a refusal as an alert', () => {
    const wrapper = mount(SessionWrapUp, {
      props: { ...props, message: 'Imported 3 records.', error: 'The file is empty. Nothing was imported.' },
    });
    expect(wrapper.get('[role="status"]').text()).toBe('Imported 3 records.');
    expect(wrapper.get('[role="alert"]').text()).toContain('Nothing was imported');
  });
});
