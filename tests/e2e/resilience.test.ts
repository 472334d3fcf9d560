import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../../scripts/browser/launch-extension';
import { routeCallHosts } from '../../scripts/browser/call-routes';
import { eventually, openPanel, sessionIdOfTab, storedSessions, tabIdOf } from './helpers';

let ext: ExtensionSession;
beforeAll(async () => {
  ext = await launchWithExtension();
  await routeCallHosts(ext.context);
});
afterAll(() => ext?.close());

describe('a running session survives', () => {
  it('a reload of the call tab: same session, no duplicate', async () => {
    const url = 'https://teams.microsoft.com/in-call';
    const call = await ext.context.newPage();
    await call.goto(url);
    const tabId = await eventually(() => tabIdOf(ext, url));
    const panel = await openPanel(ext, tabId);
    await panel.getByTestId('call-state').filter({ hasText: 'In call' }).waitFor();
    const sessionId = await sessionIdOfTab(ext, tabId);
    await expect.poll(async () => (await storedSessions(panel)).some((s) => s.id === sessionId)).toBe(true);
    const count = (await storedSessions(panel)).length;

    await call.reload();
    await call.getByRole('button', { name: /Leave/ }).waitFor();
    await panel.waitForTimeout(1_500);
    expect(await sessionIdOfTab(ext, tabId)).toBe(sessionId);
    expect((await storedSessions(panel)).length).toBe(count);
    await expect.poll(() => panel.getByTestId('call-state').innerText()).toBe('In call');
    await panel.close();
    await call.close();
  });

  it('a restart of the extension\'s service worker: the panel keeps following the call', async () => {
    const url = 'https://meet.google.com/in-call';
    const call = await ext.context.newPage();
    await call.goto(url);
    const tabId = await eventually(() => tabIdOf(ext, url));
    const panel = await openPanel(ext, tabId);
    await panel.getByTestId('call-state').filter({ hasText: 'In call' }).waitFor();
    const sessionId = await sessionIdOfTab(ext, tabId);

    // A marker in the worker's memory shows whether the worker really restarted.
    await ext.worker.evaluate(() => Object.assign(globalThis, { attuneTestMarker: true }));
    const cdp = await ext.context.newCDPSession(panel);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');

    // The user leaves: the content script's message wakes a fresh worker, which still knows the call.
    await call.evaluate(() => {
      document.body.innerHTML = '<h1>You left the meeting</h1><button>Rejoin</button>';
    });
    await expect.poll(() => panel.getByTestId('call-state').innerText(), { timeout: 15_000 }).toBe('Call ended');
    await expect
      .poll(async () => (await storedSessions(panel)).find((s) => s.id === sessionId)?.endedAt ?? null)
      .not.toBeNull();
    expect(await ext.worker.evaluate(() => 'attuneTestMarker' in globalThis)).toBe(false);
    await panel.close();
    await call.close();
  });
});
