// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { markSelf, watchCaptions } from '@/utils/captions/watch-captions';
import { isMentorSpeaker } from '@/utils/questions/tally';
import { MEET_CAPTIONS } from '@/utils/captions/meet';
import { TEAMS_CAPTIONS } from '@/utils/captions/teams';
import { ZOOM_CAPTIONS } from '@/utils/captions/zoom';
import type { CaptionSelectorTable } from '@/utils/captions/selectors';
import type { CaptionStatus, Utterance } from '@/utils/captions/types';
import { captionUpdates, sampleWords, type Turn } from '../../support/caption-driver';
import { captionPage, settleObservers, showFixture } from './caption-page';
import { fixtureDocument } from '../platforms/fixture-document';

const UPDATE_MS = 250;
const POLL_MS = 1_000;

function watch(table: CaptionSelectorTable) {
  const clock = { t: 1_700_000_000_000 };
  const said: Utterance[] = [];
  const statuses: CaptionStatus[] = [];
  const stop = watchCaptions(table, {
    onUtterances: (u) => said.push(...u),
    onStatus: (s) => statuses.push(s),
    now: () => clock.t,
    pollMs: POLL_MS,
  });
  return { clock, said, statuses, stop };
}

async function play(updates: Array<() => void>, clock: { t: number }, ms = UPDATE_MS): Promise<void> {
  for (const update of updates) {
    update();
    await settleObservers();
    clock.t += ms;
  }
}

const spoken = (said: Utterance[]) => said.map((u) => [u.speaker, u.text]);
const expected = (turns: Turn[]) => turns.map((t) => [t.speaker, t.words.join(' ')]);
const turn = (speaker: string, text: string): Turn => ({ speaker, words: text.split(' ') });

const conversation = [
  turn('You', 'What would you like to focus on today?'),
  turn('Priya Shah', 'I want to get better at delegating, because I end up doing everything myself and staying late.'),
  turn('You', 'What happens when you hand something over?'),
  turn('Priya Shah', 'I worry it will not be done right.'),
];

