import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import PassphraseUnlock from '@/components/PassphraseUnlock.vue';
import PassphraseSettings from '@/components/dashboard/PassphraseSettings.vue';

const base = { enabled: false, unlocked: false, busy: false, progress: null, error: null, message: null };

describe('PassphraseUnlock', () => {
  it('sends the passphrase once and clears the field; shows a refusal', async () => {
    const w = mount(PassphraseUnlock, { props: { error: null, busy: false } });
    await w.get('input[type="password"]').setValue('correct horse');
    await w.get('form').trigger('submit');
    expect(w.emitted('unlock')).toEqual([['correct horse']]);
    expect((w.get('input').element as HTMLInputElement).value).toBe('');
    await w.setProps({ error: 'That passphrase does not open your notes.' });
    expect(w.get('[role="alert"]').text()).toContain('does not open');
  });
});

describe('PassphraseSettings', () => {
  it('warns that a forgotten passphrase cannot be recovered, and turns on only once that is acknowledged', async () => {
    const w = mount(PassphraseSettings, { props: base });
    expect(w.get('.warning').text()).toContain('nobody — not even Attune — can recover');
    const [first, again] = w.findAll('input[type="password"]');
    await first?.setValue('correct horse battery');
    await again?.setValue('correct horse battery');
    const button = w.get('button[type="submit"]');
    expect(button.attributes('disabled')).toBeDefined();
    await w.get('input[type="checkbox"]').setValue(true);
    expect(button.attributes('disabled')).toBeUndefined();
    await w.get('form').trigger('submit');
    expect(w.emitted('enable')).toEqual([['correct horse battery', 'correct horse battery']]);
  });

  it('offers lock and turn-off when unlocked, and unlock when locked', async () => {
    const w = mount(PassphraseSettings, { props: { ...base, enabled: true, unlocked: true } });
    await w.findAll('button').find((b) => b.text() === 'Lock now')?.trigger('click');
    expect(w.emitted('lock')).toHaveLength(1);
    await w.setProps({ unlocked: false, progress: { done: 3, total: 10 } });
    expect(w.text()).toContain('Locked.');
    expect(w.text()).toContain('3 of 10 sessions');
    await w.get('input[type="password"]').setValue('correct horse battery');
    await w.get('form').trigger('submit');
    expect(w.emitted('unlock')).toEqual([['correct horse battery']]);
  });
});
