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

type StoreName = 'sessions' | 'relationships' | 'commitments' | 'caches';

/**
 * Every record of one store, read straight from the extension's IndexedDB (the one reader the e2e
 * tests share; `page` is any page of the extension: panel, dashboard or where.html).
 */
export async function storedRecords<T>(extensionPage: Page, store: StoreName): Promise<T[]> {
  return extensionPage.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('attune');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result as T[]);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}

/** What Attune has saved, read straight from the extension's IndexedDB. */
export async function storedSessions(extensionPage: Page): Promise<SessionRecord[]> {
  return storedRecords<SessionRecord>(extensionPage, 'sessions');
}

/** The session exactly as IndexedDB holds it, as JSON text (`null` when there is none). */
export async function rawSession(extensionPage: Page, id: string): Promise<string> {
  const session = (await storedSessions(extensionPage)).find((s) => s.id === id);
  return JSON.stringify(session ?? null);
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
