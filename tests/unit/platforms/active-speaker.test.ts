// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readActiveSpeaker, watchActiveSpeaker } from '@/utils/platforms/active-speaker';
import { readCallSnapshot } from '@/utils/platforms/read-call';
import { MEET_SELECTORS } from '@/utils/platforms/meet';
import { TEAMS_SELECTORS } from '@/utils/platforms/teams';
import { ZOOM_SELECTORS } from '@/utils/platforms/zoom';
import type { ActiveSpeakerHighlight } from '@/utils/platforms/types';
import { fixtureDocument } from './fixture-document';

function page(html: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
}

describe('readActiveSpeaker', () => {
  it('finds the tiles but nobody speaking on the Meet fixture', () => {
    expect(readActiveSpeaker(MEET_SELECTORS, fixtureDocument('meet/in-call.html'))).toEqual({
      self: false,
      other: false,
      found: true,
    });
  });

  it("reads Meet's speaking indicator inside the tile, and its silence class", () => {
    const doc = fixtureDocument('meet/speaking-ring.html');
    expect(readActiveSpeaker(MEET_SELECTORS, doc)).toEqual({ self: false, other: true, found: true });
    const [mine, theirs] = Array.from(doc.querySelectorAll('[jscontroller="ES310d"]'));
    mine?.classList.remove('gjg47c');
    theirs?.classList.add('gjg47c');
    expect(readActiveSpeaker(MEET_SELECTORS, doc)).toEqual({ self: true, other: false, found: true });
  });

  it('knows the Teams tile holding myself-video is the local user', () => {
    const doc = fixtureDocument('teams/in-call-2026.html');
    expect(readActiveSpeaker(TEAMS_SELECTORS, doc)).toEqual({ self: true, other: false, found: true });
  });

  it('reads the Teams name from the account menu when the own tile has no label', () => {
    const doc = fixtureDocument('teams/in-call-2026.html');
    doc.querySelector('[data-tid="myself-video"]')?.removeAttribute('aria-label');
    expect(readCallSnapshot(TEAMS_SELECTORS, doc).selfName).toBe('Lee Chen');
  });

  it('says when the page shows no participant tiles at all', () => {
    expect(readActiveSpeaker(MEET_SELECTORS, fixtureDocument('meet/lobby.html')).found).toBe(false);
  });

  it.each([
    [
      'the mentee',
      '<div data-participant-id="a" data-self-name="You"></div><div data-participant-id="b" class="speaking"></div>',
      { self: false, other: true },
    ],
    [
      'the local user',
      '<div data-participant-id="a" data-self-name="You" class="speaking"></div><div data-participant-id="b"></div>',
      { self: true, other: false },
    ],
    [
      'both at once',
      '<div data-participant-id="a" data-self-name="You" data-is-speaking="true"></div><div data-participant-id="b" data-is-speaking="true"></div>',
      { self: true, other: true },
    ],
  ])('reads Meet’s highlight on %s', (_who, html, expected) => {
    expect(readActiveSpeaker(MEET_SELECTORS, page(html))).toEqual({ ...expected, found: true });
  });

  it('ignores a highlighted tile that is hidden', () => {
    const doc = page(
      '<div hidden><div data-participant-id="b" class="speaking"></div></div><div data-participant-id="a"></div>',
    );
    expect(readActiveSpeaker(MEET_SELECTORS, doc)).toEqual({ self: false, other: false, found: true });
  });

  it('tells the local user’s Zoom tile apart by name', () => {
    const doc = page(
      '<div class="speaker-active-container__video-frame"><span class="video-avatar__avatar-name">Alex Morgan</span></div>',
    );
    expect(readActiveSpeaker(ZOOM_SELECTORS, doc, 'Alex Morgan')).toEqual({ self: true, other: false, found: true });
    expect(readActiveSpeaker(ZOOM_SELECTORS, doc, 'Priya Shah')).toEqual({ self: false, other: true, found: true });
  });

  it('reads Zoom’s filmstrip highlight above a shared screen', () => {
    const doc = page(
      '<div class="speaker-bar-container__video-frame"><span class="video-avatar__avatar-name">Alex Morgan</span></div>' +
        '<div class="speaker-bar-container__video-frame speaker-bar-container__video-frame--active"><span class="video-avatar__avatar-name">Priya Shah</span></div>',
    );
    expect(readActiveSpeaker(ZOOM_SELECTORS, doc, 'Alex Morgan')).toEqual({ self: false, other: true, found: true });
  });

  it('reads Teams’ speaking ring', () => {
    const doc = page(
      '<div data-cid="calling-participant-stream" data-stream-type="local"></div>' +
        '<div data-cid="calling-participant-stream"><div data-tid="voice-level-stream-outline" class="vdi-frame-occlusion"></div></div>',
    );
    expect(readActiveSpeaker(TEAMS_SELECTORS, doc)).toEqual({ self: false, other: true, found: true });
  });
});

