import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionSession } from '../../scripts/browser/launch-extension';
import { routeCallHosts } from '../../scripts/browser/call-routes';
import { storedRecords } from './helpers';
import { CallBesidePanel, exportedText, importThrough } from './pages';
import type { CommitmentRecord } from '../../utils/db/types';

let ext: ExtensionSession;
beforeAll(async () => {
  ext = await launchWithExtension();
  await routeCallHosts(ext.context);
});
afterAll(() => ext?.close());

const URL = 'https://meet.google.com/in-call';

function storedCommitments(page: Page): Promise<CommitmentRecord[]> {
  return storedRecords<CommitmentRecord>(page, 'commitments');
}

describe('commitments', () => {
  it('are captured in one line, saved at once, and reviewed at the start of the next session', async () => {
    const first = await CallBesidePanel.open(ext, URL);
    await first.sidePanel.chooseButton.click();
    await first.sidePanel.createAndLink('Priya Shah');
    await expect.poll(() => first.panel.getByTestId('relationship').innerText()).toBe('Alex Morgan & Priya Shah');

    const capture = first.panel.getByLabel('Capture a commitment');
    await capture.fill('Sam: send the draft CV by Friday');
    await capture.press('Enter');
    await first.panel.getByRole('list', { name: 'Agreed in this session' }).getByText('Send the draft CV').waitFor();
    expect(await capture.inputValue()).toBe('');
    await expect
      .poll(async () =>
        (await storedCommitments(first.panel)).map((c) => ({
          owner: c.owner,
          action: c.action,
          status: c.status,
          linked: c.relationshipId !== null,
        })),
      )
      .toEqual([{ owner: 'Sam', action: 'Send the draft CV', status: 'open', linked: true }]);

    await capture.fill('by Friday');
    await capture.press('Enter');
    await expect.poll(() => first.panel.getByRole('alert').innerText()).toContain('not only when');
    expect(await capture.inputValue()).toBe('by Friday');
    await first.panel.close();
    await first.call.close();

    const second = await CallBesidePanel.open(ext, URL);
    await second.panel.getByRole('button', { name: 'Yes, link it' }).click();
    const review = second.panel.getByRole('region', { name: 'From earlier sessions' });
    await review.getByText('Send the draft CV').waitFor();
    await review.getByRole('button', { name: 'Done' }).click();
    await expect
      .poll(async () =>
        (await storedCommitments(second.panel)).map((c) => ({ status: c.status, notes: c.reviewNotes.length })),
      )
      .toEqual([{ status: 'done', notes: 1 }]);
    await second.panel.close();
    await second.call.close();
  });

  it('puts the cursor in the capture line when the capture shortcut asks for it', async () => {
    const { call, panel, tabId } = await CallBesidePanel.open(ext, URL);
    await panel.getByLabel('Capture a commitment').waitFor();
    expect(await panel.evaluate(() => document.activeElement?.id ?? null)).not.toBe('capture-line');
    // What the background does on Alt+Shift+C (a real key press cannot reach a headless browser's shortcuts).
    await ext.worker.evaluate((id) => chrome.storage.session.set({ [`capture:${id}`]: Date.now() }), tabId);
    await expect.poll(() => panel.evaluate(() => document.activeElement?.id ?? null)).toBe('capture-line');
    await panel.close();
    await call.close();
  });

  it('exports the agreed actions with the next check-in, and an import of the export duplicates nothing', async () => {
    // The page clock starts on 4 December 2026 late in the afternoon and runs from there, so that
    // "by 4 December" is today whatever day the suite runs on.
    await ext.context.clock.install({ time: new Date(2026, 11, 4, 17, 30) });
    const { call, panel } = await CallBesidePanel.open(ext, URL);
    const capture = panel.getByLabel('Capture a commitment');
    await capture.fill('Priya: book a slot with HR, by 4 December');
    await capture.press('Enter');
    await panel.getByRole('list', { name: 'Agreed in this session' }).getByText('Book a slot with HR').waitFor();
    await panel.getByLabel('Next check-in').fill('2026-12-09T14:30');
    await panel.getByLabel('Next check-in').dispatchEvent('change');

    const download = (label: string) => exportedText(panel, label);
    await expect.poll(() => download('Calendar')).toContain('BEGIN:VTODO');
    expect(await download('Calendar')).toContain('DTSTART:20261209T143000');
    expect(await download('CSV')).toContain('"Priya","Book a slot with HR","2026-12-04","open"');
    expect(await download('Markdown')).toContain('- [ ] Book a slot with HR — by 2026-12-04');
    const json = await download('JSON');

    await importThrough(panel.getByRole('button', { name: 'Import a session export…' }), {
      name: 'export.json',
      mimeType: 'application/json',
      buffer: Buffer.from(json),
    });
    await expect
      .poll(() => panel.getByRole('status').filter({ hasText: 'Imported' }).innerText())
      .toMatch(/Imported 0 records; \d+ already here were kept/);
    await importThrough(panel.getByRole('button', { name: 'Import a session export…' }), {
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(json.slice(0, 100)),
    });
    await expect.poll(() => panel.getByRole('alert').innerText()).toContain('not valid JSON');
    await panel.close();
    await call.close();
  });
});
