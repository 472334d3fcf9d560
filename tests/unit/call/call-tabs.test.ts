import { describe, expect, it } from 'vitest';
import { createCallTabs, type PanelAvailability } from '@/utils/call/call-tabs';
import type { CallSnapshot } from '@/utils/platforms/types';
import { memoryArea } from '../../support/memory-area';

function recordingPanel(): PanelAvailability & { offered: Set<number> } {
  const offered = new Set<number>();
  return {
    offered,
    async offerOnCallTab(tabId) {
      offered.add(tabId);
    },
    async withdrawFromTab(tabId) {
      offered.delete(tabId);
    },
  };
}

const inCall: CallSnapshot = {
  platform: 'meet',
  state: 'in-call',
  title: 'Weekly',
  selfName: 'Alex',
  controlsFound: true,
};

describe('createCallTabs', () => {
  it('records a call tab and offers the panel there', async () => {
    const store = memoryArea();
    const panel = recordingPanel();
    const tabs = createCallTabs({ store, panel, now: () => 5, newSessionId: () => 'abc' });
    await tabs.recordSnapshot(3, 'https://meet.google.com/abc-defg-hij', inCall);
    expect(await tabs.read(3)).toMatchObject({ tabId: 3, sessionId: 'abc', callStartedAt: 5 });
    expect(panel.offered.has(3)).toBe(true);
  });

  it('ignores a snapshot that claims a platform its page is not on', async () => {
    const store = memoryArea();
    const panel = recordingPanel();
    const tabs = createCallTabs({ store, panel });
    expect(await tabs.recordSnapshot(3, 'https://example.com/', inCall)).toBeNull();
    expect(await tabs.recordSnapshot(3, 'https://teams.microsoft.com/', inCall)).toBeNull();
    expect(store.data.size).toBe(0);
    expect(panel.offered.size).toBe(0);
  });

  it('withdraws the panel and forgets the call when the tab leaves the call site', async () => {
    const store = memoryArea();
    const panel = recordingPanel();
    const tabs = createCallTabs({ store, panel });
    await tabs.recordSnapshot(3, 'https://meet.google.com/x', inCall);
    await tabs.tabNavigated(3, undefined);
    expect(panel.offered.has(3)).toBe(false);
    expect(await tabs.read(3)).toBeNull();
  });

  it('offers the panel as soon as a tab opens a call URL', async () => {
    const panel = recordingPanel();
    const tabs = createCallTabs({ store: memoryArea(), panel });
    await tabs.tabNavigated(9, 'https://app.zoom.us/wc/123/join');
    expect(panel.offered.has(9)).toBe(true);
  });

  it('treats corrupt stored state as no state', async () => {
    const store = memoryArea();
    store.data.set('tab:4', { tabId: 'four' });
    const tabs = createCallTabs({ store, panel: recordingPanel() });
    expect(await tabs.read(4)).toBeNull();
  });

  it.each([
    ['the tab closes', (tabs: ReturnType<typeof createCallTabs>) => tabs.tabClosed(3)],
    [
      'the tab leaves the call site',
      (tabs: ReturnType<typeof createCallTabs>) => tabs.tabNavigated(3, 'https://example.com/'),
    ],
  ])('ends the running session when %s', async (_when, leave) => {
    const ended: Array<[string, number]> = [];
    let clock = 5;
    const tabs = createCallTabs({
      store: memoryArea(),
      panel: recordingPanel(),
      now: () => clock,
      newSessionId: () => 'ses-1',
      sessions: { endSession: async (id, at) => void ended.push([id, at]) },
    });
    await tabs.recordSnapshot(3, 'https://meet.google.com/x', inCall);
    clock = 90_000;
    await leave(tabs);
    expect(ended).toEqual([['ses-1', 90_000]]);
  });

  it('does not end again a session whose call page already showed the user left', async () => {
    const ended: string[] = [];
    const tabs = createCallTabs({
      store: memoryArea(),
      panel: recordingPanel(),
      newSessionId: () => 'ses-1',
      sessions: { endSession: async (id) => void ended.push(id) },
    });
    await tabs.recordSnapshot(3, 'https://meet.google.com/x', inCall);
    await tabs.recordSnapshot(3, 'https://meet.google.com/x', { ...inCall, state: 'left' });
    await tabs.tabClosed(3);
    expect(ended).toEqual([]);
  });

  it('forgets a closed tab', async () => {
    const store = memoryArea();
    const tabs = createCallTabs({ store, panel: recordingPanel() });
    await tabs.recordSnapshot(3, 'https://meet.google.com/x', inCall);
    await tabs.tabClosed(3);
    expect(store.data.size).toBe(0);
  });

  it('starts and ends a session by hand on a page whose controls are not recognised; snapshots neither restart nor end it', async () => {
    const store = memoryArea();
    let clock = 100;
    const ended: Array<[string, number]> = [];
    let ids = 0;
    const tabs = createCallTabs({
      store,
      panel: recordingPanel(),
      now: () => clock,
      newSessionId: () => `s${(ids += 1)}`,
      sessions: { endSession: async (id, at) => void ended.push([id, at]) },
    });
    const unknown: CallSnapshot = {
      platform: 'meet',
      state: 'unknown',
      title: null,
      selfName: null,
      controlsFound: false,
    };
    expect(await tabs.byHand(4, 'start')).toBeNull();
    await tabs.recordSnapshot(4, 'https://meet.google.com/abc-defg-hij', unknown);
    expect(await tabs.read(4)).toMatchObject({ sessionId: null });

    expect(await tabs.byHand(4, 'start')).toMatchObject({
      sessionId: 's1',
      callStartedAt: 100,
      callEndedAt: null,
      byHand: true,
    });
    // A second start, and the page's snapshots, keep the same session running.
    clock = 200;
    await tabs.byHand(4, 'start');
    await tabs.recordSnapshot(4, 'https://meet.google.com/abc-defg-hij', unknown);
    expect(await tabs.read(4)).toMatchObject({ sessionId: 's1', callStartedAt: 100, callEndedAt: null });

    clock = 900;
    expect(await tabs.byHand(4, 'end')).toMatchObject({ sessionId: 's1', callEndedAt: 900 });
    expect(ended).toEqual([['s1', 900]]);
    // Started again later: a new session.
    clock = 1_000;
    expect(await tabs.byHand(4, 'start')).toMatchObject({ sessionId: 's2', callStartedAt: 1_000, callEndedAt: null });
  });

  it("applies a tab's events in the order they came, so a slow snapshot cannot re-offer the panel after the tab left", async () => {
    const store = memoryArea();
    const panel = recordingPanel();
    // The browser is slow to offer the panel: the tab navigates away while the snapshot waits.
    let offerLanded: () => void = () => {};
    const slowPanel: PanelAvailability = {
      offerOnCallTab: (tabId) =>
        new Promise<void>((resolve) => {
          offerLanded = () => void panel.offerOnCallTab(tabId).then(resolve);
        }),
      withdrawFromTab: (tabId) => panel.withdrawFromTab(tabId),
    };
    const tabs = createCallTabs({ store, panel: slowPanel });
    const seen = tabs.recordSnapshot(3, 'https://meet.google.com/abc-defg-hij', inCall);
    const left = tabs.tabNavigated(3, 'https://example.com/');
    await new Promise((r) => setTimeout(r, 10));
    offerLanded();
    await Promise.all([seen, left]);
    expect(panel.offered.has(3)).toBe(false);
    expect(await tabs.read(3)).toBeNull();
  });

  it("keeps going after one of a tab's events fails", async () => {
    const store = memoryArea();
    const failing = { ...store, set: async () => Promise.reject(new Error('disk full')) };
    const panel = recordingPanel();
    const tabs = createCallTabs({ store: failing, panel });
    await expect(tabs.recordSnapshot(3, 'https://meet.google.com/abc-defg-hij', inCall)).rejects.toThrow('disk full');
    await tabs.tabClosed(3);
    expect(panel.offered.has(3)).toBe(false);
  });
});
