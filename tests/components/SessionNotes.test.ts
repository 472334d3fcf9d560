import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import SessionNotes from '@/components/SessionNotes.vue';

describe('SessionNotes', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves the agenda shortly after typing stops, and at once on leaving the field', async () => {
    const wrapper = mount(SessionNotes, { props: { agenda: '', notes: '', error: null } });
    const agenda = wrapper.get('#session-agenda');
    await agenda.setValue('Delegat');
    await agenda.setValue('Delegation');
    expect(wrapper.emitted('save')).toBeUndefined();
    await vi.advanceTimersByTimeAsync(700);
    expect(wrapper.emitted('save')).toEqual([[{ agenda: 'Delegation' }]]);
    await wrapper.get('#session-notes').setValue('Rewrote a report at midnight');
    await wrapper.get('#session-notes').trigger('blur');
    expect(wrapper.emitted('save')?.at(-1)).toEqual([{ notes: 'Rewrote a report at midnight' }]);
  });

  it('keeps what is being typed when a saved value comes back, and follows it otherwise', async () => {
    const wrapper = mount(SessionNotes, { props: { agenda: '', notes: 'old', error: null } });
    await wrapper.get('#session-agenda').setValue('Typing now');
    await wrapper.setProps({ agenda: 'Typing' });
    expect((wrapper.get('#session-agenda').element as HTMLInputElement).value).toBe('Typing now');
    await wrapper.setProps({ notes: 'From another panel' });
    expect((wrapper.get('#session-notes').element as HTMLTextAreaElement).value).toBe('From another panel');
  });
});
