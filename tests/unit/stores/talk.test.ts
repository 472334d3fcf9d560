import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createPinia, setActivePinia } from 'pinia';
import { installServices } from '@/utils/services';
import { useTalkStore } from '@/stores/panel/talk';
import { openAttuneDb } from '@/utils/db/open';
import { createIdbSessionRepo } from '@/utils/db/session-repo';
import { createTalkTimeAnalyser } from '@/utils/talk-time/analyser';
import { createSegmentFeed } from '@/utils/talk-time/segment-feed';
import { readWav } from '@/utils/talk-time/wav';
import type { TalkAudioMessage } from '@/utils/messaging';
import { fakeSession } from '../../support/records';

const STARTED = 10_000;

async function setup() {
  const repo = createIdbSessionRepo(await openAttuneDb(new IDBFactory()));
  const session = await repo.ensure(fakeSession({ startedAt: STARTED }));
  const store = useTalkStore();
  installServices({ sessions: repo });
  store.attach(session);
  return { store, repo };
}

/** The offscreen analyser's messages for a corpus scenario, as it would post them four times a second. */
function analyserMessages(
  scenario: string,
  captureStartedAt: number,
): { messages: TalkAudioMessage[]; seconds: number; truth: { mentorShare: number } } {
  const mic = readWav(readFileSync(`tests/fixtures/audio/${scenario}/mic.wav`));
  const tab = readWav(readFileSync(`tests/fixtures/audio/${scenario}/tab.wav`));
  const truth = JSON.parse(readFileSync(`tests/fixtures/audio/${scenario}/truth.json`, 'utf8')) as {
    mentorShare: number;
  };
  const analyser = createTalkTimeAnalyser({ micSampleRate: mic.sampleRate, tabSampleRate: tab.sampleRate });
  const feed = createSegmentFeed(analyser);
  const messages: TalkAudioMessage[] = [
    { type: 'talk-status', tabId: 1, mic: 'on', tab: 'on', startedAt: captureStartedAt },
  ];
  const quarter = Math.round(mic.sampleRate / 4);
  for (let at = 0; at < mic.samples.length; at += quarter) {
    analyser.pushFrames(mic.samples.subarray(at, at + quarter), tab.samples.subarray(at, at + quarter));
    messages.push({ type: 'talk-update', tabId: 1, startedAt: captureStartedAt, ...feed.next() });
  }
  return { messages, seconds: mic.samples.length / mic.sampleRate, truth };
}

