import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, launchWithExtension, type ExtensionSession } from '../../scripts/browser/launch-extension';
import { routeCallHosts } from '../../scripts/browser/call-routes';
import { routeDemoCall } from '../../scripts/demo/serve';
import { eventually, openPanel, sessionIdOfTab, storedSessions } from './helpers';
import { CallBesidePanel, CallPage } from './pages';
import type { SessionRecord } from '../../utils/db/types';

const SCENARIO = 'tests/fixtures/audio/headphones';
const TRUTH = JSON.parse(readFileSync(`${SCENARIO}/truth.json`, 'utf8')) as {
  durationSeconds: number;
  mentorShare: number;
};

/** Chrome's id for an unpacked extension: the SHA-256 of its absolute path, in the letters a–p. */
function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(dir).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/** A port nothing listens on, for the browser's second DevTools connection. */
function freePort(): Promise<number> {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

let ext: ExtensionSession | undefined;
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

async function savedSession(panel: Page, sessionId: string): Promise<SessionRecord | undefined> {
  return (await storedSessions(panel)).find((s) => s.id === sessionId);
}

/** Whether Chrome has the tab's audio captured for the extension right now. */
function tabCaptured(tabId: number): Promise<boolean> {
  return ext!.worker.evaluate(
    async (id) => (await chrome.tabCapture.getCapturedTabs()).some((t) => t.tabId === id && t.status === 'active'),
    tabId,
  );
}

/** How many offscreen documents the extension has open (it runs the audio analysis in one). */
function offscreenDocuments(): Promise<number> {
  return ext!.worker.evaluate(
    async () =>
      (await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType] })).length,
  );
}

async function meterValue(panel: Page): Promise<number | null> {
  const value = await panel
    .getByRole('meter', { name: 'Your share of the talk, whole session' })
    .getAttribute('aria-valuenow');
  return value === null ? null : Number(value);
}

