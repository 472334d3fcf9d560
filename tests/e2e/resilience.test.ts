import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../../scripts/browser/launch-extension';
import { routeCallHosts } from '../../scripts/browser/call-routes';
import { sessionIdOfTab, storedRecords, storedSessions } from './helpers';
import { CallBesidePanel, SidePanel } from './pages';

let ext: ExtensionSession;
beforeAll(async () => {
  ext = await launchWithExtension();
  await routeCallHosts(ext.context);
});
afterAll(() => ext?.close());

describe('a running session survives', () => {
  it('a reload of the call tab: same session, no duplicate', async () => {
    const url = 'https://teams.microsoft.com/in-call';
    const { call, panel, tabId } = await CallBesidePanel.open(ext, url);
    const sessionId = await sessionIdOfTab(ext, tabId);
    await expect.poll(async () => (await storedSessions(panel)).some((s) => s.id === sessionId)).toBe(true);
    const count = (await storedSessions(panel)).length;

    await call.reload();
    await call.locator('[data-tid="hangup-main-btn"]').waitFor();
    await panel.waitForTimeout(1_500);
    expect(await sessionIdOfTab(ext, tabId)).toBe(sessionId);
    expect((await storedSessions(panel)).length).toBe(count);
    await expect.poll(() => panel.getByTestId('call-state').innerText()).toBe('In call');
    await panel.close();
    await call.close();
  });

  it("a restart of the extension's service worker: the panel keeps following the call", async () => {
    const url = 'https://meet.google.com/in-call';
    const { call, panel, tabId } = await CallBesidePanel.open(ext, url);
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

describe('nothing captured is lost', () => {
  it('a killed browser: the commitment and the session are there after a restart', async () => {
    const profileDir = mkdtempSync(join(tmpdir(), 'attune-killed-'));
    const url = 'https://meet.google.com/in-call';
    try {
      const first = await launchWithExtension({ profileDir });
      await routeCallHosts(first.context);
      const { panel, tabId } = await CallBesidePanel.open(first, url);
      const sessionId = await sessionIdOfTab(first, tabId);
      await new SidePanel(panel).sendCapture('Priya: send the draft CV by Friday');
      await panel.getByRole('list', { name: 'Agreed in this session' }).getByText('Send the draft CV').waitFor();
      await panel.waitForTimeout(6_000); // at least one checkpoint interval of the running session
      const killedAt = Date.now();
      expect(first.kill()).toBe(true);
      await first.close();

      const second = await launchWithExtension({ profileDir });
      try {
        const page = await second.context.newPage();
        await page.goto(`chrome-extension://${second.extensionId}/where.html`);
        const session = (await storedSessions(page)).find((s) => s.id === sessionId);
        expect(session).toBeDefined();
        // At most one checkpoint interval (5 s) of the running session is lost, plus scheduling slack.
        expect(killedAt - (session?.lastCheckpointAt ?? 0)).toBeLessThan(7_000);
        const commitments = await storedRecords<{ action: string }>(page, 'commitments');
        expect(commitments.map((c) => c.action)).toEqual(['Send the draft CV']);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(profileDir, { recursive: true, force: true });
    }
  });

  it('a full disk: the capture says so, keeps the line, and saves once there is room', async () => {
    const url = 'https://app.zoom.us/wc/8123456789/join';
    const { call, panel } = await CallBesidePanel.open(ext, url);
    // Fault injection in the real browser: IndexedDB writes fail as they do when the disk is full.
    await panel.evaluate(() => {
      const put = IDBObjectStore.prototype.put;
      (window as unknown as { restorePut: () => void }).restorePut = () => (IDBObjectStore.prototype.put = put);
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const line = panel.getByLabel('Capture a commitment');
    await line.fill('Sam: book the room for the workshop by Monday');
    await line.press('Enter');
    await expect.poll(() => panel.getByRole('alert').first().innerText()).toContain('storage is full');
    expect(await line.inputValue()).toBe('Sam: book the room for the workshop by Monday');
    await panel.evaluate(() => (window as unknown as { restorePut: () => void }).restorePut());
    await line.press('Enter');
    await panel
      .getByRole('list', { name: 'Agreed in this session' })
      .getByText('Book the room for the workshop')
      .waitFor();
    expect(await line.inputValue()).toBe('');
    await panel.close();
    await call.close();
  });
});
