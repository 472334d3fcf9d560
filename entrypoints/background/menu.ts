// The toolbar button's right-click menu opens the dashboard (history, trends, settings).
export const DASHBOARD_MENU_ID = 'open-dashboard';

export function registerDashboardMenu(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: DASHBOARD_MENU_ID,
      title: 'Open Attune dashboard',
      // Manifest V2 (Firefox) calls the toolbar button's menu 'browser_action'.
      contexts: [import.meta.env.FIREFOX ? 'browser_action' : 'action'],
    });
  });
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId === DASHBOARD_MENU_ID)
      void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') });
  });
}
