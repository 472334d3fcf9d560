import { describe, expect, it } from 'vitest';
import { talkMetrics } from '@/utils/talk-time/metrics';

const seg = (start: number, end: number) => ({ start, end });

describe('talkMetrics', () => {
  it('shares the talk between mentor and mentee, counting overlaps for both', () => {
    const m = talkMetrics({ mentor: [seg(0, 4)], mentee: [seg(3, 9)] }, 10);
    expect(m.mentorSeconds).toBe(4);
    expect(m.menteeSeconds).toBe(6);
    expect(m.overlapSeconds).toBe(1);
    expect(m.mentorShare).toBeCloseTo(0.4);
    expect(m.silenceSeconds).toBe(1);
  });

  it('reports a share of 0 when nobody has spoken yet', () => {
    expect(talkMetrics({ mentor: [], mentee: [] }, 30).mentorShare).toBe(0);
  });

  it("treats an mm-hm during the other speaker's talk as a backchannel, not a turn", () => {
    const m = talkMetrics({ mentor: [seg(3, 3.4)], mentee: [seg(0, 8)] }, 10);
    expect(m.mentorTurns).toBe(0);
    expect(m.mentorBackchannels).toBe(1);
    expect(m.mentorSeconds).toBeCloseTo(0.4);
    expect(m.interruptions).toBe(0);
  });

  it('counts a mentor turn that starts while the mentee speaks as an interruption', () => {
    const m = talkMetrics({ mentor: [seg(5, 9)], mentee: [seg(0, 6)] }, 10);
    expect(m.interruptions).toBe(1);
  });

  it('does not let a backchannel from the mentee end a mentor monologue', () => {
    const m = talkMetrics({ mentor: [seg(0, 10), seg(10.6, 30)], mentee: [seg(9.8, 10.3)] }, 31);
    expect(m.longestMentorMonologueSeconds).toBe(30);
    expect(m.mentorTurns).toBe(1);
  });

  it('ends a mentor monologue at each short reply in a rapid exchange, not only at replies of a second or more', () => {
    const m = talkMetrics(
      {
        mentor: [seg(0, 1.5), seg(2, 3.5), seg(4, 5.5)],
        mentee: [seg(1.55, 1.95), seg(3.55, 3.95)],
      },
      6,
    );
    expect(m.longestMentorMonologueSeconds).toBe(1.5);
    expect(m.currentMentorMonologueSeconds).toBe(1.5);
  });

  it("does not let a sound of the mentee's under 300 ms in the mentor's pause end a monologue", () => {
    const m = talkMetrics({ mentor: [seg(0, 5), seg(5.5, 10)], mentee: [seg(5.1, 5.3)] }, 11);
    expect(m.longestMentorMonologueSeconds).toBe(10);
  });

  it('ends a mentor monologue when the mentee takes the floor', () => {
    const m = talkMetrics({ mentor: [seg(0, 10), seg(13, 20)], mentee: [seg(10.5, 12.5)] }, 21);
    expect(m.longestMentorMonologueSeconds).toBe(10);
    expect(m.mentorTurns).toBe(2);
  });

  it("measures the wait between the mentor's turn and the mentee's reply", () => {
    const m = talkMetrics({ mentor: [seg(0, 3), seg(10, 12)], mentee: [seg(5, 9), seg(18, 20)] }, 20);
    expect(m.waitAfterMentor.count).toBe(2);
    expect(m.waitAfterMentor.meanSeconds).toBe(4);
    expect(m.waitAfterMentor.longestSeconds).toBe(6);
    expect(m.waitAfterMentor.lastSeconds).toBe(6);
  });

  it("shows the silence growing after the mentor's question, and the monologue under way", () => {
    expect(talkMetrics({ mentor: [seg(0, 3)], mentee: [] }, 9).currentWaitSeconds).toBe(6);
    expect(talkMetrics({ mentor: [seg(0, 3)], mentee: [] }, 3.5).currentMentorMonologueSeconds).toBe(3);
    expect(talkMetrics({ mentor: [seg(0, 3)], mentee: [seg(4, 6)] }, 7).currentWaitSeconds).toBe(0);
  });

  it('computes the share over the last five minutes separately', () => {
    const m = talkMetrics({ mentor: [seg(0, 300)], mentee: [seg(300, 600)] }, 600);
    expect(m.mentorShare).toBeCloseTo(0.5);
    expect(m.lastFiveMinutes.mentorShare).toBe(0);
    expect(m.lastFiveMinutes.menteeSeconds).toBe(300);
  });

  it('lays the talk out minute by minute, splitting segments at minute boundaries', () => {
    const m = talkMetrics({ mentor: [seg(50, 70)], mentee: [seg(65, 130)] }, 130);
    expect(m.timeline).toEqual([
      { minute: 0, mentorSeconds: 10, menteeSeconds: 0, overlapSeconds: 0 },
      { minute: 1, mentorSeconds: 10, menteeSeconds: 55, overlapSeconds: 5 },
      { minute: 2, mentorSeconds: 0, menteeSeconds: 10, overlapSeconds: 0 },
    ]);
  });
});
