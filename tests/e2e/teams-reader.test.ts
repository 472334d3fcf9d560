import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../../scripts/browser/launch-extension';
import { routeCallHosts } from '../../scripts/browser/call-routes';
import { CallBesidePanel } from './pages';

let ext: ExtensionSession;
beforeAll(async () => {
  ext = await launchWithExtension();
  await routeCallHosts(ext.context);
});
afterAll(() => ext?.close());

describe('Teams as it really is, in the built extension', () => {
  it('finds the user’s own name from the myself-video tile and sees the guest end screen as the end', async () => {
    const url = 'https://teams.microsoft.com/in-call-2026';
    const { call, panel } = await CallBesidePanel.open(ext, url);
    const section = panel.getByRole('region', { name: 'What Attune sees' });
    await expect
      .poll(() => section.locator('[data-signal="self"]').getAttribute('data-found'), { timeout: 15_000 })
      .toBe('true');

    // The host ends the meeting: Teams swaps the call for its guest end screen (here in German).
    await call.evaluate(() => {
      document.body.innerHTML =
        '<div><h2 data-tid="anon-meeting-end-screen-header">Das Meeting wurde beendet</h2><button data-tid="anon-meeting-end-screen-rejoin-button">Erneut teilnehmen</button></div>';
    });
    await expect
      .poll(() => section.locator('[data-signal="call-state"]').innerText(), { timeout: 15_000 })
      .toContain('left');
    await panel.close();
    await call.close();
  });

  it('reads a call hosted in an experience-container frame of another origin from inside that frame', async () => {
    const url = 'https://teams.microsoft.com/framed-2025';
    const { call, panel } = await CallBesidePanel.open(ext, url, { state: null });
    await panel.getByTestId('call-state').filter({ hasText: 'In call' }).waitFor({ timeout: 15_000 });
    const section = panel.getByRole('region', { name: 'What Attune sees' });
    await expect
      .poll(() => section.locator('[data-signal="self"]').getAttribute('data-found'), { timeout: 15_000 })
      .toBe('true');
    await panel.close();
    await call.close();
  });

  it('takes the hang-up button vanishing, with no end screen, for the end of the call', async () => {
    const url = 'https://teams.microsoft.com/in-call-2026';
    const { call, panel } = await CallBesidePanel.open(ext, url);
    await call.evaluate(() => {
      document.querySelector('[data-tid="call-control-bar"]')?.remove();
      document.querySelector('.stage')?.remove();
    });
    const section = panel.getByRole('region', { name: 'What Attune sees' });
    await expect
      .poll(() => section.locator('[data-signal="call-state"]').innerText(), { timeout: 20_000 })
      .toContain('left');
    await panel.close();
    await call.close();
  });
});
