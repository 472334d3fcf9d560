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

  it('saves what was typed in the last moment when the panel is closed or hidden, without waiting for the pause', async () => {
    const wrapper = mount(SessionNotes, { props: { agenda: '', notes: '', error: null } });
    await wrapper.get('#session-notes').setValue('Last words before closing');
    window.dispatchEvent(new Event('pagehide'));
    // Marked as leaving: the panel hands it to the background too.
    expect(wrapper.emitted('save')).toEqual([[{ notes: 'Last words before closing' }, true]]);

    await wrapper.get('#session-agenda').setValue('Hidden tab');
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    expect(wrapper.emitted('save')?.at(-1)).toEqual([{ agenda: 'Hidden tab' }]);
    // Nothing is saved twice when the pause then passes.
    const count = wrapper.emitted('save')?.length;
    await vi.advanceTimersByTimeAsync(700);
    expect(wrapper.emitted('save')?.length).toBe(count);
  });

  it('saves on unmount what has not been saved yet', async () => {
    const onSave = vi.fn();
    const wrapper = mount(SessionNotes, { props: { agenda: '', notes: '', error: null, onSave } });
    await wrapper.get('#session-notes').setValue('Typed as the section closed');
    wrapper.unmount();
    expect(onSave.mock.calls).toEqual([[{ notes: 'Typed as the section closed' }]]);
  });

  it('locked but writable: says so, lets the mentor write, and shows the whole notes once unlocked', async () => {
    const wrapper = mount(SessionNotes, { props: { agenda: '', notes: '', error: null, access: 'write-only' } });
    expect(wrapper.get('[data-testid="notes-write-only"]').text()).toMatch(/encrypted as you type/);
    const box = wrapper.get('#session-notes');
    expect((box.element as HTMLTextAreaElement).disabled).toBe(false);
    await box.setValue('Typed while locked');
    // Unlocked mid-word: the draft is saved at once, and the whole notes replace the box's text.
    await wrapper.setProps({ access: 'open' });
    expect(wrapper.emitted('save')?.at(-1)).toEqual([{ notes: 'Typed while locked' }]);
    await wrapper.setProps({ notes: 'Earlier notes\n\nTyped while locked' });
    expect((box.element as HTMLTextAreaElement).value).toBe('Earlier notes\n\nTyped while locked');
    expect(wrapper.find('[data-testid="notes-write-only"]').exists()).toBe(false);
  });

  it('locked and not writable: the box is disabled and says how to open it', () => {
    const wrapper = mount(SessionNotes, { props: { agenda: '', notes: '', error: null, access: 'locked' } });
    const box = wrapper.get('#session-notes').element as HTMLTextAreaElement;
    expect(box.disabled).toBe(true);
    expect(box.placeholder).toMatch(/unlock/i);
  });
});
