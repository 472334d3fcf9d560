import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import CaptionQuestions from '@/components/CaptionQuestions.vue';

const base = {
  reading: true,
  statusSentence: null,
  tallies: { open: 3, closed: 1, leading: 0, stacked: 1 },
  flagged: null,
  keepTranscript: false,
  lines: 12,
  error: null,
};

describe('CaptionQuestions', () => {
  it('is off until the mentor turns captions on for the session', async () => {
    const wrapper = mount(CaptionQuestions, { props: { ...base, reading: false } });
    expect(wrapper.find('[data-testid="question-tally"]').exists()).toBe(false);
    await wrapper.get('input[type="checkbox"]').setValue(true);
    expect(wrapper.emitted('reading')).toEqual([[true]]);
  });

  it('shows the counts and the open-question ratio', () => {
    const wrapper = mount(CaptionQuestions, { props: base });
    expect(wrapper.get('[data-testid="question-tally"]').text()).toBe(
      'Your questions: 3 open · 1 closed · 0 leading — 75% open; 1 asked several at once',
    );
  });

  it('says when two people show the same name and their lines count for no one', () => {
    expect(mount(CaptionQuestions, { props: base }).find('[data-testid="shared-name"]').exists()).toBe(false);
    const wrapper = mount(CaptionQuestions, { props: { ...base, sharedName: 'Alex Morgan' } });
    expect(wrapper.get('[data-testid="shared-name"]').text()).toContain('“Alex Morgan”');
  });

  it('shows a closed question just asked with its open rephrasing, dismissibly', async () => {
    const wrapper = mount(CaptionQuestions, {
      props: {
        ...base,
        flagged: { text: 'did you tell him', kind: 'closed', suggestion: 'What did you tell him?', at: 1 },
      },
    });
    expect(wrapper.get('.flag').text()).toContain('Closed: “did you tell him”');
    expect(wrapper.get('.flag').text()).toContain('Try: “What did you tell him?”');
    await wrapper.get('.flag button').trigger('click');
    expect(wrapper.emitted('dismiss')).toHaveLength(1);
  });

  it('says how to switch captions on when the platform has them off, and offers to keep the transcript', async () => {
    const wrapper = mount(CaptionQuestions, {
      props: { ...base, statusSentence: 'Captions are off in Meet. Press C.' },
    });
    expect(wrapper.get('[role="status"]').text()).toBe('Captions are off in Meet. Press C.');
    await wrapper.findAll('input[type="checkbox"]')[1]!.setValue(true);
    expect(wrapper.emitted('keep')).toEqual([[true]]);
    expect(wrapper.text()).toContain('(12 lines)');
  });
});
