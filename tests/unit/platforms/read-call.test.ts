// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readCallSnapshot } from '@/utils/platforms/read-call';
import { MEET_SELECTORS } from '@/utils/platforms/meet';
import { ZOOM_SELECTORS } from '@/utils/platforms/zoom';
import { TEAMS_SELECTORS } from '@/utils/platforms/teams';
import type { SelectorTable } from '@/utils/platforms/selectors';
import { fixtureDocument } from './fixture-document';

const cases: Array<[string, SelectorTable, string, Record<string, unknown>]> = [
  [
    'Meet in a call',
    MEET_SELECTORS,
    'meet/in-call.html',
    { state: 'in-call', title: 'Weekly mentoring with Priya', selfName: 'Alex Morgan' },
  ],
  [
    'Meet in the green room',
    MEET_SELECTORS,
    'meet/lobby.html',
    { state: 'lobby', title: 'Weekly mentoring with Priya', selfName: 'Alex Morgan' },
  ],
  ['Meet after leaving', MEET_SELECTORS, 'meet/left.html', { state: 'left', title: null }],
  [
    'Zoom in a meeting',
    ZOOM_SELECTORS,
    'zoom/meeting.html',
    { state: 'in-call', title: 'Career coaching: Jordan', selfName: 'Sam Lee' },
  ],
  ['Zoom on the preview screen', ZOOM_SELECTORS, 'zoom/preview.html', { state: 'lobby', selfName: 'Sam Lee' }],
  ['Zoom in the waiting room', ZOOM_SELECTORS, 'zoom/waiting-room.html', { state: 'lobby' }],
  ['Zoom after the host ended it', ZOOM_SELECTORS, 'zoom/ended.html', { state: 'left' }],
  [
    'Teams in a meeting',
    TEAMS_SELECTORS,
    'teams/in-call.html',
    { state: 'in-call', title: 'Mentoring: Lee and Ana', selfName: 'Lee Chen' },
  ],
  [
    'Teams before joining',
    TEAMS_SELECTORS,
    'teams/prejoin.html',
    { state: 'lobby', title: 'Mentoring: Lee and Ana', selfName: 'Lee Chen' },
  ],
  ['Teams after leaving', TEAMS_SELECTORS, 'teams/ended.html', { state: 'left' }],
  [
    'Teams in a 2026 meeting, named only by the own tile',
    TEAMS_SELECTORS,
    'teams/in-call-2026.html',
    { state: 'in-call', selfName: 'Lee Chen' },
  ],
  ['Teams’ guest end screen (any language)', TEAMS_SELECTORS, 'teams/anon-ended.html', { state: 'left' }],
];

