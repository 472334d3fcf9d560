import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../../scripts/browser/launch-extension';
import { routeCallHosts } from '../../scripts/browser/call-routes';
import { eventually } from './helpers';
import { CallBesidePanel, CallPage } from './pages';

let ext: ExtensionSession;
beforeAll(async () => {
  ext = await launchWithExtension();
  await routeCallHosts(ext.context);
  // Caption fixtures at the real hosts (routes added later win): /captions/<name> → captions/<name>.html.
  for (const host of ['https://meet.google.com/captions/**', 'https://app.zoom.us/wc/1/captions/**']) {
    await ext.context.route(host, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: readFileSync(
          join('tests/fixtures/captions', `${new URL(route.request().url()).pathname.split('/').pop() ?? ''}.html`),
        ),
      }),
    );
  }
  // Stand in for the panel: keep every caption message the content scripts send.
  await ext.worker.evaluate(() => {
    const seen: unknown[] = [];
    Object.assign(globalThis, { captionMessages: seen });
    chrome.runtime.onMessage.addListener((message: { type?: string }) => {
      if (message?.type?.startsWith('caption')) seen.push(message);
    });
  });
});
afterAll(() => ext?.close());

const messages = () =>
  ext.worker.evaluate(() =>
    (globalThis as unknown as { captionMessages: Array<{ type: string }> }).captionMessages.splice(0),
  );
const request = (tabId: number, read: boolean) =>
  eventually(() =>
    ext.worker.evaluate(([id, on]) => chrome.tabs.sendMessage(id, { type: 'captions-request', read: on }), [
      tabId,
      read,
    ] as const),
  );

/** Asks the content script to stop reading, and returns what it gives out as it stops. */
async function stopReading(tabId: number) {
  await request(tabId, false);
  return eventually(async () => {
    const got = await messages();
    if (got.length === 0) throw new Error('nothing yet');
    return got;
  });
}

describe('captions in the built extension', () => {
  it('reads Meet captions only once asked, and gives out each utterance once when told to stop', async () => {
    const url = 'https://meet.google.com/captions/meet-2025';
    const { page: call, tabId } = await CallPage.open(ext, url);
    await call.evaluate(() => {
      const words = document.querySelectorAll('.ygicle')[1];
      if (words) words.textContent = 'I want to get better at delegating work.';
    });
    await call.waitForTimeout(1_000);
    expect(await messages()).toEqual([]);

    await request(tabId, true);
    await expect.poll(messages).toEqual([{ type: 'caption-status', platform: 'meet', status: 'on' }]);
    await call.evaluate(() => {
      const words = document.querySelectorAll('.ygicle')[1];
      if (words) words.textContent = 'I want to get better at delegating work to my team.';
    });
    const [sent] = await stopReading(tabId);
    expect(sent).toEqual({
      type: 'caption-utterances',
      utterances: [
        // Marked from Meet's self tile (data-self-name), not from the word "You" (issue 13).
        {
          speaker: 'You',
          text: 'What would you like to focus on today?',
          at: expect.any(Number),
          endedAt: expect.any(Number),
          self: true,
        },
        {
          speaker: 'Priya Shah',
          text: 'I want to get better at delegating work to my team.',
          at: expect.any(Number),
          endedAt: expect.any(Number),
        },
      ],
    });
    await call.close();
  });

  it('tells the mentor in the panel how to turn captions on when they are off as reading starts', async () => {
    const url = 'https://meet.google.com/captions/meet-off';
    const { call, panel } = await CallBesidePanel.open(ext, url);
    await panel.getByLabel('Read the call’s captions for this session').check();
    await expect.poll(() => panel.getByText('Captions are off in Meet').count()).toBe(1);
    await messages();
    await panel.close();
    await call.close();
  });

  it('says captions are off in Zoom when the page offers to show them', async () => {
    const url = 'https://app.zoom.us/wc/1/captions/zoom-off';
    const { page: call, tabId } = await CallPage.open(ext, url);
    await request(tabId, true);
    await expect.poll(messages).toEqual([{ type: 'caption-status', platform: 'zoom', status: 'off' }]);
    await request(tabId, false);
    await call.close();
  });

  it('marks a Zoom line as no one’s for certain once two gallery tiles show the speaker’s name', async () => {
    const url = 'https://app.zoom.us/wc/1/captions/zoom-avatar-2026';
    const { page: call, tabId } = await CallPage.open(ext, url);
    await request(tabId, true);
    await expect.poll(messages).toEqual([{ type: 'caption-status', platform: 'zoom', status: 'on' }]);
    // A guest joins under the same full name as the one speaking (the tiles are the gallery's).
    await call.evaluate(() => {
      const names = document.querySelectorAll(
        '.gallery-video-container__video-frame .video-avatar__avatar-footer span',
      );
      const last = names[names.length - 1];
      if (last) last.textContent = 'Jordan Kim';
    });
    const [sent] = await stopReading(tabId);
    expect(sent).toEqual({
      type: 'caption-utterances',
      utterances: [
        {
          speaker: 'Jordan Kim',
          text: 'I keep saying yes to every project.',
          at: expect.any(Number),
          endedAt: expect.any(Number),
          sharedName: true,
        },
      ],
    });
    await call.close();
  });

  it('keeps Zoom captions off over an empty subtitle wrapper, then reads the real line: named from its tile, one line across a redrawn element', async () => {
    const url = 'https://app.zoom.us/wc/1/captions/zoom-empty-wrap-2026';
    const { page: call, tabId } = await CallPage.open(ext, url);
    await request(tabId, true);
    await expect.poll(messages).toEqual([{ type: 'caption-status', platform: 'zoom', status: 'off' }]);

    // The real overlay appears, its avatar without alt; Jordan's tile shows the same picture.
    await call.evaluate(() => {
      document
        .getElementById('main')
        ?.insertAdjacentHTML(
          'beforeend',
          '<div class="video-avatar__avatar"><img class="video-avatar__avatar-img" src="https://zoom.us/p/jordan.png" alt="Jordan Kim"></div>' +
            '<div class="live-transcription-subtitle__overlay-container"><div class="lt-subtitle-wrap"><div id="live-transcription-subtitle">' +
            '<img src="https://zoom.us/p/jordan.png" alt="" aria-hidden="true"><span class="live-transcription-subtitle__item">I keep saying yes</span></div></div></div>',
        );
    });
    await expect
      .poll(messages, { timeout: 10_000 })
      .toEqual([{ type: 'caption-status', platform: 'zoom', status: 'on' }]);
    // Zoom swaps the line's element mid-sentence.
    await call.evaluate(() => {
      const line = document.getElementById('live-transcription-subtitle');
      const fresh = line?.cloneNode(true) as HTMLElement | undefined;
      const words = fresh?.querySelector('.live-transcription-subtitle__item');
      if (!line || !fresh || !words) return;
      words.textContent = 'I keep saying yes to every project.';
      line.replaceWith(fresh);
    });
    await call.waitForTimeout(500);
    const [sent] = await stopReading(tabId);
    expect(sent).toEqual({
      type: 'caption-utterances',
      utterances: [
        {
          speaker: 'Jordan Kim',
          text: 'I keep saying yes to every project.',
          at: expect.any(Number),
          endedAt: expect.any(Number),
        },
      ],
    });
    await call.close();
  });
});
