import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import ListeningReport from '@/components/dashboard/ListeningReport.vue';
import { EMPTY_MOVE_COUNTS } from '@/utils/listening/follow';

const T0 = Date.UTC(2026, 2, 3, 10, 0, 0);
const moves = {
  counts: { ...EMPTY_MOVE_COUNTS, restating: 1, advice: 2, open: 1 },
  turns: [
    { at: T0 + 2000, move: 'restating' as const },
    { at: T0 + 6000, move: 'advice' as const },
    { at: T0 + 9000, move: 'advice' as const },
    { at: T0 + 12_000, move: 'open' as const },
  ],
};
const transcript = [
  { speaker: 'Priya Shah', text: 'I work every weekend.', at: T0, endedAt: T0 + 1000 },
  { speaker: 'You', text: 'So the cost is your weekends.', at: T0 + 1500, endedAt: T0 + 2000 },
  { speaker: 'You', text: 'You should say no.', at: T0 + 5000, endedAt: T0 + 6000 },
  { speaker: 'You', text: 'Put the launch first.', at: T0 + 8000, endedAt: T0 + 9000 },
  { speaker: 'You', text: 'What would help most?', at: T0 + 11_000, endedAt: T0 + 12_000 },
];

describe('ListeningReport', () => {
  it('shows the moves per session, the listening ratio and the words behind each count when the transcript was kept', () => {
    const wrapper = mount(ListeningReport, { props: { moves, transcript } });
    expect(wrapper.text()).toContain('Listening ratio 50%');
    expect(wrapper.get('[data-move="advice"]').text()).toContain('2');
    expect(
      wrapper
        .get('[data-move="advice"]')
        .findAll('li')
        .map((li) => li.text()),
    ).toEqual(['“You should say no.”', '“Put the launch first.”']);
    expect(wrapper.get('[data-move="restating"]').find('li').text()).toBe('“So the cost is your weekends.”');
  });

  it('keeps only the counts when the transcript was not kept, and says so', () => {
    const wrapper = mount(ListeningReport, { props: { moves, transcript: null } });
    expect(wrapper.findAll('details')).toHaveLength(0);
    expect(wrapper.text()).toContain('The transcript was not kept');
  });

  it('says the moves were not counted for a session without captions', () => {
    const wrapper = mount(ListeningReport, { props: { moves: undefined, transcript: null } });
    expect(wrapper.text()).toContain('Not counted: captions were not read in this session.');
  });
});
