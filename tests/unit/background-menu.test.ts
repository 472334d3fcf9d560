import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DASHBOARD_MENU_ID, registerDashboardMenu } from '@/entrypoints/background/menu';

// fakeBrowser has no context menus: a stand-in with an event that can be triggered.
type ClickListener = (info: { menuItemId: string | number }) => void;
const clicks: ClickListener[] = [];
const contextMenus = {
  create: vi.fn(),
  onClicked: { addListener: (listener: ClickListener) => void clicks.push(listener) },
};

describe('the toolbar menu', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.clearAllMocks();
    clicks.length = 0;
    Object.assign(fakeBrowser, { contextMenus });
    registerDashboardMenu();
  });

  it('offers "Open Attune dashboard" on the toolbar button once installed', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    expect(contextMenus.create).toHaveBeenCalledWith(
      expect.objectContaining({ id: DASHBOARD_MENU_ID, title: 'Open Attune dashboard', contexts: ['action'] }),
    );
  });

  it('opens the dashboard in a new tab when chosen, and ignores other items', async () => {
    const dashboards = async () => (await fakeBrowser.tabs.query({})).filter((t) => t.url?.endsWith('/dashboard.html'));
    clicks.forEach((listener) => listener({ menuItemId: 'something-else' }));
    await new Promise((r) => setTimeout(r, 10));
    expect(await dashboards()).toHaveLength(0);
    clicks.forEach((listener) => listener({ menuItemId: DASHBOARD_MENU_ID }));
    await vi.waitFor(async () => expect(await dashboards()).toHaveLength(1));
  });
});
