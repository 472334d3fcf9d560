import type { Page } from 'playwright-core';
import type { ExtensionSession } from '../../scripts/browser/launch-extension';
import type { SessionRecord } from '../../utils/db/types';

/** The browser's id for the tab showing `url` (a call page the extension may see). */
export async function tabIdOf(ext: ExtensionSession, url: string): Promise<number> {
  return ext.worker.evaluate(async (pattern) => {
    const [tab] = await chrome.tabs.query({ url: pattern });
    if (tab?.id === undefined) throw new Error(`no tab at ${pattern}`);
    return tab.id;
  }, url);
}

/** The id of the tab the user is looking at (works for sites the extension may not read). */
export async function activeTabId(ext: ExtensionSession, page: Page): Promise<number> {
  await page.bringToFront();
  return ext.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    return tab.id;
  });
}

/** Opens the side panel's page for a tab, at a side panel's width, as Chrome would. */
export async function openPanel(ext: ExtensionSession, tabId: number, width = 360): Promise<Page> {
  const panel = await ext.context.newPage();
  await panel.setViewportSize({ width, height: 720 });
  await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html?tabId=${tabId}`);
  return panel;
}

/** What Attune has saved, read straight from the extension's IndexedDB. */
export async function storedSessions(extensionPage: Page): Promise<SessionRecord[]> {
  return extensionPage.evaluate(
    () =>
      new Promise<SessionRecord[]>((resolve, reject) => {
        const open = indexedDB.open('attune');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('sessions').objectStore('sessions').getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result as SessionRecord[]);
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

/** Retries `read` until it returns without throwing (a tab still loading, a worker waking up). */
export async function eventually<T>(read: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await read();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** The tab's Attune session id, once the background has assigned one. */
export async function sessionIdOfTab(ext: ExtensionSession, tabId: number): Promise<string> {
  return eventually(async () => {
    const sessionId = await ext.worker.evaluate(async (id) => {
      const key = `tab:${id}`;
      const state = (await chrome.storage.session.get(key))[key] as { sessionId?: string | null } | undefined;
      return state?.sessionId ?? null;
    }, tabId);
    if (!sessionId) throw new Error('no session yet');
    return sessionId;
  });
}