describe('readCallSnapshot', () => {
  it.each(cases)('reads %s', (_name, table, fixture, expected) => {
    const snapshot = readCallSnapshot(table, fixtureDocument(fixture));
    expect(snapshot).toMatchObject({ platform: table.platform, controlsFound: true, ...expected });
  });

  it("does not take Meet's waiting room, where the Leave button already shows, for the call", () => {
    expect(readCallSnapshot(MEET_SELECTORS, fixtureDocument('meet/waiting.html')).state).toBe('lobby');
  });

  it.each(['Your host ended the meeting for everyone', 'You were removed from the meeting'])(
    'recognises Meet\'s end screen "%s"',
    (heading) => {
      const doc = fixtureDocument('meet/in-call.html');
      doc.body.insertAdjacentHTML('beforeend', `<h1>${heading}</h1>`);
      expect(readCallSnapshot(MEET_SELECTORS, doc).state).toBe('left');
    },
  );

  it.each(['Ask to join anyway', 'Join anyway'])('takes Meet\'s "%s" button for the pre-join screen', (label) => {
    const doc = fixtureDocument('meet/changed-dom.html');
    doc.body.insertAdjacentHTML('beforeend', `<button><span>${label}</span></button>`);
    expect(readCallSnapshot(MEET_SELECTORS, doc).state).toBe('lobby');
  });

  it('says the controls are not found when the page markup has changed', () => {
    const snapshot = readCallSnapshot(MEET_SELECTORS, fixtureDocument('meet/changed-dom.html'));
    expect(snapshot).toEqual({ platform: 'meet', state: 'unknown', title: null, selfName: null, controlsFound: false });
  });

  it('does not take the word "You" on a tile for the user\'s name', () => {
    const doc = fixtureDocument('meet/in-call.html');
    doc.querySelector('[aria-label^="Google Account"]')?.remove();
    expect(readCallSnapshot(MEET_SELECTORS, doc).selfName).toBeNull();
  });

  it('ignores screens the page keeps hidden', () => {
    const doc = fixtureDocument('meet/in-call.html');
    const left = doc.createElement('main');
    left.hidden = true;
    left.innerHTML = '<h1>You left the meeting</h1><button>Rejoin</button>';
    doc.body.append(left);
    expect(readCallSnapshot(MEET_SELECTORS, doc).state).toBe('in-call');
  });

  it('falls back to the tab title when the page has no title element', () => {
    const doc = fixtureDocument('meet/in-call.html');
    doc.querySelector('[data-meeting-title]')?.removeAttribute('data-meeting-title');
    expect(readCallSnapshot(MEET_SELECTORS, doc).title).toBe('Weekly mentoring with Priya');
  });

  it.each(['Your host ended the meeting for everyone', 'You were removed from the meeting'])(
    'reads "%s" as the end of a Meet call',
    (phrase) => {
      const doc = fixtureDocument('meet/in-call.html');
      const screen = doc.createElement('div');
      screen.textContent = phrase;
      doc.body.append(screen);
      expect(readCallSnapshot(MEET_SELECTORS, doc).state).toBe('left');
    },
  );

  it.each(['Ask to join anyway', 'Join anyway'])(
    'reads a Meet green room offering "%s" as before the call',
    (label) => {
      const doc = fixtureDocument('meet/lobby.html');
      doc.querySelector('[jsname="Qx7uuf"]')?.remove();
      const button = doc.createElement('button');
      button.textContent = label;
      doc.body.append(button);
      expect(readCallSnapshot(MEET_SELECTORS, doc).state).toBe('lobby');
    },
  );

  it('reads a Meet waiting room as before the call although its Leave button shows, and in the call once admitted', () => {
    const doc = fixtureDocument('meet/in-call.html');
    const tiles = doc.querySelector('.tiles');
    tiles?.remove();
    doc.querySelector('button[aria-label^="Turn on captions"]')?.remove();
    const waiting = doc.createElement('div');
    waiting.textContent = 'Asking to be let in…';
    doc.body.append(waiting);
    expect(readCallSnapshot(MEET_SELECTORS, doc).state).toBe('lobby');
    if (tiles) doc.body.append(tiles);
    expect(readCallSnapshot(MEET_SELECTORS, doc).state).toBe('in-call');
  });

  it('prefers "left" over controls still lingering on the page', () => {
    const doc = fixtureDocument('meet/in-call.html');
    const heading = doc.createElement('h1');
    heading.textContent = 'You left the meeting';
    doc.body.append(heading);
    expect(readCallSnapshot(MEET_SELECTORS, doc).state).toBe('left');
  });

  it("reads Zoom's client inside its same-origin iframe#webclient", () => {
    const outer = fixtureDocument('zoom/join.html');
    const inner = fixtureDocument('zoom/meeting.html');
    const frame = outer.querySelector('iframe#webclient');
    Object.defineProperty(frame, 'contentDocument', { value: inner });
    expect(readCallSnapshot(ZOOM_SELECTORS, outer)).toMatchObject({
      state: 'in-call',
      title: 'Career coaching: Jordan',
    });
  });

  it('skips a frame it may not read instead of failing', () => {
    const outer = fixtureDocument('zoom/join.html');
    const frame = outer.querySelector('iframe#webclient');
    Object.defineProperty(frame, 'contentDocument', {
      get() {
        throw new DOMException('Blocked a frame', 'SecurityError');
      },
    });
    expect(readCallSnapshot(ZOOM_SELECTORS, outer)).toMatchObject({ state: 'unknown', controlsFound: false });
  });

  it('caps very long titles', () => {
    const doc = fixtureDocument('teams/in-call.html');
    const title = doc.querySelector('[data-tid="call-title"]');
    if (title) title.textContent = 'x'.repeat(5_000);
    expect(readCallSnapshot(TEAMS_SELECTORS, doc).title).toHaveLength(200);
  });
});
