import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import DataPanel from '@/components/dashboard/DataPanel.vue';

const props = {
  sessions: 12,
  relationships: 3,
  storage: { usage: 3_145_728, quota: 104_857_600 },
  retentionDays: null,
  busy: false,
};

describe('DataPanel', () => {
  it('asks for the backup’s passphrase only while a backup waits for it, and hands over what was typed', async () => {
    const w = mount(DataPanel, { props });
    expect(w.find('input[type=password]').exists()).toBe(false);
    await w.setProps({ passphraseNeeded: true });
    const field = w.get('input[type=password]');
    expect(w.get('form').attributes('aria-label')).toBe("The backup's passphrase");
    const submit = w.get('button[type=submit]');
    expect(submit.attributes('disabled')).toBeDefined();
    await field.setValue('the old laptop passphrase');
    expect(submit.attributes('disabled')).toBeUndefined();
    await w.get('form').trigger('submit');
    expect(w.emitted('import-passphrase')).toEqual([['the old laptop passphrase']]);
    // Not kept in the field once handed over.
    expect((field.element as HTMLInputElement).value).toBe('');
  });

  it('lets the waiting backup be set aside', async () => {
    const w = mount(DataPanel, { props: { ...props, passphraseNeeded: true } });
    await w
      .findAll('button')
      .find((b) => b.text() === 'Cancel')
      ?.trigger('click');
    expect(w.emitted('cancel-import')).toHaveLength(1);
  });

  it('says how much storage Attune uses and offers the retention periods', async () => {
    const w = mount(DataPanel, { props });
    expect(w.get('[data-testid=storage-used]').text()).toBe('Attune uses 3 MB of the 100 MB this browser allows it.');
    await w.get('select').setValue('365');
    expect(w.emitted('retention')).toEqual([[365]]);
    await w.get('select').setValue('');
    expect(w.emitted('retention')?.[1]).toEqual([null]);
  });
});
