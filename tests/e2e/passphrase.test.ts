import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../../scripts/browser/launch-extension';
import { routeDemoCall } from '../../scripts/demo/serve';
import { eventually, openPanel, rawSession, sessionIdOfTab } from './helpers';
import { CallPage, Dashboard, importThrough } from './pages';
import { readHistory } from '../../scripts/browser/history-db';

const PASSPHRASE = 'a long walk by the river';
const NOTE = 'Priya is weighing an offer from another team';
const LOCKED_NOTE = 'Wants a stretch project first';

let ext: ExtensionSession;
beforeAll(async () => {
  ext = await launchWithExtension();
  await routeDemoCall(ext.context);
});
afterAll(() => ext?.close());

describe('a passphrase over the notes', () => {
  it('keeps the notes encrypted in IndexedDB, locks them away, and opens them with the passphrase', async () => {
    const { page: dashboard } = await Dashboard.open(ext);
    await dashboard.getByRole('button', { name: 'Settings' }).click();
    await dashboard.getByLabel('Passphrase (8 characters or more)').fill(PASSPHRASE);
    await dashboard.getByLabel('The same again').fill(PASSPHRASE);
    await dashboard.getByLabel('I understand that a forgotten passphrase cannot be recovered').check();
    await dashboard.getByRole('button', { name: 'Turn on the passphrase' }).click();
    await dashboard.getByText('Unlocked until the browser quits.').waitFor();

    const { tabId } = await CallPage.openDemo(ext);
    const sessionId = await sessionIdOfTab(ext, tabId);
    const panel = await openPanel(ext, tabId);
    const notes = panel.getByLabel('Notes', { exact: true });
    await notes.fill(NOTE);
    await notes.blur();
    const stored = await eventually(async () => {
      const text = await rawSession(panel, sessionId);
      if (!text.includes('"sealed"')) throw new Error('not sealed yet');
      return text;
    });
    expect(stored).not.toContain('weighing');
    expect(JSON.parse(stored)).toMatchObject({
      notes: '',
      sealed: { iv: expect.any(String), data: expect.any(String) },
    });

    // Locked from the dashboard: the open panel follows, the notes are gone from view, and the
    // box says that what is written now is encrypted and joins them after the unlock.
    await dashboard.getByRole('button', { name: 'Lock now' }).click();
    await panel.getByTestId('passphrase-unlock').waitFor();
    await panel.getByTestId('notes-write-only').waitFor();
    expect(await notes.inputValue()).toBe('');
    await notes.fill(LOCKED_NOTE);
    await notes.blur();
    await eventually(async () => {
      const text = await rawSession(panel, sessionId);
      if (!text.includes('"lockedDrafts"')) throw new Error('not written yet');
    });
    expect(await rawSession(panel, sessionId)).not.toContain('stretch');

    // A wrong passphrase is refused; the right one brings the notes back.
    await panel.getByTestId('passphrase-unlock').getByLabel('Passphrase').fill('not the passphrase');
    await panel.getByRole('button', { name: 'Unlock notes' }).click();
    await panel.getByText('That passphrase does not open your notes').waitFor();
    await panel.getByTestId('passphrase-unlock').getByLabel('Passphrase').fill(PASSPHRASE);
    await panel.getByRole('button', { name: 'Unlock notes' }).click();
    await expect.poll(() => notes.inputValue(), { timeout: 10_000 }).toBe(`${NOTE}\n\n${LOCKED_NOTE}`);
    const after = await rawSession(panel, sessionId);
    expect(after).not.toContain('weighing');
    expect(after).not.toContain('stretch');
  }, 120_000);

  it('carries the sealed notes in a backup to a new browser, where the backup’s passphrase opens them', async () => {
    // The browser of the test above: its one session's notes sealed, the passphrase unlocked.
    const { page: dashboard } = await Dashboard.open(ext);
    await dashboard.getByRole('button', { name: 'Your data' }).click();
    const [download] = await Promise.all([
      dashboard.waitForEvent('download'),
      dashboard.getByRole('button', { name: 'Export everything' }).click(),
    ]);
    const file = await download.path();
    const backup = readFileSync(file, 'utf8');
    expect(backup).not.toContain('weighing');
    expect(JSON.parse(backup)).toMatchObject({
      passphrase: { salt: expect.any(String) },
      sessions: [{ notes: '', sealed: expect.any(Object) }],
    });

    const other = await launchWithExtension();
    try {
      const { page } = await Dashboard.open(other);
      await page.getByRole('button', { name: 'Your data' }).click();
      await importThrough(page.getByRole('button', { name: 'Import a backup…' }), file);
      await expect.poll(() => page.getByRole('status').first().innerText()).toMatch(/Type the backup’s passphrase/);
      expect(await readHistory(page)).toMatchObject({ sessions: [] });

      await page.getByLabel('The backup’s passphrase').fill(PASSPHRASE);
      await page.getByRole('button', { name: 'Import with it' }).click();
      await expect
        .poll(() => page.getByRole('status').first().innerText(), { timeout: 30_000 })
        .toMatch(/Imported .*now this browser’s/);

      // Still sealed on disk; unlocked here, the report shows the notes.
      const [session] = (await readHistory(page)).sessions;
      expect(session).toMatchObject({ notes: '', sealed: expect.any(Object) });
      await page.getByRole('button', { name: 'Sessions and search' }).click();
      await page.getByRole('list', { name: 'Sessions' }).getByRole('button').first().click();
      await expect.poll(() => page.getByTestId('session-report').innerText()).toContain(NOTE);
    } finally {
      await other.close();
    }
  }, 120_000);
});
