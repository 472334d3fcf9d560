import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import TalkTargetForm from '@/components/TalkTargetForm.vue';
import TalkTargetsForm from '@/components/dashboard/TalkTargetsForm.vue';
import { bandsForEveryMode } from '@/utils/talk-time/target-band';

describe('the talk-target form', () => {
  it('shows the band in percent, saves the ends typed as a band, and follows a band changed elsewhere', async () => {
    const w = mount(TalkTargetForm, { props: { band: { minMentorShare: 0.2, maxMentorShare: 0.3 } } });
    const [low, high] = w.findAll('input');
    expect([low?.element.value, high?.element.value]).toEqual(['20', '30']);
    expect(w.find('button[type="button"]').exists()).toBe(false);
    await low?.setValue(15);
    await w.get('form').trigger('submit');
    expect(w.emitted('save')).toEqual([[{ minMentorShare: 0.15, maxMentorShare: 0.3 }]]);
    await w.setProps({ band: { minMentorShare: 0.4, maxMentorShare: 0.6 } });
    expect(w.findAll('input').map((i) => i.element.value)).toEqual(['40', '60']);
  });

  it('offers Default where asked for', async () => {
    const w = mount(TalkTargetForm, { props: { band: { minMentorShare: 0, maxMentorShare: 0.4 }, withDefault: true } });
    await w.get('button[type="button"]').trigger('click');
    expect(w.emitted('default')).toHaveLength(1);
  });

  it('in the dashboard, gives each mode its own form and says which mode a save is for', async () => {
    const w = mount(TalkTargetsForm, { props: { targets: bandsForEveryMode({}) } });
    const coCoaching = w.get('form[aria-label="Co-coaching talk target"]');
    expect(coCoaching.findAll('input').map((i) => i.element.value)).toEqual(['40', '60']);
    await coCoaching.get('input[name="max"]').setValue(55);
    await coCoaching.trigger('submit');
    expect(w.emitted('save')).toEqual([['co-coaching', { minMentorShare: 0.4, maxMentorShare: 0.55 }]]);
  });
});
