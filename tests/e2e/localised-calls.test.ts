import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../../scripts/browser/launch-extension';
import { routeCallHosts } from '../../scripts/browser/call-routes';
import { CallBesidePanel } from './pages';

// Call pages in French, German and Spanish with no English word of the platform's on them
// (tests/fixtures/*/…-fr|de|es|ja…, issue 14). Everything is found through the panel's own
// diagnostics (data-signal, data-found) and test ids, never through the call page's words.
let ext: ExtensionSession;
beforeAll(async () => {
  ext = await launchWithExtension();
  await routeCallHosts(ext.context);
});
afterAll(() => ext?.close());

const calls = [
  ['Meet 2024–25 in French', 'https://meet.google.com/in-call-fr-2025', 'meet/left-ja'],
  ['the Zoom web app in German', 'https://app.zoom.us/wc/1/meeting-de', 'zoom/ended-es'],
  ['Teams personal in French', 'https://teams.live.com/live-in-call-fr-2026', 'teams/ended-ja'],
] as const;

/** The question counts' numbers added up: how many of the mentor's questions were counted. */
function asked(tally: string): number {
  const m = /: (\d+) \S+ · (\d+) \S+ · (\d+)/.exec(tally);
  return m ? Number(m[1]) + Number(m[2]) + Number(m[3]) : 0;
}

describe('call pages in other UI languages, in the built extension', () => {
  it.each(calls)(
    'joins, names the user, reads the captions and counts only the user’s question, then sees the end: %s',
    async (_name, url, endFixture) => {
      const { call, panel } = await CallBesidePanel.open(ext, url);
      const seen = panel.getByRole('region', { name: 'What Attune sees' });
      for (const signal of ['self', 'title', 'tiles']) {
        await expect
          .poll(() => seen.locator(`[data-signal="${signal}"]`).getAttribute('data-found'), { timeout: 15_000 })
          .toBe('true');
      }

      await panel.getByLabel('Read the call’s captions for this session').check();
      // The page's captions stay as they are: they settle as final lines, the mentee's one not counted.
      await expect
        .poll(async () => asked(await panel.getByTestId('question-tally').innerText()), { timeout: 20_000 })
        .toBe(1);

      // The call ends in yet another language: the end screen's fixture replaces the page.
      const html = readFileSync(`tests/fixtures/${endFixture}.html`, 'utf8');
      await call.evaluate((body) => {
        document.body.innerHTML = new DOMParser().parseFromString(body, 'text/html').body.innerHTML;
      }, html);
      await expect
        .poll(() => seen.locator('[data-signal="call-state"]').innerText(), { timeout: 15_000 })
        .toContain('left');
      await panel.close();
      await call.close();
    },
    60_000,
  );

  it.each([
    ['Meet’s green room in Spanish', 'https://meet.google.com/lobby-es'],
    ['Zoom’s preview in Japanese', 'https://app.zoom.us/wc/1/preview-ja'],
    ['Teams’ pre-join in Spanish', 'https://teams.microsoft.com/prejoin-es'],
  ] as const)('sees the user waiting to join, under their own name: %s', async (_name, url) => {
    const { call, panel } = await CallBesidePanel.open(ext, url, { state: null });
    const seen = panel.getByRole('region', { name: 'What Attune sees' });
    await expect
      .poll(() => seen.locator('[data-signal="call-state"]').innerText(), { timeout: 15_000 })
      .toContain('waiting to join');
    await expect
      .poll(() => seen.locator('[data-signal="self"]').getAttribute('data-found'), { timeout: 15_000 })
      .toBe('true');
    await panel.close();
    await call.close();
  });
});
