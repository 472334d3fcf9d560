import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ImportFileButton from '@/components/ImportFileButton.vue';

/** Stands in for the person at the browser's file dialog: the next dialog opened picks `file`. */
function pickNext(file: File) {
  const opened: HTMLInputElement[] = [];
  vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
    opened.push(this);
    Object.defineProperty(this, 'files', { value: [file], configurable: true });
    this.dispatchEvent(new Event('change'));
  });
  return opened;
}

describe('ImportFileButton', () => {
  afterEach(() => vi.restoreAllMocks());

  it('opens a dialog for one JSON file and hands over its text and size', async () => {
    const opened = pickNext(new File(['{"format":"attune.session"}'], 'session.json', { type: 'application/json' }));
    const w = mount(ImportFileButton, { props: { label: 'Import a session export…' } });
    await w.get('button').trigger('click');
    await flushPromises();
    expect(opened[0]?.accept).toBe('application/json,.json');
    expect(opened[0]?.multiple).toBe(false);
    expect(w.emitted('pick')).toEqual([['{"format":"attune.session"}', 27]]);
    expect(w.find('[role="alert"]').exists()).toBe(false);
  });

  it('says the file could not be read, and hands over nothing, when reading it fails', async () => {
    const broken = new File(['x'], 'backup.json');
    vi.spyOn(broken, 'text').mockRejectedValue(new DOMException('gone', 'NotReadableError'));
    pickNext(broken);
    const w = mount(ImportFileButton, { props: { label: 'Import a backup…' } });
    await w.get('button').trigger('click');
    await flushPromises();
    expect(w.emitted('pick')).toBeUndefined();
    expect(w.get('[role="alert"]').text()).toBe(
      'Attune could not read backup.json. Nothing was imported; try choosing it again.',
    );
  });

  it('opens nothing while disabled', async () => {
    const opened = pickNext(new File(['{}'], 'a.json'));
    const w = mount(ImportFileButton, { props: { label: 'Import a backup…', disabled: true } });
    await w.get('button').trigger('click');
    expect(opened).toEqual([]);
  });
});