describe('talk balance in Chromium', () => {
  it('measures the mentor from a real WAV played as the microphone and the mentee from the call page, within 5 points of the truth', async () => {
    // The mentee's channel reaches the panel as the call page's speaking outline, driven by the
    // scenario's truth (tab capture cannot run beside Chromium's fake microphone, see below).
    ext = await launchWithExtension({ microphone: { wavFile: `${SCENARIO}/mic.wav` } });
    await routeCallHosts(ext.context);
    await ext.context.route('https://meet.google.com/talk-audio/truth.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: readFileSync(`${SCENARIO}/truth.json`) }),
    );
    const { page: call, tabId } = await CallPage.open(ext, 'https://meet.google.com/talk-audio', {
      tabPattern: 'https://meet.google.com/talk-audio*',
    });
    const sessionId = await sessionIdOfTab(ext, tabId);
    const panel = await openPanel(ext, tabId);

    // The fake microphone plays its file from the start when capture begins: start the page's
    // outline at the same moment, so both channels run the scenario in step.
    await expect
      .poll(() => panel.getByTestId('talk-source').innerText(), { timeout: 15_000 })
      .toBe('mic + active speaker');
    await call.evaluate(() => (window as unknown as { startTruth(): Promise<void> }).startTruth());
    // One loop of the scenario, and a moment for the last turn to be counted (the loop starts
    // again with 0.6 s of silence).
    await panel.waitForTimeout(TRUTH.durationSeconds * 1000 + 400);
    const share = await meterValue(panel);
    console.log(`talk-time e2e: panel ${share}% against the truth's ${Math.round(TRUTH.mentorShare * 100)}%`);
    expect(share).not.toBeNull();
    expect(Math.abs((share ?? 0) - TRUTH.mentorShare * 100)).toBeLessThanOrEqual(5);

    const saved = await eventually(async () => {
      const s = await savedSession(panel, sessionId);
      if (!s?.talkTime || s.talkTime.mentorSeconds < 5 || s.talkTime.menteeSeconds < 5)
        throw new Error('not saved yet');
      return s;
    }, 10_000);
    expect(saved.talkTime?.source).toBe('audio');
    expect(saved.talkTimeline.length).toBeGreaterThanOrEqual(1);
  }, 120_000);

  it('measures both sides through the call’s own audio: the mentor’s WAV as the microphone, the mentee’s played by the call page, within 3 points', async () => {
    // The toolbar click is made through the DevTools protocol (Extensions.triggerAction), which
    // gives the gesture tabCapture needs; the page's sound is not muted; the fake microphone is
    // accepted without the fake UI switch. See launchWithExtension's tabAudio.
    const port = await freePort();
    ext = await launchWithExtension({
      microphone: { wavFile: `${SCENARIO}/mic.wav` },
      tabAudio: true,
      debuggingPort: port,
    });
    await routeCallHosts(ext.context);
    for (const file of ['tab.wav', 'truth.json']) {
      await ext.context.route(`https://meet.google.com/talk-audio/${file}`, (route) =>
        route.fulfill({
          status: 200,
          contentType: file.endsWith('wav') ? 'audio/wav' : 'application/json',
          body: readFileSync(`${SCENARIO}/${file}`),
        }),
      );
    }
    const { call, panel, tabId } = await CallBesidePanel.open(ext, 'https://meet.google.com/talk-audio', {
      tabPattern: 'https://meet.google.com/talk-audio*',
      state: null,
    });

    // The panel is up and hears the microphone; now the mentor clicks Attune's button.
    await expect
      .poll(() => panel.getByTestId('talk-source').innerText(), { timeout: 20_000 })
      .toBe('mic + active speaker');
    const devtools = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    try {
      const cdp = await devtools.newBrowserCDPSession();
      const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as {
        targetInfos: Array<{ targetId: string; url: string }>;
      };
      const target = targetInfos.find((t) => t.url.startsWith('https://meet.google.com/talk-audio'));
      if (!target) throw new Error('the call tab has no DevTools target');
      // The click is on the tab in front, as a real one is.
      await call.bringToFront();
      await cdp.send('Extensions.triggerAction' as never, { id: ext.extensionId, targetId: target.targetId } as never);
    } finally {
      await devtools.close().catch(() => undefined);
    }

    await expect.poll(() => panel.getByTestId('talk-source').innerText(), { timeout: 20_000 }).toBe('audio');
    // The microphone's file began when capture began; the call's audio starts now, from its start.
    await call.evaluate(() => (window as unknown as { startAudio(): Promise<void> }).startAudio());
    await panel.waitForTimeout(TRUTH.durationSeconds * 1000 + 400);
    const share = await meterValue(panel);
    console.log(
      `talk-time e2e (tab audio): panel ${share}% against the truth's ${Math.round(TRUTH.mentorShare * 100)}%`,
    );
    expect(share).not.toBeNull();
    expect(Math.abs((share ?? 0) - TRUTH.mentorShare * 100)).toBeLessThanOrEqual(3);
    // The call is still playing while it is captured (the offscreen document plays it back).
    expect(await call.evaluate(() => (document.querySelector('audio') as HTMLAudioElement).paused)).toBe(false);
    expect(await offscreenDocuments()).toBe(1);

    // Closing the panel releases the capture. The click also opened the real side panel beside
    // the tab: it is closed the way Chrome closes it when the panel is turned off for the tab.
    await panel.close();
    await ext.worker.evaluate((id) => chrome.sidePanel.setOptions({ tabId: id, enabled: false }), tabId);
    await expect.poll(() => tabCaptured(tabId), { timeout: 10_000 }).toBe(false);
    expect(await offscreenDocuments()).toBe(0);
  }, 120_000);

  it('captures the call tab’s audio in the offscreen document when Attune may capture the tab', async () => {
    // The same capture without the click: the allowlisting switch grants it to Attune (how an
    // administrator's policy would). The test above measures the tab's audio itself.
    ext = await launchWithExtension({
      extraArgs: [`--allowlisted-extension-id=${unpackedExtensionId(EXTENSION_DIR)}`],
    });
    await routeCallHosts(ext.context);
    await ext.context.route('https://meet.google.com/talk-audio/tab.wav', (route) =>
      route.fulfill({ status: 200, contentType: 'audio/wav', body: readFileSync(`${SCENARIO}/tab.wav`) }),
    );
    const { call, panel, tabId } = await CallBesidePanel.open(ext, 'https://meet.google.com/talk-audio', {
      tabPattern: 'https://meet.google.com/talk-audio*',
      state: null,
    });

    await expect
      .poll(() => panel.getByTestId('talk-source').innerText(), { timeout: 15_000 })
      .toBe('call audio + active speaker');
    expect(await tabCaptured(tabId)).toBe(true);
    // The call still plays for the mentor while it is captured.
    expect(await call.evaluate(() => (document.querySelector('audio') as HTMLAudioElement).paused)).toBe(false);

    // Closing the panel ends the capture.
    await panel.close();
    await expect.poll(() => tabCaptured(tabId), { timeout: 10_000 }).toBe(false);
  }, 120_000);

  it('says it cannot see who is speaking and times the talk from captions when the page’s speaking marker is unknown', async () => {
    ext = await launchWithExtension({ microphone: 'deny' });
    await routeCallHosts(ext.context);
    const url = 'https://meet.google.com/speaking-unknown';
    const { panel } = await CallBesidePanel.open(ext, url);
    await expect.poll(() => panel.getByTestId('talk-source').innerText(), { timeout: 15_000 }).toBe('active speaker');
    await panel.getByLabel('Read the call’s captions for this session').check();
    // The two turns settle a few seconds after reading starts; the highlight never showed anyone.
    await expect.poll(() => panel.getByTestId('talk-source').innerText(), { timeout: 30_000 }).toBe('captions');
    await expect(panel.getByTestId('speaker-hidden').innerText()).resolves.toContain('can’t see who is speaking');
    await expect
      .poll(() => panel.getByTestId('talk-summary').innerText(), { timeout: 15_000 })
      .not.toBe('Nobody has spoken yet.');
  }, 120_000);

  it('falls back to the call page’s speaker highlight when the microphone is refused, and keeps it across a reopened panel', async () => {
    ext = await launchWithExtension({ microphone: 'deny' });
    await routeDemoCall(ext.context);
    const { tabId } = await CallPage.openDemo(ext);
    const sessionId = await sessionIdOfTab(ext, tabId);
    const panel = await openPanel(ext, tabId);

    await expect.poll(() => panel.getByTestId('talk-source').innerText(), { timeout: 15_000 }).toBe('active speaker');
    await expect
      .poll(() => panel.getByRole('status').filter({ hasText: 'microphone' }).count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    const saved = await eventually(async () => {
      const s = await savedSession(panel, sessionId);
      if (!s?.talkTime || s.talkTime.mentorSeconds < 2 || s.talkTime.menteeSeconds < 2)
        throw new Error('not saved yet');
      return s;
    }, 40_000);
    expect(saved.talkTime?.source).toBe('active-speaker');
    expect(saved.talkTimeline[0]?.menteeSeconds).toBeGreaterThan(0);

    await panel.close();
    const again = await openPanel(ext, tabId);
    await expect.poll(() => meterValue(again), { timeout: 10_000 }).not.toBeNull();
    const restored = await savedSession(again, sessionId);
    await again.waitForTimeout(6_000);
    const later = await savedSession(again, sessionId);
    // The reopened panel adds to what was saved: nothing measured before is lost.
    expect(later?.talkTime?.menteeSeconds ?? 0).toBeGreaterThanOrEqual(restored?.talkTime?.menteeSeconds ?? 0);
    expect(later?.talkTime?.mentorSeconds ?? 0).toBeGreaterThanOrEqual(saved.talkTime?.mentorSeconds ?? 0);
  }, 120_000);
});
