import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionSession } from '../../scripts/browser/launch-extension';
import { routeDemoCall } from '../../scripts/demo/serve';
import type { CommitmentRecord, RelationshipRecord } from '../../utils/db/types';
import { sessionIdOfTab, storedRecords, storedSessions } from './helpers';
import { CallBesidePanel, SidePanel } from './pages';

// One call is one session (issue 12, items 2–6, 12, 18), on the demo call in the built extension.
let ext: ExtensionSession;
beforeAll(async () => {
  ext = await launchWithExtension();
  await routeDemoCall(ext.context);
});
afterAll(() => ext?.close());

function readAll<T>(page: Page, store: 'commitments' | 'relationships'): Promise<T[]> {
  return storedRecords<T>(page, store);
}

/** Deletes a session and its commitments as the dashboard does, behind the panel's back. */
function deleteBehindPanel(page: Page, sessionId: string): Promise<void> {
  return page.evaluate(
    (id) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('attune');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['sessions', 'commitments'], 'readwrite');
          tx.objectStore('sessions').delete(id);
          const commitments = tx.objectStore('commitments');
          const linked = commitments.index('by-session').getAllKeys(id);
          linked.onsuccess = () => linked.result.forEach((key) => commitments.delete(key));
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    sessionId,
  );
}

function capture(panel: Page, line: string): Promise<void> {
  return new SidePanel(panel).capture(line);
}

describe('one call is one session', () => {
  it('moves early commitments with the link, continues the session on a quick rejoin, and ends it when the tab closes', async () => {
    const { call, panel, tabId, sidePanel } = await CallBesidePanel.openDemo(ext);
    const sessionId = await sessionIdOfTab(ext, tabId);

    // Captured before the relationship is linked: the placeholder owner, no relationship.
    await capture(panel, 'send the draft CV to Sam');
    await expect
      .poll(async () => (await readAll<CommitmentRecord>(panel, 'commitments')).map((c) => c.owner))
      .toEqual(['Mentee']);

    await sidePanel.chooseButton.click();
    await sidePanel.createAndLink('Priya Shah');
    await panel.getByTestId('relationship').filter({ hasText: 'Alex Morgan & Priya Shah' }).waitFor();
    // The form closed (and cleared) once linked: no second click can make a twin.
    await expect.poll(() => panel.getByRole('button', { name: 'Create and link' }).count()).toBe(0);
    const [rel] = await readAll<RelationshipRecord>(panel, 'relationships');
    await expect
      .poll(async () => (await readAll<CommitmentRecord>(panel, 'commitments')).map((c) => [c.owner, c.relationshipId]))
      .toEqual([['Priya Shah', rel?.id]]);
    expect(await readAll<RelationshipRecord>(panel, 'relationships')).toHaveLength(1);

    // Leave, then rejoin seconds later: the same session goes on.
    await call.locator('#leave').click();
    await panel.getByTestId('call-state').filter({ hasText: 'Call ended' }).waitFor();
    await call.locator('#rejoin').click();
    await panel.getByTestId('call-state').filter({ hasText: 'In call' }).waitFor();
    expect(await sessionIdOfTab(ext, tabId)).toBe(sessionId);
    expect(await panel.getByTestId('relationship').innerText()).toBe('Alex Morgan & Priya Shah');
    await expect
      .poll(() => panel.getByRole('list', { name: 'Agreed in this session' }).getByRole('listitem').count())
      .toBe(1);
    await expect
      .poll(async () => (await storedSessions(panel)).map((s) => [s.id, s.endedAt]))
      .toEqual([[sessionId, null]]);

    // The call tab closes without the page showing a leave: the session ends all the same.
    await call.close();
    await expect
      .poll(async () => (await storedSessions(panel))[0]?.endedAt ?? null, { timeout: 10_000 })
      .not.toBeNull();
    await panel.close();
  });

  it('tells the mentor when the live session was deleted, saves nothing against it, and restores it on request', async () => {
    const { call, panel, tabId } = await CallBesidePanel.openDemo(ext);
    const sessionId = await sessionIdOfTab(ext, tabId);
    await capture(panel, 'book a mock interview');
    await deleteBehindPanel(panel, sessionId);

    const box = panel.getByLabel('Capture a commitment');
    await box.fill('write down three options');
    await box.press('Enter');
    const notice = panel.getByRole('region', { name: 'Discard session' }).getByRole('alert');
    await expect.poll(() => notice.innerText()).toContain('deleted in the dashboard');
    expect(await box.inputValue()).toBe('write down three options');
    expect((await storedSessions(panel)).some((s) => s.id === sessionId)).toBe(false);
    expect((await readAll<CommitmentRecord>(panel, 'commitments')).filter((c) => c.sessionId === sessionId)).toEqual(
      [],
    );

    await notice.getByRole('button', { name: 'Restore this session' }).click();
    await expect.poll(async () => (await storedSessions(panel)).some((s) => s.id === sessionId)).toBe(true);
    await expect
      .poll(async () =>
        (await readAll<CommitmentRecord>(panel, 'commitments'))
          .filter((c) => c.sessionId === sessionId)
          .map((c) => c.action),
      )
      .toEqual(['Book a mock interview']);
    await box.press('Enter');
    await expect.poll(() => box.inputValue()).toBe('');
    await expect
      .poll(async () =>
        (await readAll<CommitmentRecord>(panel, 'commitments')).filter((c) => c.sessionId === sessionId),
      )
      .toHaveLength(2);

    // Discarding asks first, then removes the session and its commitments; undo brings them back.
    await panel.getByRole('button', { name: 'Discard this session…' }).click();
    await panel.getByRole('button', { name: 'Discard session' }).click();
    await expect.poll(async () => (await storedSessions(panel)).some((s) => s.id === sessionId)).toBe(false);
    await panel.getByRole('button', { name: 'Undo discard' }).click();
    await expect.poll(async () => (await storedSessions(panel)).some((s) => s.id === sessionId)).toBe(true);
    await call.close();
    await panel.close();
  });

  it('opens a newly chosen model at a stage with its questions, and says the session runs on in the waiting room after a reload', async () => {
    const { call, panel } = await CallBesidePanel.openDemo(ext);
    const card = panel.getByRole('list', { name: 'Open questions for this stage' });
    await card.getByRole('listitem').first().waitFor();
    await panel.locator('label.model select').selectOption('grow');
    await panel
      .getByRole('navigation', { name: 'Stages of the conversation' })
      .locator('[aria-current="step"]')
      .filter({ hasText: 'Goal' })
      .waitFor();
    await expect.poll(() => card.getByRole('listitem').count()).toBeGreaterThan(0);

    await call.reload();
    await panel.getByTestId('call-state').filter({ hasText: 'Waiting to join' }).waitFor();
    const lobby = panel.locator('[data-kind^="lobby"]');
    await expect.poll(() => lobby.innerText()).toContain('still running');
    expect(await lobby.innerText()).not.toContain('starts when you join');
    expect(await panel.getByTestId('elapsed').count()).toBe(1);
    await call.close();
    await panel.close();
  });
});
