import type { PanelAvailability } from '@/utils/call/call-tabs';

interface FirefoxSidebar {
  sidebarAction: { open(): Promise<void> };
}

const WHERE_POPUP = 'where.html';

function panelPath(tabId: number): string {
  return `sidepanel.html?tabId=${tabId}`;
}

/**
 * Chrome and Edge: the side panel is enabled per call tab and disabled everywhere else. On call
 * tabs the toolbar button has no popup, so its click reaches action.onClicked and opens the
 * panel within the user's gesture; elsewhere its popup says where Attune works.
 */
export function createChromePanelAvailability(): PanelAvailability {
  return {
    async offerOnCallTab(tabId) {
      await browser.sidePanel.setOptions({ tabId, path: panelPath(tabId), enabled: true });
      await browser.action.setPopup({ tabId, popup: '' });
    },
    async withdrawFromTab(tabId) {
      await browser.sidePanel.setOptions({ tabId, enabled: false });
      await browser.action.setPopup({ tabId, popup: WHERE_POPUP });
    },
  };
}

/** Firefox: one sidebar for the window (it follows the active tab); only the button changes. */
export function createFirefoxPanelAvailability(): PanelAvailability {
  const action = browser.action ?? browser.browserAction;
  return {
    async offerOnCallTab(tabId) {
      await action.setPopup({ tabId, popup: '' });
    },
    async withdrawFromTab(tabId) {
      await action.setPopup({ tabId, popup: WHERE_POPUP });
    },
  };
}

/** Opens Attune beside the call. Must be called synchronously from the click or shortcut. */
export function openPanelFromGesture(tabId: number): Promise<void> {
  // Firefox's sidebarAction is missing from the Chrome-shaped WxtBrowser types.
  if (import.meta.env.FIREFOX) return (browser as unknown as FirefoxSidebar).sidebarAction.open();
  return browser.sidePanel.open({ tabId });
}