describe('talk store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('measures a real recording from the analyser’s updates and saves talkTime with its timeline', async () => {
    const { store, repo } = await setup();
    const { messages, seconds, truth } = analyserMessages('headphones', STARTED);
    for (const m of messages) expect(store.onAudio(m, STARTED)).toBe('ok');
    store.tick(STARTED + seconds * 1000);
    expect(store.source).toBe('audio');
    expect(Math.abs((store.saved.summary?.mentorShare ?? 0) - truth.mentorShare)).toBeLessThan(0.05);
    await store.checkpoint(STARTED + seconds * 1000);
    const record = await repo.get('ses-1');
    expect(record?.talkTime).toMatchObject({ source: 'audio', mentorShare: store.saved.summary?.mentorShare });
    expect(record?.talkTimeline.length).toBe(1);
    expect(record?.talkTimeline[0]?.mentorSeconds).toBeGreaterThan(5);
  });

  it('times the talk from captions where the page shows no highlight it recognises, and says so', async () => {
    const { store, repo } = await setup();
    store.onHighlight({ self: false, other: false, found: false }, STARTED + 1_000);
    store.setCaptions(true);
    expect(store.source).toBe('captions');
    store.onCaptions([
      { mentor: true, at: STARTED + 2_000, endedAt: STARTED + 12_000 },
      { mentor: false, at: STARTED + 13_000, endedAt: STARTED + 43_000 },
    ]);
    store.tick(STARTED + 45_000);
    expect(store.saved.summary).toMatchObject({
      source: 'captions',
      mentorSeconds: 10,
      menteeSeconds: 30,
      mentorShare: 0.25,
    });
    await store.checkpoint(STARTED + 45_000);
    expect((await repo.get('ses-1'))?.talkTime?.source).toBe('captions');
  });

  it('prefers the page’s highlight to captions when it has one, and ignores captions that are off', async () => {
    const { store } = await setup();
    store.onCaptions([{ mentor: true, at: STARTED + 1_000, endedAt: STARTED + 20_000 }]);
    store.setCaptions(true);
    store.onHighlight({ self: false, other: true, found: true }, STARTED + 1_000);
    store.onCaptions([{ mentor: true, at: STARTED + 2_000, endedAt: STARTED + 30_000 }]);
    store.onHighlight({ self: false, other: false, found: true }, STARTED + 6_000);
    store.tick(STARTED + 7_000);
    expect(store.source).toBe('active-speaker');
    expect(store.saved.summary).toMatchObject({ mentorSeconds: 0, menteeSeconds: 5 });
  });

  it('falls back to caption timing when the page shows tiles but never highlights anyone while captions show talk', async () => {
    const { store } = await setup();
    store.onAudio({ type: 'talk-status', tabId: 1, mic: 'denied', tab: 'unavailable', startedAt: STARTED }, STARTED);
    store.setCaptions(true);
    store.onHighlight({ self: false, other: false, found: true }, STARTED + 1_000);
    expect(store.source).toBe('active-speaker');
    expect(store.speakerHidden).toBe(false);
    store.onCaptions([{ mentor: false, at: STARTED + 2_000, endedAt: STARTED + 22_000 }]);
    expect(store.speakerHidden).toBe(true);
    expect(store.source).toBe('captions');
    store.onHighlight({ self: false, other: false, found: true }, STARTED + 23_000);
    store.onCaptions([{ mentor: true, at: STARTED + 23_000, endedAt: STARTED + 33_000 }]);
    store.tick(STARTED + 34_000);
    expect(store.saved.summary).toMatchObject({ source: 'captions', mentorSeconds: 10, menteeSeconds: 20 });
  });

  it('says it cannot see who is speaking when the microphone hears talk and the page highlights nobody', async () => {
    const { store } = await setup();
    store.onAudio({ type: 'talk-status', tabId: 1, mic: 'on', tab: 'unavailable', startedAt: STARTED }, STARTED);
    store.onHighlight({ self: false, other: false, found: true }, STARTED + 1_000);
    const silent = { from: 0, closed: [], open: null };
    store.onAudio(
      {
        type: 'talk-update',
        tabId: 1,
        startedAt: STARTED,
        analysedSeconds: 3,
        speaking: { mentor: false, mentee: false },
        mentor: { from: 0, closed: [{ start: 1, end: 3 }], open: null },
        mentee: silent,
      },
      STARTED + 3_000,
    );
    expect(store.speakerHidden).toBe(false);
    store.onAudio(
      {
        type: 'talk-update',
        tabId: 1,
        startedAt: STARTED,
        analysedSeconds: 9,
        speaking: { mentor: false, mentee: false },
        mentor: { from: 1, closed: [{ start: 4, end: 9 }], open: null },
        mentee: silent,
      },
      STARTED + 9_000,
    );
    expect(store.speakerHidden).toBe(true);
    expect(store.source).toBe('mic-and-active-speaker');
  });

  it('keeps trusting the highlight once it has shown someone speaking', async () => {
    const { store } = await setup();
    store.setCaptions(true);
    store.onHighlight({ self: true, other: false, found: true }, STARTED + 1_000);
    store.onHighlight({ self: false, other: false, found: true }, STARTED + 5_000);
    store.onCaptions([{ mentor: false, at: STARTED + 6_000, endedAt: STARTED + 16_000 }]);
    expect(store.speakerHidden).toBe(false);
    expect(store.source).toBe('active-speaker');
  });

  it('asks for a resync when an update was missed', async () => {
    const { store } = await setup();
    const { messages } = analyserMessages('headphones', STARTED);
    store.onAudio(messages[0]!, STARTED);
    const withClosed = messages.findIndex((m) => m.type === 'talk-update' && m.mentor.closed.length > 0);
    const after = messages
      .slice(withClosed + 1)
      .find((m) => m.type === 'talk-update' && (m.mentor.closed.length > 0 || m.mentee.closed.length > 0));
    expect(store.onAudio(after!, STARTED)).toBe('resync');
  });

  it('falls back to the page’s active-speaker highlight and labels the source', async () => {
    const { store, repo } = await setup();
    store.onAudio({ type: 'talk-status', tabId: 1, mic: 'denied', tab: 'unavailable', startedAt: STARTED }, STARTED);
    const at = (s: number) => STARTED + s * 1000;
    for (let s = 0; s < 60; s += 2) store.onHighlight({ self: s < 20, other: s >= 20, found: true }, at(s));
    store.tick(at(60));
    expect(store.source).toBe('active-speaker');
    expect(store.saved.summary).toMatchObject({
      source: 'active-speaker',
      mentorSeconds: 20,
      menteeSeconds: 40,
      mentorShare: 0.33,
    });
    await store.checkpoint(at(60));
    expect((await repo.get('ses-1'))?.talkTime?.mentorSeconds).toBe(20);
  });

  it('adds a reopened panel’s run to what the session saved, without counting anything twice', async () => {
    const first = await setup();
    const at = (s: number) => STARTED + s * 1000;
    // The content script repeats its highlight every 2 s.
    for (let s = 0; s <= 60; s += 2) first.store.onHighlight({ self: s < 30, other: s >= 30, found: true }, at(s));
    first.store.tick(at(60));
    await first.store.checkpoint(at(60));

    setActivePinia(createPinia());
    const again = useTalkStore();
    installServices({ sessions: first.repo });
    again.attach((await first.repo.get('ses-1'))!);
    expect(again.saved.summary).toMatchObject({ mentorSeconds: 30, menteeSeconds: 30 });
    for (let s = 90; s <= 120; s += 2) again.onHighlight({ self: true, other: false, found: true }, at(s));
    again.tick(at(120));
    await again.checkpoint(at(120));
    const record = await first.repo.get('ses-1');
    expect(record?.talkTime).toMatchObject({ mentorSeconds: 60, menteeSeconds: 30, mentorShare: 0.67 });
    expect(record?.talkTimeline).toEqual([
      { minute: 0, mentorSeconds: 30, menteeSeconds: 30 },
      { minute: 1, mentorSeconds: 30, menteeSeconds: 0 },
    ]);
  });

  it('stops counting a highlight whose page went quiet', async () => {
    const { store } = await setup();
    store.onHighlight({ self: false, other: true, found: true }, STARTED);
    store.tick(STARTED + 60_000);
    expect(store.saved.summary?.menteeSeconds ?? 0).toBe(0);
  });

  it('follows the analyser’s “room too loud” flag while the mic measures the mentor, and forgets it when capture stops', async () => {
    const { store } = await setup();
    const { messages } = analyserMessages('headphones', STARTED);
    const [status, ...updates] = messages;
    store.onAudio(status!, STARTED);
    store.onAudio({ ...updates[0]!, roomTooLoud: true } as TalkAudioMessage, STARTED);
    expect(store.roomTooLoud).toBe(true);
    store.onAudio({ ...updates[1]!, roomTooLoud: false } as TalkAudioMessage, STARTED);
    expect(store.roomTooLoud).toBe(false);
    store.onAudio({ ...updates[2]!, roomTooLoud: true } as TalkAudioMessage, STARTED);
    store.audioStopped(STARTED + 1_000);
    expect(store.roomTooLoud).toBe(false);
  });

  it('ignores the room flag when the mentor is not measured from the mic', async () => {
    const { store } = await setup();
    const { messages } = analyserMessages('headphones', STARTED);
    store.onAudio({ type: 'talk-status', tabId: 1, mic: 'denied', tab: 'on', startedAt: STARTED }, STARTED);
    store.onAudio({ ...messages[1]!, roomTooLoud: true } as TalkAudioMessage, STARTED);
    expect(store.roomTooLoud).toBe(false);
  });
});
