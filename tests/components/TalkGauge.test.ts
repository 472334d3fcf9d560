import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import TalkGauge from '@/components/TalkGauge.vue';

const base = {
  source: 'audio' as const,
  mentorShare: 0.55,
  mentorSeconds: 330,
  menteeSeconds: 270,
  recentShare: 0.3,
  recentTalkSeconds: 200,
  band: { minMentorShare: 0, maxMentorShare: 0.4 },
  modeName: 'Mentoring',
  monologueSeconds: 0,
  silenceSeconds: 0,
  nudge: null,
  mic: 'on' as const,
  highlightFound: true,
  live: true,
};

describe('TalkGauge', () => {
  it('shows the share as a meter with the target band, in words as well', () => {
    const wrapper = mount(TalkGauge, { props: base });
    const meter = wrapper.get('[role="meter"]');
    expect(meter.attributes('aria-valuenow')).toBe('55');
    expect(meter.attributes('aria-valuetext')).toBe('You: 55% of the talk, above your target. Target up to 40%.');
    expect(wrapper.get('[data-testid="talk-recent"]').text()).toBe('30%, within your target');
    expect(wrapper.text()).toContain('5:30 / 4:30');
    expect(wrapper.get('.band').attributes('style')).toContain('width: 40%');
  });

  it('says when captions stand in for the highlight, and suggests them while neither is there', () => {
    const blind = mount(TalkGauge, {
      props: { ...base, source: 'active-speaker', mic: 'denied', highlightFound: false },
    });
    expect(
      blind
        .findAll('[role="status"]')
        .map((s) => s.text())
        .join(' '),
    ).toContain('Turning captions on lets Attune time the talk from them');
    const captions = mount(TalkGauge, { props: { ...base, source: 'captions', mic: 'denied', highlightFound: false } });
    expect(captions.get('[data-testid="talk-source"]').text()).toBe('captions');
    expect(captions.get('.source').text()).toContain('timing of the captions');
    expect(captions.get('[data-testid="speaker-hidden"]').text()).toContain('times the talk from the captions instead');
    const seen = mount(TalkGauge, { props: { ...base, source: 'captions', mic: 'denied', highlightFound: true } });
    expect(seen.find('[data-testid="speaker-hidden"]').exists()).toBe(false);
  });

  it('never says nobody has spoken when it cannot see who is speaking', () => {
    const empty = {
      ...base,
      source: 'active-speaker' as const,
      mic: 'denied' as const,
      mentorShare: null,
      mentorSeconds: 0,
      menteeSeconds: 0,
      recentShare: null,
    };
    const hidden = mount(TalkGauge, { props: { ...empty, highlightFound: true, speakerHidden: true } });
    expect(hidden.get('[data-testid="talk-summary"]').text()).toBe(
      'No talk measured yet: Attune can’t see who is speaking here.',
    );
    expect(hidden.get('[data-testid="speaker-hidden"]').text()).toContain(
      'Turning captions on lets Attune time the talk from them',
    );
    const captions = mount(TalkGauge, {
      props: { ...empty, source: 'captions', highlightFound: true, speakerHidden: true },
    });
    expect(captions.get('[data-testid="speaker-hidden"]').text()).toContain('times the talk from the captions instead');
    const quiet = mount(TalkGauge, { props: { ...empty, highlightFound: true, speakerHidden: false } });
    expect(quiet.get('[data-testid="talk-summary"]').text()).toBe('Nobody has spoken yet.');
    expect(quiet.find('[data-testid="speaker-hidden"]').exists()).toBe(false);
  });

  it('labels the source and says no audio is kept', () => {
    expect(mount(TalkGauge, { props: base }).get('.source').text()).toContain(
      'microphone and the call’s audio. No audio is stored or sent.',
    );
    const fallback = mount(TalkGauge, { props: { ...base, source: 'active-speaker', mic: 'denied' } });
    expect(fallback.get('[data-testid="talk-source"]').text()).toBe('active speaker');
    expect(fallback.text()).toContain('The microphone is blocked for Attune');
    expect(fallback.text()).toContain('Nothing measured so far is lost');
  });

  it('asks for the microphone when it was never granted', async () => {
    const wrapper = mount(TalkGauge, { props: { ...base, source: 'active-speaker', mic: 'needs-permission' } });
    await wrapper.get('button').trigger('click');
    expect(wrapper.emitted('allow-mic')).toHaveLength(1);
  });

  it('does not judge the share before enough has been said', () => {
    const wrapper = mount(TalkGauge, { props: { ...base, mentorSeconds: 8, menteeSeconds: 4, mentorShare: 0.67 } });
    expect(wrapper.get('[data-testid="talk-summary"]').text()).toBe(
      'You: 67% of the talk, not enough talk yet to judge.',
    );
  });

  it('shows the current monologue and the silence timer while the call runs', () => {
    const wrapper = mount(TalkGauge, { props: { ...base, monologueSeconds: 75, silenceSeconds: 6 } });
    expect(wrapper.text()).toContain('You’ve been talking for 1:15.');
    expect(wrapper.get('[role="timer"]').text()).toBe('Silence 0:06: let the silence work.');
    const ended = mount(TalkGauge, { props: { ...base, monologueSeconds: 75, silenceSeconds: 6, live: false } });
    expect(ended.find('[role="timer"]').exists()).toBe(false);
  });

  it('shows a nudge that can be dismissed', async () => {
    const wrapper = mount(TalkGauge, {
      props: { ...base, nudge: { kind: 'monologue', text: 'A question could hand the floor back.' } },
    });
    await wrapper.get('button[aria-label="Dismiss this nudge"]').trigger('click');
    expect(wrapper.emitted('dismiss-nudge')).toHaveLength(1);
  });

  it('lets the mentor set their own target band or go back to the default', async () => {
    const wrapper = mount(TalkGauge, { props: base });
    await wrapper.get('input[aria-label^="Lowest"]').setValue(10);
    await wrapper.get('input[aria-label^="Highest"]').setValue(35);
    await wrapper.get('form').trigger('submit');
    expect(wrapper.emitted('set-target')?.[0]).toEqual([{ minMentorShare: 0.1, maxMentorShare: 0.35 }]);
    await wrapper.get('button[type="button"]:last-of-type').trigger('click');
    expect(wrapper.emitted('set-target')?.[1]).toEqual([null]);
  });

  it('says so when nobody has spoken yet', () => {
    const wrapper = mount(TalkGauge, {
      props: { ...base, mentorShare: null, recentShare: null, mentorSeconds: 0, menteeSeconds: 0 },
    });
    expect(wrapper.get('[data-testid="talk-summary"]').text()).toBe('Nobody has spoken yet.');
    expect(wrapper.get('[role="meter"]').attributes('aria-valuenow')).toBeUndefined();
  });

  it('shows no share until enough talk was heard: two seconds of greeting are not “You: 100%”', () => {
    const wrapper = mount(TalkGauge, {
      props: { ...base, mentorSeconds: 2, menteeSeconds: 0, mentorShare: 1, recentShare: 1, recentTalkSeconds: 2 },
    });
    expect(wrapper.get('[data-testid="talk-summary"]').text()).toBe(
      'Listening: 2 s of talk so far; your share shows after 10 s.',
    );
    expect(wrapper.get('[role="meter"]').attributes('aria-valuenow')).toBeUndefined();
    expect(wrapper.find('.mark').exists()).toBe(false);
    expect(wrapper.get('[data-testid="talk-recent"]').text()).toBe('—');
    expect(wrapper.get('[data-testid="talk-summary"]').text()).not.toContain('100%');
  });

  it('names both marks and the band in a legend', () => {
    const legend = mount(TalkGauge, { props: base }).get('[data-testid="talk-legend"]').text();
    expect(legend).toContain('whole session');
    expect(legend).toContain('last 5 minutes');
    expect(legend).toContain('your target');
  });

  it('makes being above the target visible without reading a number, and only then', async () => {
    const wrapper = mount(TalkGauge, { props: base });
    expect(wrapper.get('.mark.whole').classes()).toContain('above');
    expect(wrapper.get('[data-testid="talk-above"]').text()).toContain('Above your target');
    expect(wrapper.get('.over').attributes('style')).toContain('left: 40%');
    await wrapper.setProps({ mentorShare: 0.3 });
    expect(wrapper.get('.mark.whole').classes()).not.toContain('above');
    expect(wrapper.find('[data-testid="talk-above"]').exists()).toBe(false);
  });

  it('claims no share, figures or monologue while the room is too loud to tell voices apart', () => {
    const loud = mount(TalkGauge, { props: { ...base, monologueSeconds: 45, roomTooLoud: true } });
    const meter = loud.get('[role="meter"]');
    expect(meter.attributes('aria-valuenow')).toBeUndefined();
    expect(loud.find('.mark.whole').exists()).toBe(false);
    expect(loud.find('.mark.recent').exists()).toBe(false);
    expect(loud.find('[data-testid="talk-above"]').exists()).toBe(false);
    expect(loud.get('[data-testid="talk-summary"]').text()).toMatch(/can’t tell which talk is yours/);
    expect(loud.get('[data-testid="room-too-loud"]').attributes('role')).toBe('status');
    expect(loud.get('[data-testid="talk-recent"]').text()).toBe('—');
    expect(loud.text()).not.toContain('5:30 / 4:30');
    expect(loud.text()).not.toContain('You’ve been talking');
  });
});
