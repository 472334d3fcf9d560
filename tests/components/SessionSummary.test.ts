import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import SessionSummary from '@/components/SessionSummary.vue';
import SummarySettings from '@/components/SummarySettings.vue';
import { DEFAULT_SUMMARY_SETTINGS } from '@/utils/summary/settings';
import type { StoredSummary } from '@/utils/db/types';
import { fakeStoredSummary } from '../support/records';

const base = {
  enabled: true,
  host: 'api.openai.com',
  consentAt: null,
  summary: null,
  preview: '## People\nMentor: the mentor',
  status: 'idle' as const,
  writtenChars: 0,
  error: null,
  redaction: { emails: true, phoneNumbers: true, names: false },
  captured: [{ owner: 'Priya', action: 'Send the draft CV' }],
};
const made: StoredSummary = fakeStoredSummary({
  insights: ['“I rewrite their work.”'],
  agreedActions: [
    { owner: 'Priya', action: 'send the draft CV', due: null },
    { owner: 'Alex', action: 'Introduce Priya to Dana', due: '2026-12-01' },
  ],
});

describe('SessionSummary', () => {
  it('says it is off, and offers nothing to send, until summaries are turned on', () => {
    const wrapper = mount(SessionSummary, { props: { ...base, enabled: false } });
    expect(wrapper.text()).toContain('Off. Nothing leaves this computer.');
    expect(wrapper.find('button').exists()).toBe(false);
  });

  it('offers to make a summary only once both agreed, with what will be sent', async () => {
    const wrapper = mount(SessionSummary, { props: base });
    expect(wrapper.text()).not.toContain('Make summary');
    await wrapper.get('input[type="checkbox"]').setValue(true);
    expect(wrapper.emitted('consent')).toEqual([[true]]);
    await wrapper.setProps({ consentAt: 5 });
    expect(wrapper.get('[data-testid="summary-preview"]').text()).toContain('Mentor: the mentor');
    expect(wrapper.text()).toContain('What will be sent to api.openai.com');
    await wrapper.findAll('fieldset input')[2]!.setValue(true);
    expect(wrapper.emitted('redaction')).toEqual([[{ emails: true, phoneNumbers: true, names: true }]]);
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Make summary')!
      .trigger('click');
    expect(wrapper.emitted('generate')).toHaveLength(1);
  });

  it('shows progress while writing, and a retry after a failure', async () => {
    const wrapper = mount(SessionSummary, { props: { ...base, consentAt: 5, status: 'writing', writtenChars: 0 } });
    expect(wrapper.get('[role="status"]').text()).toContain('waiting for the model');
    expect(wrapper.get('[role="status"]').text()).not.toContain('0 characters');
    expect(wrapper.get('fieldset').attributes('disabled')).toBeDefined();
    await wrapper.setProps({ writtenChars: 120 });
    expect(wrapper.get('[role="status"]').text()).toContain('Writing… 120 characters');
    await wrapper.setProps({ status: 'failed', error: 'The summary service is busy.', writtenChars: 0 });
    expect(wrapper.get('[role="alert"]').text()).toBe('The summary service is busy.');
    expect(wrapper.text()).toContain('Try again');
  });

  it('sets the summary’s actions beside the captured ones, never replacing them', async () => {
    const wrapper = mount(SessionSummary, { props: { ...base, summary: made } });
    const items = wrapper.findAll('.action');
    expect(items[0]!.text()).toContain('captured');
    await items[1]!.get('button').trigger('click');
    expect(wrapper.emitted('capture')).toEqual([['Alex: Introduce Priya to Dana by 2026-12-01']]);
  });

  it('edits and deletes the summary', async () => {
    const wrapper = mount(SessionSummary, { props: { ...base, summary: made } });
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Edit')!
      .trigger('click');
    await wrapper.get('#summary-themes').setValue('Delegation\n\nTrust ');
    await wrapper.get('form').trigger('submit');
    expect(wrapper.emitted('save')?.[0]?.[0]).toMatchObject({
      themes: ['Delegation', 'Trust'],
      nextFocus: 'The handover.',
    });
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Delete summary')!
      .trigger('click');
    expect(wrapper.emitted('remove')).toBeUndefined();
    await wrapper.get('.confirm-remove .confirm').trigger('click');
    expect(wrapper.emitted('remove')).toHaveLength(1);
  });

  it('asks before deleting the summary, and keeping it deletes nothing and puts focus back', async () => {
    const wrapper = mount(SessionSummary, { props: { ...base, summary: made }, attachTo: document.body });
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Delete summary')!
      .trigger('click');
    await new Promise((r) => setTimeout(r));
    expect(wrapper.get('.confirm-remove').text()).toContain('It cannot be brought back');
    expect(document.activeElement?.textContent).toBe('Keep it');
    await wrapper.get('.confirm-remove .keep').trigger('click');
    await new Promise((r) => setTimeout(r));
    expect(wrapper.emitted('remove')).toBeUndefined();
    expect(wrapper.find('.confirm-remove').exists()).toBe(false);
    expect(document.activeElement?.textContent).toBe('Delete summary');
    wrapper.unmount();
  });
});

describe('SummarySettings', () => {
  it('keeps the key in a password field and saves what was typed', async () => {
    const wrapper = mount(SummarySettings, { props: { settings: DEFAULT_SUMMARY_SETTINGS, error: null } });
    expect(wrapper.get('#summary-key').attributes('type')).toBe('password');
    await wrapper.get('input[type="checkbox"]').setValue(true);
    await wrapper.get('#summary-endpoint').setValue('http://localhost:11434/v1');
    await wrapper.get('#summary-model').setValue('llama3.1');
    await wrapper.get('form').trigger('submit');
    expect(wrapper.emitted('save')).toEqual([
      [{ enabled: true, baseURL: 'http://localhost:11434/v1', model: 'llama3.1', apiKey: '' }],
    ]);
  });
});
