import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import ReminderSettings from '@/components/dashboard/ReminderSettings.vue';

const props = { state: { enabled: false, time: '09:00', error: null, message: null } };

describe('ReminderSettings', () => {
  it('asks to turn reminders on, leaving the box as it was until they are', async () => {
    const w = mount(ReminderSettings, { props });
    const box = w.get('input[type="checkbox"]');
    await box.setValue(true);
    expect(w.emitted('on')).toHaveLength(1);
    expect((box.element as HTMLInputElement).checked).toBe(false);
    await w.setProps({ state: { ...props.state, enabled: true } });
    expect((box.element as HTMLInputElement).checked).toBe(true);
    await box.setValue(false);
    expect(w.emitted('off')).toHaveLength(1);
  });

  it('saves a new time only when it changed', async () => {
    const w = mount(ReminderSettings, { props });
    expect(w.get('button[type="submit"]').attributes('disabled')).toBeDefined();
    await w.get('input[type="time"]').setValue('07:15');
    await w.get('form').trigger('submit');
    expect(w.emitted('time')).toEqual([['07:15']]);
  });

  it('says why reminders could not be turned on', () => {
    const w = mount(ReminderSettings, {
      props: { state: { ...props.state, error: 'Reminders need the browser’s permission' } },
    });
    expect(w.get('[role="alert"]').text()).toContain('permission');
  });
});
