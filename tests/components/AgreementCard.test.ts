import { describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import AgreementCard from '@/components/AgreementCard.vue';
import { emptyAgreement } from '@/utils/relationships/new-relationship';
import { AGREEMENT_PARTS } from '@/utils/relationships/agreement';
import type { MentoringAgreement } from '@/utils/db/types';
import { fakeRelationship } from '../support/records';

const full: MentoringAgreement = {
  ...emptyAgreement(),
  ...Object.fromEntries(AGREEMENT_PARTS.map((p) => [p.field, `${p.label} text`])),
};
const relationship = (agreement: MentoringAgreement) => ({
  mentorName: 'Alex',
  menteeName: 'Priya',
  agreement,
  stage: 'creating' as const,
});
const props = (agreement: MentoringAgreement) => ({ relationship: relationship(agreement) });

describe('AgreementCard', () => {
  it('says how much is left, and saves what was typed', async () => {
    const wrapper = mount(AgreementCard, { props: props(emptyAgreement()) });
    expect(wrapper.get('summary').text()).toContain('0 of 6 parts written, not yet acknowledged');
    const save = wrapper.get('button[type="submit"]');
    expect(save.attributes('disabled')).toBeDefined();
    await wrapper.get('#agreement-goals').setValue('Lead the launch review');
    expect(save.attributes('disabled')).toBeUndefined();
    await wrapper.get('form').trigger('submit');
    expect(wrapper.emitted('save')?.[0]?.[0]).toMatchObject({ goals: 'Lead the launch review', groundRules: '' });
  });

  it('lets each person acknowledge only a fully written agreement', async () => {
    const partial = mount(AgreementCard, { props: props({ ...full, ending: '' }) });
    const partialButtons = partial.findAll('.acks button');
    expect(partialButtons.map((b) => b.attributes('disabled'))).toEqual(['', '']);
    expect(partial.text()).toContain('Write every part');

    const wrapper = mount(AgreementCard, {
      props: props({ ...full, acknowledgements: [{ name: 'Alex', at: Date.UTC(2026, 10, 25) }] }),
    });
    expect(wrapper.get('summary').text()).toContain('6 of 6 parts written, waiting for Priya');
    expect(wrapper.text()).toContain('✓ Alex');
    await wrapper.get('.acks button').trigger('click');
    expect(wrapper.emitted('acknowledge')).toEqual([['Priya']]);
  });

  it('shows when both acknowledged it, and warns that changed words need it again', async () => {
    const at = Date.UTC(2026, 10, 25, 12);
    const wrapper = mount(AgreementCard, {
      props: props({
        ...full,
        acknowledgements: [
          { name: 'Alex', at },
          { name: 'Priya', at },
        ],
      }),
    });
    expect(wrapper.get('summary').text()).toMatch(/acknowledged by both on/);
    await wrapper.get('#agreement-cadence').setValue('Every week');
    expect(wrapper.text()).toContain('Changed words need both acknowledgements again.');
  });

  it('keeps what the mentor is typing when the saved agreement changes elsewhere', async () => {
    const wrapper = mount(AgreementCard, { props: props(emptyAgreement()) });
    await wrapper.get('#agreement-goals').setValue('My draft');
    await wrapper.setProps({
      relationship: relationship({ ...emptyAgreement(), goals: 'From the other panel', cadence: 'Monthly' }),
    });
    expect((wrapper.get('#agreement-goals').element as HTMLTextAreaElement).value).toBe('My draft');
    expect((wrapper.get('#agreement-cadence').element as HTMLTextAreaElement).value).toBe('Monthly');
  });

  it('opens on request with the cursor in the first empty part', async () => {
    const wrapper = mount(AgreementCard, {
      props: props({ ...emptyAgreement(), goals: 'Set' }),
      attachTo: document.body,
    });
    await wrapper.vm.open();
    expect((wrapper.get('details').element as HTMLDetailsElement).open).toBe(true);
    expect(document.activeElement?.id).toBe('agreement-groundRules');
    wrapper.unmount();
  });

  it('moves the relationship to another stage', async () => {
    const wrapper = mount(AgreementCard, { props: props(full) });
    await wrapper.get('select').setValue('building');
    expect(wrapper.emitted('stage')).toEqual([['building']]);
  });

  it('speaks of a co-coaching agreement between peers, not a mentoring one', () => {
    const wrapper = mount(AgreementCard, {
      props: { relationship: { ...relationship(emptyAgreement()), mode: 'co-coaching' as const } },
    });
    expect(wrapper.get('section').attributes('aria-label')).toBe('Co-coaching agreement');
    expect(wrapper.get('#agreement-goals').attributes('placeholder')).toBe(
      'What each of you wants to be able to do by the end',
    );
    expect(wrapper.html()).not.toMatch(/mentee|mentoring/i);
  });

  it('offers the agreement to the other person: copied as Markdown, or an e-mail draft to their address', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const w = mount(AgreementCard, {
      props: {
        relationship: {
          mentorName: 'Alex Morgan',
          menteeName: 'Priya Shah',
          agreement: fakeRelationship().agreement,
          stage: 'creating',
          menteeEmail: 'priya@example.org',
        },
      },
    });
    expect(w.get('[data-testid="agreement-email"]').attributes('href')).toMatch(/^mailto:priya@example\.org\?subject=/);
    await w
      .findAll('button')
      .find((b) => b.text() === 'Copy for Priya Shah (Markdown)')
      ?.trigger('click');
    await flushPromises();
    expect(writeText).toHaveBeenCalledWith(expect.stringMatching(/^# Mentoring agreement: Alex Morgan and Priya Shah/));
    expect(w.text()).toContain('Copied');
  });
});
