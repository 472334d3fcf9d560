import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';

// fakeBrowser has no side panel and no action.setPopup: stand-ins that record their calls.
const sidePanel = {
  setOptions: vi.fn(async () => {}),
  setPanelBehavior: vi.fn(async () => {}),
  open: vi.fn(async () => {}),
};
const setPopup = vi.fn(async () => {});
// Nor has it context menus (the toolbar's "Open Attune dashboard", tested in background-menu.test.ts).
const contextMenus = { create: vi.fn(), onClicked: { addListener: vi.fn() } };
// Nor has it commands.onCommand: a minimal event with a trigger, as fakeBrowser's own events have.
type CommandListener = (command: string, tab?: unknown) => void;
const commandListeners: CommandListener[] = [];
// Nor runtime.onConnect, tabCapture or offscreen (the talk capture, tested in talk-capture.test.ts).
const onConnect = { addListener: vi.fn() };
const tabCapture = { getMediaStreamId: vi.fn(async () => 'stream-1') };
const onCommand = {
  addListener: (listener: CommandListener) => void commandListeners.push(listener),
  trigger: (command: string, tab?: unknown) => commandListeners.forEach((listener) => listener(command, tab)),
};

const snapshot = { platform: 'meet', state: 'in-call', title: 'Weekly', selfName: 'Alex', controlsFound: true };
type Tab = Parameters<typeof fakeBrowser.action.onClicked.trigger>[0];
const fakeTab = (id: number, url: string): Tab =>
  ({ id, url, index: 0, highlighted: false, active: true, pinned: false, incognito: false, windowId: 1 }) as Tab;
const meetTab = fakeTab(5, 'https://meet.google.com/abc-defg-hij');

async function stored(tabId: number) {
  return (await fakeBrowser.storage.session.get(`tab:${tabId}`))[`tab:${tabId}`] as Record<string, unknown> | undefined;
}

describe('background', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.clearAllMocks();
    Object.assign(fakeBrowser, { sidePanel, contextMenus });
    // Nor permissions.onAdded (reminders listen for the notifications permission; tested in background-reminders.test.ts).
    vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(() => {});
    vi.spyOn(fakeBrowser.action, 'setPopup').mockImplementation(setPopup);
    commandListeners.length = 0;
    Object.assign(fakeBrowser.commands, { onCommand });
    Object.assign(fakeBrowser, { tabCapture });
    Object.assign(fakeBrowser.runtime, { onConnect });
    background.main();
  });

  it('keeps the panel off everywhere until a call tab is seen, and never opens it on its own', () => {
    expect(sidePanel.setOptions).toHaveBeenCalledWith({ enabled: false });
    expect(sidePanel.setPanelBehavior).toHaveBeenCalledWith({ openPanelOnActionClick: false });
  });

  it('records a snapshot from its content script and offers the panel on that tab', async () => {
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'call-snapshot', snapshot },
      { id: fakeBrowser.runtime.id, tab: meetTab, url: meetTab.url },
    );
    await vi.waitFor(async () => expect(await stored(5)).toMatchObject({ platform: 'meet', snapshot }));
    expect((await stored(5))?.sessionId).toEqual(expect.any(String));
    expect(sidePanel.setOptions).toHaveBeenCalledWith({ tabId: 5, path: 'sidepanel.html?tabId=5', enabled: true });
    expect(setPopup).toHaveBeenCalledWith({ tabId: 5, popup: '' });
  });

  it.each([
    ['another extension', { id: 'someone-else', tab: meetTab, url: meetTab.url }, { type: 'call-snapshot', snapshot }],
    [
      'a page that is not a call',
      { id: 'test-extension-id', tab: fakeTab(5, 'https://example.com/'), url: 'https://example.com/' },
      { type: 'call-snapshot', snapshot },
    ],
    ['no tab at all', { id: 'test-extension-id' }, { type: 'call-snapshot', snapshot }],
    [
      'a malformed message',
      { id: 'test-extension-id', tab: meetTab, url: meetTab.url },
      { type: 'call-snapshot', snapshot: { ...snapshot, state: 'hacked' } },
    ],
  ])('ignores a message from %s', async (_name, sender, message) => {
    const withOurId = sender.id === 'test-extension-id' ? { ...sender, id: fakeBrowser.runtime.id } : sender;
    await fakeBrowser.runtime.onMessage.trigger(message, withOurId);
    await new Promise((r) => setTimeout(r, 20));
    expect(await stored(5)).toBeUndefined();
    expect(sidePanel.setOptions).not.toHaveBeenCalledWith(expect.objectContaining({ tabId: 5 }));
  });

  it("opens the side panel from the toolbar click on a call tab, and takes that tab's audio stream id in the same gesture", async () => {
    await fakeBrowser.action.onClicked.trigger(meetTab, undefined);
    expect(sidePanel.open).toHaveBeenCalledWith({ tabId: 5 });
    expect(tabCapture.getMediaStreamId).toHaveBeenCalledWith({ targetTabId: 5 });
    expect(onConnect.addListener).toHaveBeenCalledOnce();
  });

  it('withdraws the panel and forgets the call when the tab goes elsewhere', async () => {
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'call-snapshot', snapshot },
      { id: fakeBrowser.runtime.id, tab: meetTab, url: meetTab.url },
    );
    await vi.waitFor(async () => expect(await stored(5)).toBeDefined());
    await fakeBrowser.tabs.onUpdated.trigger(5, { status: 'loading' }, { id: 5 } as Parameters<
      typeof fakeBrowser.tabs.onUpdated.trigger
    >[2]);
    await vi.waitFor(async () => expect(await stored(5)).toBeUndefined());
    expect(sidePanel.setOptions).toHaveBeenLastCalledWith({ tabId: 5, enabled: false });
    expect(setPopup).toHaveBeenLastCalledWith({ tabId: 5, popup: 'where.html' });
  });

  it('opens the panel and asks for the capture line when the capture shortcut is pressed on a call', async () => {
    onCommand.trigger('capture-commitment', meetTab);
    expect(sidePanel.open).toHaveBeenCalledWith({ tabId: 5 });
    await vi.waitFor(async () =>
      expect((await fakeBrowser.storage.session.get('capture:5'))['capture:5']).toEqual(expect.any(Number)),
    );
  });

  it('ignores the capture shortcut on other sites', async () => {
    onCommand.trigger('capture-commitment', fakeTab(6, 'https://example.com/'));
    await new Promise((r) => setTimeout(r, 20));
    expect(sidePanel.open).not.toHaveBeenCalled();
    expect(await fakeBrowser.storage.session.get('capture:6')).toEqual({});
  });
});
