import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionSession } from '../../scripts/browser/launch-extension';
import { routeCallHosts } from '../../scripts/browser/call-routes';
import { eventually, openPanel, sessionIdOfTab, storedSessions, tabIdOf } from './helpers';

let ext: ExtensionSession;
beforeAll(async () => {
  ext = await launchWithExtension();
  await routeCallHosts(ext.context);
});
afterAll(() => ext?.close());

async function panelBesideCall(url: string): Promise<{ call: Page; panel: Page; tabId: number }> {
  const call = await ext.context.newPage();
  await call.goto(url);
  const tabId = await eventually(() => tabIdOf(ext, url));
  const panel = await openPanel(ext, tabId);
  await panel.getByTestId('call-state').filter({ hasText: 'In call' }).waitFor();
  return { call, panel, tabId };
}

describe('linking a call to a mentoring relationship', () => {
  it('creates a relationship from the panel, links the session, and suggests it for the next call', async () => {
    const first = await panelBesideCall('https://meet.google.com/in-call');
    await first.panel.getByRole('button', { name: 'Choose' }).click();
    await expect.poll(() => first.panel.getByLabel('Mentor', { exact: true }).inputValue()).toBe('Alex Morgan');
    await first.panel.getByLabel('Mentee', { exact: true }).fill('Priya Shah');
    await first.panel.getByRole('button', { name: 'Create and link' }).click();
    await expect.poll(() => first.panel.getByTestId('relationship').innerText()).toBe('Alex Morgan & Priya Shah');

    const sessionId = await sessionIdOfTab(ext, first.tabId);
    await expect
      .poll(async () => (await storedSessions(first.panel)).find((s) => s.id === sessionId)?.relationshipId ?? null)
      .not.toBeNull();
    await first.panel.close();
    await first.call.close();

    // The next call's title ("Weekly mentoring with Priya") names the mentee: one click links it.
    const second = await panelBesideCall('https://meet.google.com/in-call');
    await second.panel.getByText('Is this your session with Alex Morgan & Priya Shah?').waitFor();
    await second.panel.getByRole('button', { name: 'Yes, link it' }).click();
    await expect.poll(() => second.panel.getByTestId('relationship').innerText()).toBe('Alex Morgan & Priya Shah');
    await second.panel.close();
    await second.call.close();
  });
});