describe('Teams’ speaking outline drawn in an inline style', () => {
  it('reads the ring from the outline’s style, with no class or attribute to go by, and tells the own tile apart', () => {
    const doc = fixtureDocument('teams/speaking-outline-2026.html');
    expect(readActiveSpeaker(TEAMS_SELECTORS, doc)).toEqual({ self: false, other: true, found: true });
    const [mine, theirs] = Array.from(doc.querySelectorAll('[data-tid="voice-level-stream-outline"]'));
    mine?.setAttribute('style', 'height: 12px;');
    theirs?.setAttribute('style', 'height: 0px;');
    expect(readActiveSpeaker(TEAMS_SELECTORS, doc)).toEqual({ self: true, other: false, found: true });
    mine?.setAttribute('style', 'height: 0px;');
    expect(readActiveSpeaker(TEAMS_SELECTORS, doc)).toEqual({ self: false, other: false, found: true });
  });

  it('reads an outline drawn on the tile itself, and not one the style hides', () => {
    const doc = fixtureDocument('teams/speaking-outline-2026.html');
    doc.querySelectorAll('[data-tid="voice-level-stream-outline"]').forEach((el) => el.remove());
    const theirs = doc.getElementById('tile-other');
    theirs?.setAttribute('style', 'outline: 2px solid rgb(127, 133, 245); outline-offset: -2px;');
    expect(readActiveSpeaker(TEAMS_SELECTORS, doc)).toEqual({ self: false, other: true, found: true });
    theirs?.setAttribute('style', 'outline: 2px solid rgb(127, 133, 245); opacity: 0;');
    expect(readActiveSpeaker(TEAMS_SELECTORS, doc).other).toBe(false);
    theirs?.setAttribute('style', 'outline: none; border: 0px;');
    expect(readActiveSpeaker(TEAMS_SELECTORS, doc).other).toBe(false);
  });

  it('notices the style change while watching, without waiting for the slow poll', async () => {
    vi.useFakeTimers();
    try {
      const parsed = fixtureDocument('teams/speaking-outline-2026.html');
      document.body.replaceWith(document.importNode(parsed.body, true));
      document
        .querySelector('#tile-other [data-tid="voice-level-stream-outline"]')
        ?.setAttribute('style', 'height: 0px;');
      const seen: ActiveSpeakerHighlight[] = [];
      const stop = watchActiveSpeaker(TEAMS_SELECTORS, {
        onChange: (h) => seen.push(h),
        throttleMs: 100,
        pollMs: 60_000,
        resendMs: 60_000,
      });
      expect(seen).toEqual([{ self: false, other: false, found: true }]);
      document
        .querySelector('#tile-other [data-tid="voice-level-stream-outline"]')
        ?.setAttribute('style', 'height: 10px;');
      await vi.advanceTimersByTimeAsync(150);
      expect(seen.at(-1)).toEqual({ self: false, other: true, found: true });
      stop();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('Zoom speaker view since late 2025, and the user’s own voice', () => {
  const selfName = () => 'Alex Morgan';
  it('reads the main tile of the late-2025 speaker view as the active speaker when others are in the filmstrip', () => {
    const doc = fixtureDocument('zoom/speaker-view-2026.html');
    expect(readCallSnapshot(ZOOM_SELECTORS, doc).selfName).toBe(selfName());
    expect(readActiveSpeaker(ZOOM_SELECTORS, doc, selfName())).toEqual({ self: false, other: true, found: true });
  });

  it('does not take the main tile of a 1:1 for a speaking signal', () => {
    const doc = fixtureDocument('zoom/speaker-view-2026.html');
    doc.querySelector('.speaker-bar-container__horizontal-view-wrap')?.remove();
    expect(readActiveSpeaker(ZOOM_SELECTORS, doc, selfName())).toEqual({ self: false, other: false, found: true });
  });

  it('hears the user from the footer’s audio-level meter, and finds the own tile in the filmstrip', () => {
    const doc = fixtureDocument('zoom/speaker-view-2026.html');
    doc.querySelector('.speaker-bar-container__horizontal-view-wrap')?.remove();
    doc.querySelector('.audio-level-meter')?.setAttribute('style', 'height: 6px;');
    expect(readActiveSpeaker(ZOOM_SELECTORS, doc, selfName())).toEqual({ self: true, other: false, found: true });

    const own = fixtureDocument('zoom/speaker-view-2026.html');
    own.getElementById('own-tile')?.classList.add('speaker-bar-container__video-frame--active');
    own.getElementById('main-tile')?.remove();
    expect(readActiveSpeaker(ZOOM_SELECTORS, own, selfName())).toEqual({ self: true, other: false, found: true });
  });
});

describe('speaker spoofing: only the platform’s own mark makes a tile the user’s (issue 13)', () => {
  it('does not count a Zoom guest who shares the user’s first name, or is called “You”, as the user', () => {
    const doc = fixtureDocument('zoom/speaker-view-2026.html');
    doc.getElementById('main-tile')?.remove();
    const guest = doc.getElementById('guest-tile');
    guest?.classList.add('speaker-bar-container__video-frame--active');
    expect(readActiveSpeaker(ZOOM_SELECTORS, doc, 'Alex Morgan')).toEqual({ self: false, other: true, found: true });
    const name = guest?.querySelector('span');
    if (name) name.textContent = 'You';
    expect(readActiveSpeaker(ZOOM_SELECTORS, doc, 'Alex Morgan')).toEqual({ self: false, other: true, found: true });
    if (name) name.textContent = 'Alex Morgan Jr';
    expect(readActiveSpeaker(ZOOM_SELECTORS, doc, 'Alex Morgan')).toEqual({ self: false, other: true, found: true });
  });

  it('counts a Zoom tile under the user’s full name for no one once a guest has joined under that name too', () => {
    const doc = fixtureDocument('zoom/speaker-view-2026.html');
    doc.getElementById('main-tile')?.remove();
    const guest = doc.getElementById('guest-tile');
    guest?.classList.add('speaker-bar-container__video-frame--active');
    const name = guest?.querySelector('span');
    if (name) name.textContent = 'Alex Morgan';
    // Alone in the roster under that name, the tile is the user's (Zoom marks no tile as its own).
    expect(readActiveSpeaker(ZOOM_SELECTORS, doc, 'Alex Morgan')).toEqual({ self: true, other: false, found: true });
    const row = doc.createElement('div');
    row.setAttribute('role', 'listitem');
    row.textContent = 'Alex Morgan';
    doc.querySelector('[role="list"]')?.append(row);
    expect(readActiveSpeaker(ZOOM_SELECTORS, doc, 'Alex Morgan')).toEqual({ self: false, other: false, found: true });
    // The footer's meter is the user's own microphone: it still tells when they speak.
    doc.querySelector('.audio-level-meter')?.setAttribute('style', 'height: 6px;');
    expect(readActiveSpeaker(ZOOM_SELECTORS, doc, 'Alex Morgan')).toEqual({ self: true, other: false, found: true });
  });

  it('does not count a Teams or Meet guest whose tile shows the user’s name as the user', () => {
    const teams = page(
      '<div data-cid="calling-participant-stream"><div data-tid="myself-video" aria-label="Myself video, Lee Chen"></div><span>Lee Chen</span></div>' +
        '<div data-cid="calling-participant-stream" data-is-speaking="true"><span>Lee Chen (Guest)</span></div>',
    );
    expect(readActiveSpeaker(TEAMS_SELECTORS, teams, 'Lee Chen')).toEqual({ self: false, other: true, found: true });
    const meet = page(
      '<div data-participant-id="a" data-self-name="You"><span>Alex Morgan</span></div><div data-participant-id="b" class="speaking"><span>You</span><span>Alex Morgan</span></div>',
    );
    expect(readActiveSpeaker(MEET_SELECTORS, meet, 'Alex Morgan')).toEqual({ self: false, other: true, found: true });
  });
});

describe('watchActiveSpeaker', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML =
      '<div data-participant-id="a" data-self-name="You"></div><div id="b" data-participant-id="b"></div>';
  });
  afterEach(() => vi.useRealTimers());

  it('reports a change of speaker within the throttle window, and repeats itself for a late panel', async () => {
    const seen: ActiveSpeakerHighlight[] = [];
    const stop = watchActiveSpeaker(MEET_SELECTORS, {
      onChange: (h) => seen.push(h),
      throttleMs: 100,
      pollMs: 500,
      resendMs: 1_000,
    });
    expect(seen).toEqual([{ self: false, other: false, found: true }]);
    document.getElementById('b')?.classList.add('speaking');
    await vi.advanceTimersByTimeAsync(150);
    expect(seen.at(-1)).toEqual({ self: false, other: true, found: true });
    const count = seen.length;
    await vi.advanceTimersByTimeAsync(1_500);
    expect(seen.length).toBeGreaterThan(count);
    stop();
  });
});
