import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTalkTimeAnalyser } from '@/utils/talk-time/analyser';
import { createSegmentFeed } from '@/utils/talk-time/segment-feed';
import { createSegmentLog, foldTalk, NOTHING_SAVED, shiftSegments } from '@/utils/talk-time/live-tally';
import { talkMetrics } from '@/utils/talk-time/metrics';
import { readWav } from '@/utils/talk-time/wav';

const corpus = (scenario: string, channel: 'mic' | 'tab') =>
  readWav(readFileSync(`tests/fixtures/audio/${scenario}/${channel}.wav`));

describe('live tally', () => {
  it('rebuilds the analyser’s segments exactly from small feed updates of a real recording', () => {
    const mic = corpus('speaker-leak-quiet', 'mic');
    const tab = corpus('speaker-leak-quiet', 'tab');
    const analyser = createTalkTimeAnalyser({ micSampleRate: mic.sampleRate, tabSampleRate: tab.sampleRate });
    const feed = createSegmentFeed(analyser);
    const logs = { mentor: createSegmentLog(), mentee: createSegmentLog() };
    const block = 128;
    const perUpdate = Math.round(mic.sampleRate / 4 / block);
    let blocks = 0;
    let updates = 0;
    const apply = () => {
      const update = feed.next();
      updates += 1;
      for (const who of ['mentor', 'mentee'] as const) {
        expect(update[who].from).toBe(logs[who].closedCount);
        logs[who].append(update[who].closed);
        logs[who].setOpen(update[who].open);
      }
    };
    for (let at = 0; at < mic.samples.length; at += block) {
      analyser.pushFrames(mic.samples.subarray(at, at + block), tab.samples.subarray(at, at + block));
      blocks += 1;
      if (blocks % perUpdate === 0) apply();
    }
    analyser.end();
    apply();
    expect(updates).toBeGreaterThan(20);
    expect({ mentor: logs.mentor.segments(), mentee: logs.mentee.segments() }).toEqual(analyser.segments());
  });

  it('sends everything again after full()', () => {
    const mic = corpus('headphones', 'mic');
    const tab = corpus('headphones', 'tab');
    const analyser = createTalkTimeAnalyser({ micSampleRate: mic.sampleRate, tabSampleRate: tab.sampleRate });
    const feed = createSegmentFeed(analyser);
    analyser.pushFrames(mic.samples, tab.samples);
    analyser.end();
    expect(feed.next().mentor.closed.length).toBeGreaterThan(0);
    expect(feed.next().mentor.closed).toEqual([]);
    feed.full();
    expect(feed.next().mentor).toMatchObject({ from: 0, closed: analyser.segments().mentor });
  });

  it('turns active-speaker highlights into segments, the one under way running to now', () => {
    const log = createSegmentLog();
    log.mark(true, 2);
    log.mark(true, 3);
    log.mark(false, 5);
    log.mark(false, 6);
    log.mark(true, 8);
    expect(log.segments(9.5)).toEqual([
      { start: 2, end: 5 },
      { start: 8, end: 9.5 },
    ]);
  });

  it('moves a capture’s segments onto the session clock', () => {
    expect(shiftSegments([{ start: 1, end: 2 }], 90)).toEqual([{ start: 91, end: 92 }]);
  });

  it('adds a new run to what an earlier panel saved, minute by minute', () => {
    const first = foldTalk(
      NOTHING_SAVED,
      talkMetrics({ mentor: [{ start: 10, end: 40 }], mentee: [{ start: 40, end: 100 }] }, 100),
      'audio',
    );
    expect(first.summary).toMatchObject({
      source: 'audio',
      mentorSeconds: 30,
      menteeSeconds: 60,
      mentorShare: 0.33,
      longestMentorMonologueSeconds: 30,
    });
    // The panel reopened at 100 s: the new run starts empty and measures from there.
    const second = foldTalk(
      first,
      talkMetrics({ mentor: [{ start: 110, end: 130 }], mentee: [{ start: 130, end: 150 }] }, 150),
      'audio',
    );
    expect(second.summary).toMatchObject({
      mentorSeconds: 50,
      menteeSeconds: 80,
      mentorShare: 0.38,
      longestMentorMonologueSeconds: 30,
    });
    expect(second.timeline).toEqual([
      { minute: 0, mentorSeconds: 30, menteeSeconds: 20 },
      { minute: 1, mentorSeconds: 10, menteeSeconds: 40 },
      { minute: 2, mentorSeconds: 10, menteeSeconds: 20 },
    ]);
  });

  it('adds up turn-taking across runs: turns, interruptions and the pauses after the mentor', () => {
    // Mentor asks (0–10), a 3 s pause, mentee answers (13–30); the mentor cuts in at 25.
    const first = foldTalk(
      NOTHING_SAVED,
      talkMetrics(
        {
          mentor: [
            { start: 0, end: 10 },
            { start: 25, end: 40 },
          ],
          mentee: [{ start: 13, end: 30 }],
        },
        40,
      ),
      'audio',
    );
    expect(first.summary?.turns).toEqual({
      mentorTurns: 2,
      menteeTurns: 1,
      interruptions: 1,
      waitsAfterMentor: 1,
      totalWaitSeconds: 3,
      longestWaitSeconds: 3,
    });
    // The next run: the mentor asks (50–55) and waits 6 s for the reply (61–80).
    const second = foldTalk(
      first,
      talkMetrics({ mentor: [{ start: 50, end: 55 }], mentee: [{ start: 61, end: 80 }] }, 80),
      'audio',
    );
    expect(second.summary?.turns).toEqual({
      mentorTurns: 3,
      menteeTurns: 2,
      interruptions: 1,
      waitsAfterMentor: 2,
      totalWaitSeconds: 9,
      longestWaitSeconds: 6,
    });
  });

  it('keeps the label of the source that measured most of the session', () => {
    const audio = foldTalk(NOTHING_SAVED, talkMetrics({ mentor: [{ start: 0, end: 100 }], mentee: [] }, 100), 'audio');
    expect(
      foldTalk(audio, talkMetrics({ mentor: [{ start: 100, end: 110 }], mentee: [] }, 110), 'active-speaker').summary
        ?.source,
    ).toBe('audio');
    expect(
      foldTalk(audio, talkMetrics({ mentor: [{ start: 100, end: 300 }], mentee: [] }, 300), 'active-speaker').summary
        ?.source,
    ).toBe('active-speaker');
  });
});
