// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { frameRole, frameShouldReport, hasUnreadableFrame } from '@/utils/platforms/frame-role';
import { readCallSnapshot } from '@/utils/platforms/read-call';
import { startWatchingCallPage } from '@/utils/platforms/start-watching';
import { TEAMS_SELECTORS } from '@/utils/platforms/teams';
import { TEAMS_CAPTIONS } from '@/utils/captions/teams';
import { findCaptionRegion } from '@/utils/captions/read-captions';
import { fixtureDocument } from './fixture-document';

function framed(readable: boolean): Document {
  const outer = fixtureDocument('teams/framed-2025.html');
  const frame = outer.querySelector('iframe');
  const inner = fixtureDocument('teams/framed-call-2025.html');
  Object.defineProperty(frame, 'contentDocument', readable ? { value: inner } : { value: null });
  return outer;
}

describe('Teams calls hosted in iframe[id^="experience-container"]', () => {
  it('reads the call, its title and the own name through a same-origin frame', () => {
    expect(readCallSnapshot(TEAMS_SELECTORS, framed(true))).toMatchObject({
      state: 'in-call',
      title: 'Mentoring: Lee and Ana',
      selfName: 'Lee Chen',
    });
  });

  it('finds captions drawn inside the frame', () => {
    const outer = framed(true);
    const inner = outer.querySelector('iframe')?.contentDocument;
    const captions = fixtureDocument('captions/teams-live-2026.html').querySelector(
      '[data-tid="closed-caption-v2-window-wrapper"]',
    );
    if (!inner || !captions) throw new Error('fixture missing');
    inner.body.append(inner.importNode(captions, true));
    expect(findCaptionRegion(TEAMS_CAPTIONS, outer)?.element.ownerDocument).toBe(inner);
  });

  it('tells a frame of another origin, which only a script inside it can read', () => {
    expect(hasUnreadableFrame(TEAMS_SELECTORS.frames, framed(false))).toBe(true);
    expect(hasUnreadableFrame(TEAMS_SELECTORS.frames, framed(true))).toBe(false);
    expect(frameRole(window)).toBe('top');
    const child = {
      top: {},
      parent: {
        get document(): Document {
          throw new DOMException('Blocked a frame', 'SecurityError');
        },
      },
    } as unknown as Window;
    expect(frameRole(child)).toBe('own-origin-frame');
    const sameOrigin = { top: {}, parent: { document } } as unknown as Window;
    expect(frameRole(sameOrigin)).toBe('read-by-top');
  });

  it('lets exactly one frame speak for the call', () => {
    const unreadable = framed(false);
    // The top page sees only the shell: it stays quiet instead of saying it cannot see the call.
    expect(frameShouldReport('top', false, TEAMS_SELECTORS.frames, unreadable)).toBe(false);
    expect(frameShouldReport('own-origin-frame', true, TEAMS_SELECTORS.frames, unreadable)).toBe(true);
    // A frame of another origin that shows no call (an app tab) says nothing.
    expect(frameShouldReport('own-origin-frame', false, TEAMS_SELECTORS.frames, unreadable)).toBe(false);
    expect(frameShouldReport('read-by-top', true, TEAMS_SELECTORS.frames, unreadable)).toBe(false);
    // An ordinary page without a call frame reports as before.
    expect(frameShouldReport('top', false, TEAMS_SELECTORS.frames, fixtureDocument('teams/prejoin.html'))).toBe(true);
  });
});

describe('startWatchingCallPage in a framed Teams call', () => {
  let sent: Array<{ type: string; snapshot?: { state: string } }>;
  let invalidated: Array<() => void>;
  const ctx = () => ({ onInvalidated: (cb: () => void) => void invalidated.push(cb) });
  beforeEach(() => {
    vi.useFakeTimers();
    fakeBrowser.reset();
    sent = [];
    invalidated = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(
      async (message: unknown) => void sent.push(message as never),
    );
  });
  afterEach(() => {
    invalidated.forEach((cb) => cb());
    vi.useRealTimers();
  });

  it('sends the call from the frame that shows it and nothing from the shell around it', async () => {
    const shell = fixtureDocument('teams/framed-2025.html');
    document.body.replaceWith(document.importNode(shell.body, true));
    Object.defineProperty(document.querySelector('iframe'), 'contentDocument', { value: null });
    startWatchingCallPage(TEAMS_SELECTORS, ctx(), 'top');
    await vi.advanceTimersByTimeAsync(3_000);
    expect(sent).toEqual([]);
    invalidated.forEach((cb) => cb());

    // The same script in the frame (another origin) reads the call.
    const call = fixtureDocument('teams/framed-call-2025.html');
    document.body.replaceWith(document.importNode(call.body, true));
    startWatchingCallPage(TEAMS_SELECTORS, ctx(), 'own-origin-frame');
    await vi.advanceTimersByTimeAsync(3_000);
    expect(sent.filter((m) => m.type === 'call-snapshot').map((m) => m.snapshot?.state)).toEqual(['in-call']);
    expect(sent.some((m) => m.type === 'active-speaker')).toBe(true);
  });

  it('keeps a same-origin subframe silent: the top frame reads it', async () => {
    const call = fixtureDocument('teams/framed-call-2025.html');
    document.body.replaceWith(document.importNode(call.body, true));
    startWatchingCallPage(TEAMS_SELECTORS, ctx(), 'read-by-top');
    await vi.advanceTimersByTimeAsync(3_000);
    expect(sent).toEqual([]);
  });
});
