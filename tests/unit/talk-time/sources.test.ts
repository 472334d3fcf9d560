import { describe, expect, it } from 'vitest';
import { appendFeeds, measureRun, sameAudioStatus, talkSources, type SourceSignals } from '@/utils/talk-time/sources';
import { createSegmentLog } from '@/utils/talk-time/live-tally';

const quiet: SourceSignals = {
  audio: null,
  captionsOn: false,
  highlightFound: true,
  talkShown: false,
  speakingSeen: false,
};
const logs = () => ({ mentor: createSegmentLog(), mentee: createSegmentLog() });

describe('talkSources: which signal measures each side', () => {
  it('takes audio for each side whose channel is on, the highlight for the other', () => {
    const both = talkSources({ ...quiet, audio: { mic: 'on', tab: 'on', startedAt: 0 } });
    expect([both.source, both.saved]).toEqual(['audio', 'audio']);
    const mic = talkSources({ ...quiet, audio: { mic: 'on', tab: 'unavailable', startedAt: 0 } });
    expect([mic.source, mic.saved, mic.mentorFromMic, mic.menteeFromTab]).toEqual([
      'mic-and-active-speaker',
      'audio',
      true,
      false,
    ]);
    expect(talkSources({ ...quiet, audio: { mic: 'denied', tab: 'on', startedAt: 0 } }).source).toBe(
      'tab-and-active-speaker',
    );
    expect(talkSources(quiet).source).toBe('active-speaker');
  });

  it('says it cannot see who speaks when tiles never light up while talk is shown, and falls back to captions', () => {
    const blind = { ...quiet, talkShown: true, speakingSeen: false };
    expect(talkSources(blind).speakerHidden).toBe(true);
    expect(talkSources(blind).source).toBe('active-speaker');
    expect(talkSources({ ...blind, captionsOn: true }).source).toBe('captions');
    expect(talkSources({ ...blind, speakingSeen: true, captionsOn: true }).source).toBe('active-speaker');
    expect(talkSources({ ...quiet, highlightFound: false }).speakerHidden).toBe(true);
  });

  it('compares audio statuses field by field', () => {
    const a = { mic: 'on' as const, tab: 'on' as const, startedAt: 5 };
    expect(sameAudioStatus(null, a)).toBe(false);
    expect(sameAudioStatus({ ...a }, a)).toBe(true);
    expect(sameAudioStatus({ ...a, startedAt: 6 }, a)).toBe(false);
  });
});

describe('appendFeeds and measureRun', () => {
  it('adds each update’s closed segments, and asks for all again when one was missed', () => {
    const audio = logs();
    const first = appendFeeds(audio, {
      mentor: { from: 0, closed: [{ start: 0, end: 2 }], open: null },
      mentee: { from: 0, closed: [], open: { start: 3, end: 4 } },
    });
    expect(first).toEqual({ ok: true, closedSeconds: 2 });
    const gap = appendFeeds(audio, {
      mentor: { from: 3, closed: [{ start: 5, end: 6 }], open: null },
      mentee: { from: 0, closed: [], open: null },
    });
    expect(gap.ok).toBe(false);
  });

  it('measures each side from audio where it is on, shifted onto the session clock, else from the page', () => {
    const audio = logs();
    appendFeeds(audio, {
      mentor: { from: 0, closed: [{ start: 0, end: 10 }], open: null },
      mentee: { from: 0, closed: [], open: null },
    });
    const page = logs();
    page.mentee.mark(true, 20);
    page.mentee.mark(false, 50);
    const metrics = measureRun({
      audioLogs: audio,
      pageLogs: page,
      fromAudio: { mentor: true, mentee: false },
      captureOffsetSeconds: 5,
      atSeconds: 60,
    });
    expect(metrics?.mentorSeconds).toBeCloseTo(10);
    expect(metrics?.menteeSeconds).toBeCloseTo(30);
    expect(
      measureRun({
        audioLogs: logs(),
        pageLogs: logs(),
        fromAudio: { mentor: false, mentee: false },
        captureOffsetSeconds: 0,
        atSeconds: 9,
      }),
    ).toBeNull();
  });
});
