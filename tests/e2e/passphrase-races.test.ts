// The passphrase where pages meet: a call started while it is locked (every browser restart),
// a panel closed mid-sentence, two dashboards turning it on at once, a panel saving while the
// dashboard turns it off. Real IndexedDB, real navigator.locks, the built extension.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionSession } from '../../scripts/browser/launch-extension';
import { routeDemoCall } from '../../scripts/demo/serve';
import { seedHistory } from '../../scripts/browser/history-db';
import { fakeHistory } from '../support/fake-history';
import { eventually, openPanel, sessionIdOfTab, storedSessions } from './helpers';
import { CallPage, Dashboard } from './pages';

const PASS = 'a long walk by the river';

let ext: ExtensionSession;
beforeEach(async () => {
  ext = await launchWithExtension();
  await routeDemoCall(ext.context);
});
afterEach(() => ext?.close());

async function dashboardPage(): Promise<Page> {
  const { page } = await Dashboard.open(ext);
  await page.getByRole('button', { name: 'Settings' }).click();
  return page;
}

async function fillTurnOn(page: Page, passphrase: string) {
  await page.getByLabel('Passphrase (8 characters or more)').fill(passphrase);
  await page.getByLabel('The same again').fill(passphrase);
  await page.getByLabel('I understand that a forgotten passphrase cannot be recovered').check();
}

async function turnOn(page: Page, passphrase: string) {
  await fillTurnOn(page, passphrase);
  await page.getByRole('button', { name: 'Turn on the passphrase' }).click();
  await page.getByText('Unlocked until the browser quits.').waitFor();
}

async function joinCall(): Promise<{ panel: Page; sessionId: string; tabId: number }> {
  const { tabId } = await CallPage.openDemo(ext);
  const sessionId = await sessionIdOfTab(ext, tabId);
  return { panel: await openPanel(ext, tabId), sessionId, tabId };
}

describe('the passphrase across pages', () => {
  it('locked when the call starts: notes typed are stored encrypted at once, kept through a panel closed mid-sentence, and shown after unlocking', async () => {
    const dashboard = await dashboardPage();
    await turnOn(dashboard, PASS);
    await dashboard.getByRole('button', { name: 'Lock now' }).click();
    await dashboard.getByText('Locked.').waitFor();

    const { panel, sessionId, tabId } = await joinCall();
    await panel.getByTestId('notes-write-only').waitFor();
    const notes = panel.getByLabel('Notes', { exact: true });
    // Typed and closed at once: no pause for the autosave, no blur.
    await notes.pressSequentially('Wants to lead the Lisbon launch', { delay: 5 });
    await panel.close({ runBeforeUnload: true });

    const stored = await eventually(async () => {
      const [s] = (await storedSessions(dashboard)).filter((x) => x.id === sessionId);
      if (!s?.lockedDrafts?.length) throw new Error('nothing stored yet');
      return s;
    });
    expect(JSON.stringify(stored)).not.toContain('Lisbon');

    const again = await openPanel(ext, tabId);
    await again.getByTestId('passphrase-unlock').getByLabel('Passphrase').fill(PASS);
    await again.getByRole('button', { name: 'Unlock notes' }).click();
    await expect
      .poll(() => again.getByLabel('Notes', { exact: true }).inputValue(), { timeout: 10_000 })
      .toBe('Wants to lead the Lisbon launch');
  }, 120_000);

  it('two dashboards turning it on at once: one is refused, and every session opens with the one that won', async () => {
    const history = fakeHistory({
      sessions: 40,
      commitmentsPerSession: 0,
      relationships: 2,
      now: Date.UTC(2026, 5, 1),
      seed: 5,
    });
    const first = await dashboardPage();
    await seedHistory(first, history);
    await first.reload();
    await first.getByRole('button', { name: 'Settings' }).click();
    const second = await dashboardPage();
    await fillTurnOn(first, 'first passphrase here');
    await fillTurnOn(second, 'second passphrase here');
    // Both forms sent in the same moment (a click each would wait for the other page's UI).
    const submit = (page: Page) =>
      page.evaluate(() => document.querySelector<HTMLFormElement>('.passphrase form')?.requestSubmit());
    await Promise.all([submit(first), submit(second)]);
    const outcome = async (page: Page) => {
      const text = await page.locator('.passphrase').innerText();
      if (/another Attune window/.test(text)) return 'refused';
      if (/Passphrase on\./.test(text)) return 'won';
      throw new Error('not finished');
    };
    const results = [await eventually(() => outcome(first), 60_000), await eventually(() => outcome(second), 60_000)];
    expect(results.sort()).toEqual(['refused', 'won']);

    const sessions = await storedSessions(first);
    expect(sessions.filter((s) => s.sealed)).toHaveLength(history.sessions.length);
    // The winner searches the sealed notes: each sample opens with its key.
    const winner = results[0] === 'won' ? first : second;
    await winner.reload();
    await winner.getByRole('button', { name: 'Sessions and search' }).click();
    for (const sample of history.sessions.slice(0, 3)) {
      const phrase = sample.notes
        .split(' ')
        .slice(0, 3)
        .join(' ')
        .replace(/[^\p{L} ]/gu, '');
      await winner.getByLabel('Search sessions and commitments').fill(`"${phrase}"`);
      await expect
        .poll(() => winner.getByTestId('search-count').innerText(), { timeout: 20_000 })
        .toMatch(/^[1-9]\d* found/);
    }
  }, 180_000);

  it('a panel saving notes while the dashboard turns the passphrase off: the notes end up readable and whole', async () => {
    const dashboard = await dashboardPage();
    await turnOn(dashboard, PASS);
    const { panel, sessionId } = await joinCall();
    const notes = panel.getByLabel('Notes', { exact: true });
    await notes.fill('Before the switch.');
    await notes.blur();
    await eventually(async () => {
      const [s] = (await storedSessions(dashboard)).filter((x) => x.id === sessionId);
      if (!s?.sealed) throw new Error('not sealed yet');
    });
    // Typing goes on (saves every few hundred ms) while the passphrase is turned off.
    const typing = (async () => {
      for (let i = 1; i <= 8; i += 1) {
        await notes.fill(`Before the switch. Point ${i}.`);
        await panel.waitForTimeout(150);
      }
      await notes.blur();
    })();
    await dashboard.getByRole('button', { name: 'Turn the passphrase off' }).click();
    await typing;
    await dashboard.getByText(/Passphrase off\./).waitFor();
    const stored = await eventually(async () => {
      const [s] = (await storedSessions(dashboard)).filter((x) => x.id === sessionId);
      if (!s || s.sealed || s.lockedDrafts?.length || !s.notes.includes('Point 8'))
        throw new Error(`not settled: ${JSON.stringify(s?.notes)}`);
      return s;
    }, 20_000);
    expect(stored.notes).toBe('Before the switch. Point 8.');
  }, 120_000);
});
