import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../../scripts/browser/launch-extension';
import { routeCallHosts } from '../../scripts/browser/call-routes';
import { eventually } from './helpers';
import { CallBesidePanel } from './pages';

let ext: ExtensionSession;
beforeAll(async () => {
  ext = await launchWithExtension();
  await routeCallHosts(ext.context);
});
afterAll(() => ext?.close());

describe('Meet as it really is, in the built extension', () => {
  it('waits in Meet’s waiting room, Leave button and all, until the host lets the user in', async () => {
    const url = 'https://meet.google.com/waiting';
    const { call, panel } = await CallBesidePanel.open(ext, url, { state: 'Waiting to join' });
    await panel.waitForTimeout(2_000);
    await panel.getByTestId('call-state').filter({ hasText: 'Waiting to join' }).waitFor({ timeout: 1_000 });

    // Admitted: Meet replaces the waiting screen with the participants' tiles.
    await call.evaluate(() => {
      document.querySelector('[role="status"]')?.remove();
      document.body.insertAdjacentHTML(
        'afterbegin',
        '<div data-participant-id="spaces/1/devices/1" data-self-name="You"><span>Alex Morgan</span></div>',
      );
    });
    await panel.getByTestId('call-state').filter({ hasText: 'In call' }).waitFor();
    await panel.close();
    await call.close();
  });
});

describe('What Attune sees, in the built extension', () => {
  it('lists the signals it reads and builds a structure-only report of the call page', async () => {
    const url = 'https://meet.google.com/speaking-ring';
    const { call, panel, tabId } = await CallBesidePanel.open(ext, url, { state: null });
    const section = panel.getByRole('region', { name: 'What Attune sees' });
    await expect
      .poll(() => section.locator('[data-signal="call-state"]').getAttribute('data-found'), { timeout: 15_000 })
      .toBe('true');
    await expect
      .poll(() => section.locator('[data-signal="speaking"]').getAttribute('data-found'), { timeout: 15_000 })
      .toBe('true');
    const report = await eventually(() =>
      ext.worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'structure-report-request' }), tabId),
    );
    expect(typeof report).toBe('string');
    expect(report).toContain('{data-participant-id,data-self-name}');
    expect(report).not.toMatch(/Priya|Alex|Weekly mentoring/);
    await panel.close();
    await call.close();
  });
});
