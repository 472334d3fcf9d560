import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import SessionExports from '@/components/SessionExports.vue';
import SessionWrapUp from '@/components/SessionWrapUp.vue';

const files = [
  { label: 'Markdown', name: 's.md', type: 'text/markdown', content: '# Session' },
  { label: 'Calendar', name: 's.ics', type: 'text/calendar', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' },
];
const props = { files, emailHref: 'mailto:?subject=x', calendarStyle: 'todo' as const };

describe('SessionExports', () => {
  it('offers every file, the e-mail draft and the calendar’s form, showing the current choice', () => {
    const wrapper = mount(SessionExports, { props });
    expect(wrapper.findAll('a[download]').map((a) => a.text())).toEqual(['Markdown', 'Calendar']);
    expect(wrapper.get('a[data-export="email"]').text()).toBe('Email draft to the mentee');
    const select = wrapper.get('select').element as HTMLSelectElement;
    expect(select.value).toBe('todo');
    expect([...select.options].map((o) => o.text)).toEqual(['To-dos', 'All-day events', 'Timed events']);
  });

  it('names the recipient when the relationship holds the mentee’s address', () => {
    const wrapper = mount(SessionExports, {
      props: { ...props, emailHref: 'mailto:p@example.org?subject=x', emailTo: 'p@example.org' },
    });
    expect(wrapper.get('a[data-export="email"]').text()).toBe('Email draft to p@example.org');
    expect(wrapper.get('a[data-export="email"]').attributes('href')).toBe('mailto:p@example.org?subject=x');
  });

  it('asks for events when the mentor picks them', async () => {
    const wrapper = mount(SessionExports, { props });
    await wrapper.get('select').setValue('timed');
    await wrapper.get('select').setValue('all-day');
    expect(wrapper.emitted('calendar-style')).toEqual([['timed'], ['all-day']]);
  });

  it('says when the Markdown could not be copied', async () => {
    const wrapper = mount(SessionExports, { props });
    await wrapper.get('button').trigger('click');
    wrapper.emitted<[(copied: boolean) => void]>('copy-markdown')?.at(-1)?.[0](false);
    await wrapper.vm.$nextTick();
    expect(wrapper.get('[role="alert"]').text()).toContain('Download the Markdown file instead');
  });
});

describe('SessionWrapUp with the calendar choice', () => {
  it('passes the choice on to the panel', async () => {
    const wrapper = mount(SessionWrapUp, {
      props: { ...props, calendarStyle: 'all-day', nextCheckIn: null, message: null, error: null },
    });
    expect((wrapper.get('select').element as HTMLSelectElement).value).toBe('all-day');
    await wrapper.get('select').setValue('timed');
    expect(wrapper.emitted('calendar-style')).toEqual([['timed']]);
  });
});
