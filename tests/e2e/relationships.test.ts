import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../../scripts/browser/launch-extension';
import { routeCallHosts } from '../../scripts/browser/call-routes';
import { sessionIdOfTab, storedSessions } from './helpers';
import { CallBesidePanel } from './pages';

let ext: ExtensionSession;
beforeAll(async () => {
  ext = await launchWithExtension();
  await routeCallHosts(ext.context);
});
afterAll(() => ext?.close());

describe('linking a call to a mentoring relationship', () => {
  it('creates a relationship from the panel, links the session, and suggests it for the next call', async () => {
    const first = await CallBesidePanel.open(ext, 'https://meet.google.com/in-call');
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
    const second = await CallBesidePanel.open(ext, 'https://meet.google.com/in-call');
    await second.panel.getByText('Is this your session with Alex Morgan & Priya Shah?').waitFor();
    await second.panel.getByRole('button', { name: 'Yes, link it' }).click();
    await expect.poll(() => second.panel.getByTestId('relationship').innerText()).toBe('Alex Morgan & Priya Shah');
    await second.panel.close();
    await second.call.close();
  });

  it('co-coaching: the pair swap roles from the panel, and each swap is saved with the session', async () => {
    const { call, panel, tabId } = await CallBesidePanel.open(ext, 'https://meet.google.com/in-call');
    // No swap control outside co-coaching.
    expect(await panel.getByRole('button', { name: 'Swap roles' }).count()).toBe(0);
    // The title suggests the relationship made above; this call is with someone else.
    await panel.getByRole('button', { name: 'Another' }).click();
    await panel.getByLabel('Mentee', { exact: true }).fill('Jo Lee');
    await panel.getByLabel('Kind').selectOption('co-coaching');
    await panel.getByRole('button', { name: 'Create and link' }).click();
    await panel.getByText('You are coaching').waitFor();
    await panel.getByRole('button', { name: 'Swap roles' }).click();
    await panel.getByText('Your partner is coaching').waitFor();
    const sessionId = await sessionIdOfTab(ext, tabId);
    await expect
      .poll(async () => (await storedSessions(panel)).find((s) => s.id === sessionId)?.roleSwaps.length ?? 0)
      .toBe(1);
    await panel.close();
    await call.close();
  });
});
