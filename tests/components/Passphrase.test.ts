import { describe, expect, it } from 'vitest';
import { mount, type VueWrapper } from '@vue/test-utils';
import PassphraseUnlock from '@/components/PassphraseUnlock.vue';
import PassphraseSettings, { type PassphraseState } from '@/components/dashboard/PassphraseSettings.vue';

const base: PassphraseState = {
  enabled: false,
  unlocked: false,
  busy: false,
  progress: null,
  error: null,
  message: null,
};
/** The privacy store changing under the settings, as it does after each action. */
const changeState = (w: VueWrapper<InstanceType<typeof PassphraseSettings>>, change: Partial<PassphraseState>) =>
  w.setProps({ state: { ...w.props('state'), ...change } });

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
    const w = mount(PassphraseSettings, { props: { state: base } });
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
    const w = mount(PassphraseSettings, { props: { state: { ...base, enabled: true, unlocked: true } } });
    await w
      .findAll('button')
      .find((b) => b.text() === 'Lock now')
      ?.trigger('click');
    expect(w.emitted('lock')).toHaveLength(1);
    await changeState(w, { unlocked: false, progress: { done: 3, total: 10 } });
    expect(w.text()).toContain('Locked.');
    expect(w.text()).toContain('3 of 10 sessions');
    await w.get('input[type="password"]').setValue('correct horse battery');
    await w.get('form').trigger('submit');
    expect(w.emitted('unlock')).toEqual([['correct horse battery']]);
  });

  it('keeps the form through a refusal, shows only the new error, and empties it once the passphrase is on', async () => {
    const w = mount(PassphraseSettings, { props: { state: base } });
    const [first, again] = w.findAll('input[type="password"]');
    await first?.setValue('correct horse battery');
    await again?.setValue('correct horse batterx');
    await w.get('input[type="checkbox"]').setValue(true);
    await w.get('form').trigger('submit');
    await changeState(w, { error: 'The two passphrases are not the same.' });
    expect((first?.element as HTMLInputElement).value).toBe('correct horse battery');
    expect((w.get('input[type="checkbox"]').element as HTMLInputElement).checked).toBe(true);
    await again?.setValue('correct horse battery');
    await w.get('form').trigger('submit');
    await changeState(w, { error: 'Choose a passphrase of at least 8 characters.' });
    expect(w.findAll('[role="alert"]').map((a) => a.text())).toEqual(['Choose a passphrase of at least 8 characters.']);
    await changeState(w, { enabled: true, unlocked: true, error: null });
    await changeState(w, { enabled: false });
    expect(w.findAll('input[type="password"]').map((i) => (i.element as HTMLInputElement).value)).toEqual(['', '']);
  });

  it('says when turning on or off did not finish, and offers to finish it once unlocked', async () => {
    const w = mount(PassphraseSettings, {
      props: { state: { ...base, enabled: true, unlocked: false, pendingJob: 'seal' } },
    });
    expect(w.get('[data-testid="passphrase-pending"]').text()).toMatch(/did not finish.*Unlock to finish/s);
    expect(w.text()).not.toContain('protects your notes');
    await changeState(w, { unlocked: true });
    await w
      .findAll('button')
      .find((b) => b.text() === 'Finish now')
      ?.trigger('click');
    expect(w.emitted('resume')).toHaveLength(1);
  });
});
