import { describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import DataPanel from '@/components/dashboard/DataPanel.vue';
import { downloadOf } from '../../support/download';

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

  it('saves a backup as soon as it is made, and keeps its link for saving it again', async () => {
    const saved: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const w = mount(DataPanel, { props });
    expect(w.find('a[download]').exists()).toBe(false);
    await w.setProps({ backup: { name: 'attune-backup-2026-12-05.json', content: '{"format":"attune.backup"}' } });
    await flushPromises();
    expect(saved).toEqual(['attune-backup-2026-12-05.json']);
    const link = w.get('a[download]');
    expect(link.text()).toBe('Save attune-backup-2026-12-05.json again');
    expect(await downloadOf(link.attributes('href'))).toEqual({
      type: 'application/json;charset=utf-8',
      text: '{"format":"attune.backup"}',
    });
    click.mockRestore();
  });
});
