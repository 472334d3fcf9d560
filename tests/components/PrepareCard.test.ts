import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import PrepareCard from '@/components/PrepareCard.vue';
import PlanReminder from '@/components/PlanReminder.vue';
import { prepareGlance } from '@/utils/relationships/prepare';
import type { StoredSummary } from '@/utils/db/types';
import { fakeCommitment, fakeRelationship, fakeSession } from '../support/records';

const NOW = new Date(2026, 11, 4, 10, 0);
const rel = fakeRelationship();
const summary: StoredSummary = {
  themes: [],
  insights: [],
  agreedActions: [],
  nextFocus: 'Practise the budget conversation',
  model: 'm',
  madeAt: 1,
  edited: true,
};
const last = fakeSession({ id: 'last', startedAt: NOW.getTime() - 7 * 86_400_000, endedAt: 1, summary });
const commitments = [
  fakeCommitment({ id: 'late', action: 'Send the plan', due: '2026-12-01' }),
  fakeCommitment({ id: 'soon', action: 'Book the room', due: '2026-12-08' }),
];
const stages = [
  { id: 'goal', name: 'Goal', minutes: 10 },
  { id: 'reality', name: 'Reality', minutes: null },
];

function mountCard(unlocked = true, sealed = false) {
  const session = sealed ? { ...last, notes: '', summary: null, sealed: { iv: 'a', data: 'b' } } : last;
  return mount(PrepareCard, {
    props: {
      relationships: [{ id: rel.id, label: 'Alex Morgan & Priya Shah' }],
      chosenId: rel.id,
      glance: prepareGlance({ relationship: rel, sessions: [session], commitments, unlocked, now: NOW }),
      models: [{ id: 'grow', name: 'GROW' }],
      modelId: 'grow',
      stages,
    },
  });
}

describe('PrepareCard', () => {
  it("shows the last session's focus, notes, agreement and open commitments with the overdue one marked", () => {
    const wrapper = mountCard();
    expect(wrapper.get('[data-testid="prepare-focus"]').text()).toBe('Practise the budget conversation');
    expect(wrapper.get('[data-testid="prepare-notes"]').text()).toContain('delegation');
    expect(wrapper.get('[data-testid="prepare-agreement"]').text()).toContain('3 parts still to write');
    const overdue = wrapper.findAll('li[data-overdue]');
    expect(overdue).toHaveLength(1);
    expect(overdue[0]?.text()).toContain('Send the plan');
    expect(overdue[0]?.text()).toContain('overdue');
    const soon = wrapper.findAll('li').find((li) => li.text().includes('Book the room'));
    expect(soon?.text()).toContain('due 2026-12-08');
    expect(soon?.text()).not.toContain('overdue');
  });

  it('says the notes and focus are locked rather than showing nothing', () => {
    const wrapper = mountCard(false, true);
    expect(wrapper.get('[data-testid="prepare-notes"]').text()).toContain('The notes are locked');
    expect(wrapper.get('[data-testid="prepare-focus"]').text()).toContain('Locked');
  });

  it('hands over the plan as typed: minutes per stage (blank for none) and the opening question', async () => {
    const wrapper = mountCard();
    const inputs = wrapper.findAll('input[type="number"]');
    expect((inputs[0]?.element as HTMLInputElement).value).toBe('10');
    await inputs[0]?.setValue('15');
    await inputs[1]?.setValue('');
    await wrapper.get('textarea').setValue('What has changed since we last spoke?');
    await wrapper.get('form').trigger('submit');
    expect(wrapper.emitted('save')).toEqual([
      [{ stageMinutes: { goal: 15, reality: null }, openingQuestion: 'What has changed since we last spoke?' }],
    ]);
  });

  it('keeps what the mentor typed when the plan is drawn again, and starts again for another relationship', async () => {
    const wrapper = mountCard();
    const minutes = () => wrapper.findAll('input[type="number"]').map((i) => (i.element as HTMLInputElement).value);
    await wrapper.findAll('input[type="number"]')[0]?.setValue('25');
    await wrapper.get('textarea').setValue('What went well?');
    // The stages drawn again (a plan kept from the dashboard gives Reality 5 minutes): the typed
    // Goal and question stay, the untouched Reality follows.
    await wrapper.setProps({
      stages: [stages[0]!, { ...stages[1]!, minutes: 5 }],
      openingQuestion: 'From the dashboard',
    });
    expect(minutes()).toEqual(['25', '5']);
    expect((wrapper.get('textarea').element as HTMLTextAreaElement).value).toBe('What went well?');
    await wrapper.setProps({ chosenId: 'another', stages: [...stages], openingQuestion: '' });
    expect(minutes()).toEqual(['10', '']);
    expect((wrapper.get('textarea').element as HTMLTextAreaElement).value).toBe('');
  });

  it('asks for another relationship or model through events', async () => {
    const wrapper = mountCard();
    await wrapper.findAll('select')[1]?.setValue('grow');
    expect(wrapper.emitted('model')).toEqual([['grow']]);
    await wrapper.findAll('select')[0]?.trigger('change');
    expect(wrapper.emitted('choose')).toEqual([[rel.id]]);
  });

  it('invites the mentor to link a call first when there is no relationship yet', () => {
    const wrapper = mount(PrepareCard, {
      props: { relationships: [], chosenId: null, glance: null, models: [], modelId: null, stages: [] },
    });
    expect(wrapper.text()).toContain('Once you have linked a call to a relationship');
    expect(wrapper.find('form').exists()).toBe(false);
  });
});

describe('PlanReminder', () => {
  it('shows the opening question and planned minutes, and a gentle nudge when a stage runs over', () => {
    const wrapper = mount(PlanReminder, {
      props: {
        openingQuestion: 'What would make today useful?',
        stages,
        currentStageId: 'goal',
        nudge: { stageId: 'goal', plannedMinutes: 10, overMinutes: 3 },
      },
    });
    expect(wrapper.text()).toContain('What would make today useful?');
    expect(wrapper.get('[aria-current="step"]').text()).toContain('Goal 10 min');
    expect(wrapper.get('[role="status"]').text()).toContain('Goal has gone 3 min past the 10 you planned');
  });

  it('says nothing about time while the stage is within its plan', () => {
    const wrapper = mount(PlanReminder, {
      props: { openingQuestion: '', stages, currentStageId: 'goal', nudge: null },
    });
    expect(wrapper.find('[role="status"]').exists()).toBe(false);
    expect(wrapper.text()).not.toContain('Open with');
  });
});