describe('watchCaptions', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it.each<[string, CaptionSelectorTable, 'meet-2025' | 'meet-2023' | 'teams-2025' | 'teams-classic' | 'zoom-2025']>([
    ['Meet 2024–2026', MEET_CAPTIONS, 'meet-2025'],
    ['Meet 2022–2023', MEET_CAPTIONS, 'meet-2023'],
    ['new Teams', TEAMS_CAPTIONS, 'teams-2025'],
    ['classic Teams', TEAMS_CAPTIONS, 'teams-classic'],
    ['Zoom', ZOOM_CAPTIONS, 'zoom-2025'],
  ])('gives out each utterance once, final and in order as %s rewrites its captions', async (_name, table, fixture) => {
    const { driver, markup } = captionPage(fixture);
    const w = watch(table);
    await play(captionUpdates(driver, markup, conversation, { correctEvery: 4 }), w.clock);
    // Zoom's empty subtitle line is no sign of captions: they are on once words appear.
    expect(w.statuses).toEqual(table === ZOOM_CAPTIONS ? ['off', 'on'] : ['on']);
    w.stop();
    expect(spoken(w.said)).toEqual(expected(conversation));
    const starts = w.said.map((u) => u.startedAt);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('gives out nothing before a caption is final', async () => {
    const { driver, markup } = captionPage('meet-2025');
    const w = watch(MEET_CAPTIONS);
    await play(captionUpdates(driver, markup, conversation.slice(0, 1)), w.clock, 100);
    expect(w.said).toEqual([]);
    w.stop();
  });

  it('finalises the last caption once the speaker has paused, without waiting for the next', async () => {
    const { driver, markup } = captionPage('meet-2025');
    const w = watch(MEET_CAPTIONS);
    await play(captionUpdates(driver, markup, conversation.slice(0, 1)), w.clock);
    w.clock.t += 5_000;
    vi.advanceTimersByTime(POLL_MS);
    expect(spoken(w.said)).toEqual(expected(conversation.slice(0, 1)));
    w.stop();
    expect(w.said).toHaveLength(1);
  });

  it('keeps a long monologue whole when Meet trims it at the front', async () => {
    const { driver, markup } = captionPage('meet-2025');
    const monologue: Turn = { speaker: 'Priya Shah', words: sampleWords(150) };
    const w = watch(MEET_CAPTIONS);
    await play(captionUpdates(driver, markup, [monologue], { wordsPerUpdate: 2, correctEvery: 5 }), w.clock);
    expect(driver.blocks()[0]?.querySelector('.ygicle')?.textContent?.split(' ').length).toBeLessThanOrEqual(
      markup.windowWords,
    );
    w.stop();
    expect(spoken(w.said)).toEqual(expected([monologue]));
  });

  it('gives only the new words when a caption that went quiet grows again', async () => {
    const { driver, markup } = captionPage('meet-2025');
    const w = watch(MEET_CAPTIONS);
    const block = driver.addBlock('Priya Shah');
    driver.write(block, 'I am not sure.');
    await settleObservers();
    w.clock.t += 5_000;
    vi.advanceTimersByTime(POLL_MS);
    driver.write(block, 'I am not sure. Maybe I could ask Sam.');
    await settleObservers();
    w.stop();
    expect(spoken(w.said)).toEqual([
      ['Priya Shah', 'I am not sure.'],
      ['Priya Shah', 'Maybe I could ask Sam.'],
    ]);
    void markup;
  });

  it('does not repeat a Teams row that the caption list draws again', async () => {
    const { driver, markup } = captionPage('teams-2025');
    const w = watch(TEAMS_CAPTIONS);
    await play(captionUpdates(driver, markup, conversation.slice(0, 2)), w.clock);
    w.clock.t += 5_000;
    vi.advanceTimersByTime(POLL_MS);
    // Scrolling the virtual list remounts the rows as new elements.
    const rows = driver.blocks();
    const copies = rows.map((row) => row.cloneNode(true));
    for (const row of rows) row.remove();
    await settleObservers();
    driver.list.append(...copies);
    await settleObservers();
    w.stop();
    expect(spoken(w.said)).toEqual(expected(conversation.slice(0, 2)));
  });

  it('reads every caption text in Teams’ role=list rows, each under its nearest author', async () => {
    const doc = showFixture('teams-live-2026');
    const list = doc.querySelector('[role="list"]');
    if (!list) throw new Error('fixture has no list');
    list.innerHTML = '';
    const w = watch(TEAMS_CAPTIONS);
    list.insertAdjacentHTML(
      'beforeend',
      '<div role="listitem"><div><span data-tid="author">Lee Chen</span></div><div><span data-tid="closed-caption-text">What would</span></div></div>',
    );
    await settleObservers();
    const first = list.querySelector('[data-tid="closed-caption-text"]');
    if (first) first.textContent = 'What would make this useful?';
    await settleObservers();
    // A second caption under the same author, in the same row; then a row with no author.
    list.firstElementChild?.insertAdjacentHTML(
      'beforeend',
      '<div><span data-tid="closed-caption-text">We have forty minutes.</span></div>',
    );
    await settleObservers();
    list.insertAdjacentHTML(
      'beforeend',
      '<div role="listitem"><div><span data-tid="author">Ana Ruiz</span></div><div><span data-tid="closed-caption-text">The promotion case.</span></div></div>',
    );
    list.insertAdjacentHTML(
      'beforeend',
      '<div role="listitem"><div><span data-tid="closed-caption-text">And how to ask for it.</span></div></div>',
    );
    await settleObservers();
    w.stop();
    expect(spoken(w.said)).toEqual([
      ['Lee Chen', 'What would make this useful?'],
      ['Lee Chen', 'We have forty minutes.'],
      ['Ana Ruiz', 'The promotion case.'],
      ['Ana Ruiz', 'And how to ask for it.'],
    ]);
  });

  it('gives one line for a Teams guest captioned as “Unknown user” and renamed mid-sentence', async () => {
    const doc = showFixture('teams-live-2026');
    const list = doc.querySelector('[role="list"]');
    if (!list) throw new Error('fixture has no list');
    list.innerHTML = '';
    const w = watch(TEAMS_CAPTIONS);
    list.insertAdjacentHTML(
      'beforeend',
      '<div role="listitem"><div><span data-tid="author">Unknown user</span></div><div><span data-tid="closed-caption-text">Thanks for making</span></div></div>',
    );
    await settleObservers();
    w.clock.t += UPDATE_MS;
    // Teams learns the guest's name and rewrites the author above the words already shown.
    const author = list.querySelector('[data-tid="author"]');
    if (author) author.textContent = 'Sam Okafor';
    await settleObservers();
    w.clock.t += UPDATE_MS;
    const text = list.querySelector('[data-tid="closed-caption-text"]');
    if (text) text.textContent = 'Thanks for making time today.';
    await settleObservers();
    w.stop();
    expect(spoken(w.said)).toEqual([['Sam Okafor', 'Thanks for making time today.']]);
  });

  it('reports captions off, then on, and gives out what was open when they go off again', async () => {
    showFixture('meet-off');
    const w = watch(MEET_CAPTIONS);
    expect(w.statuses).toEqual(['off']);

    const on = showFixture('meet-2025');
    vi.advanceTimersByTime(POLL_MS);
    expect(w.statuses).toEqual(['off', 'on']);
    expect(w.said).toEqual([]);
    const region = on.querySelector('[role="region"]');
    const text = region?.querySelectorAll('.ygicle')[1];
    if (text) text.textContent = 'I want to get better at delegating work.';
    await settleObservers();

    showFixture('meet-off');
    vi.advanceTimersByTime(POLL_MS);
    expect(w.statuses).toEqual(['off', 'on', 'off']);
    expect(spoken(w.said)).toEqual([
      ['You', 'What would you like to focus on today?'],
      ['Priya Shah', 'I want to get better at delegating work.'],
    ]);
    w.stop();
  });

  it('looks again when the region it chose first gives no words and the real one appears later', async () => {
    const doc = showFixture('meet-off');
    // An older UI's empty caption holder, taken first because nothing better is on the page yet.
    const stale = doc.createElement('div');
    stale.setAttribute('jsname', 'dsyhDe');
    doc.body.append(stale);
    const w = watch(MEET_CAPTIONS);

    const real = fixtureDocument('captions/meet-2025.html').querySelector('[role="region"]');
    if (real) doc.body.append(doc.importNode(real, true));
    vi.advanceTimersByTime(POLL_MS);
    await settleObservers();
    w.stop();
    expect(spoken(w.said)).toEqual([
      ['You', 'What would you like to focus on today?'],
      ['Priya Shah', 'I want to get better at delegating.'],
    ]);
  });

  it('never latches onto Zoom’s empty subtitle wrapper: captions stay off, then the real overlay is read', async () => {
    const doc = showFixture('zoom-empty-wrap-2026');
    const w = watch(ZOOM_CAPTIONS);
    vi.advanceTimersByTime(POLL_MS * 3);
    expect(w.statuses).toEqual(['off']);
    const overlay = fixtureDocument('captions/zoom-2025.html').querySelector(
      '.live-transcription-subtitle__overlay-container',
    );
    if (!overlay) throw new Error('fixture has no overlay');
    doc.getElementById('main')?.append(doc.importNode(overlay, true));
    vi.advanceTimersByTime(POLL_MS);
    await settleObservers();
    const item = doc.querySelector('.live-transcription-subtitle__item');
    if (item) item.textContent = 'I keep saying yes to every project, and then I stay late.';
    await settleObservers();
    w.stop();
    expect(w.statuses).toEqual(['off', 'on']);
    expect(spoken(w.said)).toEqual([['Jordan Kim', 'I keep saying yes to every project, and then I stay late.']]);
  });

  it('gives one line when Zoom replaces the subtitle line’s element in the middle of a sentence', async () => {
    const { driver } = captionPage('zoom-2025');
    const w = watch(ZOOM_CAPTIONS);
    const line = driver.addBlock('Jordan Kim');
    driver.write(line, 'I keep saying yes');
    await settleObservers();
    w.clock.t += UPDATE_MS;
    // The line's root element is swapped for a fresh one carrying the sentence on.
    const fresh = line.cloneNode(true) as Element;
    const item = fresh.querySelector('.live-transcription-subtitle__item');
    if (item) item.textContent = 'I keep saying yes to every project.';
    line.replaceWith(fresh);
    await settleObservers();
    w.clock.t += UPDATE_MS;
    w.stop();
    expect(spoken(w.said)).toEqual([['Jordan Kim', 'I keep saying yes to every project.']]);
  });

  it('says so plainly when the page is not one it recognises', () => {
    showFixture('meet-unrecognised');
    const w = watch(MEET_CAPTIONS);
    vi.advanceTimersByTime(POLL_MS * 3);
    expect(w.statuses).toEqual(['unrecognised']);
    w.stop();
    expect(w.said).toEqual([]);
  });

  it('loses and repeats nothing in a flood of 1,000 caption updates, one per task', async () => {
    const { driver, markup } = captionPage('meet-2025');
    const turns = Array.from({ length: 22 }, (_, i): Turn => ({
      speaker: i % 2 ? 'Priya Shah' : 'You',
      words: sampleWords(40, i + 1),
    }));
    const updates = captionUpdates(driver, markup, turns, { correctEvery: 6 });
    expect(updates.length).toBeGreaterThanOrEqual(1_000);
    const w = watch(MEET_CAPTIONS);
    await play(updates, w.clock, 5);
    w.stop();
    expect(spoken(w.said)).toEqual(expected(turns));
  });

  it('loses and repeats nothing when 1,000 updates land in one batch', async () => {
    const { driver, markup } = captionPage('teams-2025');
    const turns = Array.from({ length: 25 }, (_, i): Turn => ({
      speaker: i % 2 ? 'Ana Ruiz' : 'Lee Chen',
      words: sampleWords(40, i + 7),
    }));
    const updates = captionUpdates(driver, { ...markup, maxBlocks: 100 }, turns);
    expect(updates.length).toBeGreaterThanOrEqual(1_000);
    const w = watch(TEAMS_CAPTIONS);
    for (const update of updates) update();
    await settleObservers();
    w.stop();
    expect(spoken(w.said)).toEqual(expected(turns));
  });

  it('reads nothing once stopped', async () => {
    const { driver } = captionPage('meet-2025');
    const w = watch(MEET_CAPTIONS);
    w.stop();
    const before = w.said.length;
    driver.write(driver.addBlock('You'), 'Anything else?');
    await settleObservers();
    vi.advanceTimersByTime(POLL_MS * 10);
    expect(w.said).toHaveLength(before);
    expect(w.statuses).toEqual(['on']);
  });
});

describe('markSelf: the user’s lines by the platform’s own self marker (issue 13)', () => {
  const said = (speaker: string, text: string): Utterance => ({ speaker, text, startedAt: 0, endedAt: 1 });

  it('marks Meet’s “You” from the self tile, and nobody when a guest’s tile is called “You” too', () => {
    const doc = fixtureDocument('captions/meet-2025.html');
    expect(markSelf(MEET_CAPTIONS, doc, [said('You', 'Hi'), said('Priya Shah', 'Hello')]).map((u) => u.self)).toEqual([
      true,
      undefined,
    ]);
    doc.querySelectorAll('[data-participant-id]')[1]?.querySelector('span')?.replaceChildren('You');
    const [guest] = markSelf(MEET_CAPTIONS, doc, [said('You', 'Hi')]);
    expect(guest?.self).toBeUndefined();
    // Unmarked, the word "You" makes no one the mentor.
    expect(isMentorSpeaker(guest?.speaker ?? '', ['Alex Morgan', null], guest?.self)).toBe(false);
  });

  it('marks Teams lines by the myself-video name in full, not a guest with the same first name or called “You”', () => {
    const doc = fixtureDocument('teams/in-call-2026.html');
    const lines = [said('Lee Chen', 'Hi'), said('Lee', 'Hi'), said('You', 'Hi'), said('Ana Ruiz', 'Hello')];
    const marked = markSelf(TEAMS_CAPTIONS, doc, lines);
    expect(marked.map((u) => u.self)).toEqual([true, undefined, undefined, undefined]);
    expect(marked.map((u) => isMentorSpeaker(u.speaker, ['Lee Chen', null], u.self))).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });

  it('counts no line under the user’s full name for the mentor once a Teams guest shows that name too', () => {
    const doc = fixtureDocument('teams/in-call-2026.html');
    const guest = doc.querySelectorAll('[data-cid="calling-participant-stream"]')[1]?.querySelector('span');
    if (guest) guest.textContent = 'Lee Chen';
    const marked = markSelf(TEAMS_CAPTIONS, doc, [said('Lee Chen', 'What would help?'), said('Ana Ruiz', 'Time.')]);
    expect(marked.map((u) => [u.self, u.sharedName])).toEqual([
      [undefined, true],
      [undefined, undefined],
    ]);
    // The panel's full-name match would take the guest's lines for the mentor's: a shared name is no one's.
    expect(marked.map((u) => isMentorSpeaker(u.speaker, ['Lee Chen', null], u.self, u.sharedName))).toEqual([
      false,
      false,
    ]);
  });

  it('marks Zoom lines by the “(me)” row, and counts none under a name two roster rows show', () => {
    const doc = fixtureDocument('zoom/speaker-view-2026.html');
    const lines = [said('Alex Morgan', 'What matters most?'), said('Priya Shah', 'Growth.')];
    expect(markSelf(ZOOM_CAPTIONS, doc, lines).map((u) => [u.self, u.sharedName])).toEqual([
      [true, undefined],
      [undefined, undefined],
    ]);
    const row = doc.createElement('div');
    row.setAttribute('role', 'listitem');
    row.textContent = 'Alex Morgan';
    doc.querySelector('[role="list"]')?.append(row);
    expect(markSelf(ZOOM_CAPTIONS, doc, lines).map((u) => [u.self, u.sharedName])).toEqual([
      [undefined, true],
      [undefined, undefined],
    ]);
    // Without the roster open Zoom shows no "(me)": two gallery tiles under one name still tell.
    const gallery = fixtureDocument('captions/zoom-avatar-2026.html');
    const names = gallery.querySelectorAll('.video-avatar__avatar-footer span');
    if (names[1]) names[1].textContent = 'Jordan Kim';
    expect(markSelf(ZOOM_CAPTIONS, gallery, [said('Jordan Kim', 'Hi')])[0]?.sharedName).toBe(true);
  });

  it('leaves lines unmarked where the page shows no self marker', () => {
    const doc = fixtureDocument('captions/teams-2025.html');
    expect(markSelf(TEAMS_CAPTIONS, doc, [said('Lee Chen', 'Hi')])[0]?.self).toBeUndefined();
  });
});
