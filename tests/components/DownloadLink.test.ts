import { describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import { mount } from '@vue/test-utils';
import { resolveObjectURL } from 'node:buffer';
import DownloadLink from '@/components/DownloadLink.vue';
import { downloadOf } from '../support/download';

describe('DownloadLink', () => {
  it('links to exactly the content, typed and named for saving', async () => {
    const w = mount(DownloadLink, {
      props: { content: 'Action,Due\n"Send the draft, v2",2026-12-08', type: 'text/csv', name: 'actions.csv' },
      slots: { default: 'CSV' },
    });
    const a = w.get('a');
    expect(a.text()).toBe('CSV');
    expect(a.attributes('download')).toBe('actions.csv');
    expect(await downloadOf(a.attributes('href'))).toEqual({
      type: 'text/csv;charset=utf-8',
      text: 'Action,Due\n"Send the draft, v2",2026-12-08',
    });
  });

  it('lets go of the old file when the content changes, and of the last when the link goes', async () => {
    const w = mount(DownloadLink, { props: { content: 'one', type: 'text/plain', name: 'a.txt' } });
    const first = w.get('a').attributes('href') ?? '';
    await w.setProps({ content: 'two' });
    await nextTick();
    const second = w.get('a').attributes('href') ?? '';
    expect(second).not.toBe(first);
    expect(resolveObjectURL(first)).toBeUndefined();
    expect((await downloadOf(second)).text).toBe('two');
    w.unmount();
    expect(resolveObjectURL(second)).toBeUndefined();
  });
});
