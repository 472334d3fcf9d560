import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../../scripts/browser/launch-extension';
import { routeDemoCall } from '../../scripts/demo/serve';
import { openPanel, sessionIdOfTab, storedSessions } from './helpers';
import { CallBesidePanel, importThrough } from './pages';

let ext: ExtensionSession;
beforeAll(async () => {
  ext = await launchWithExtension();
  await routeDemoCall(ext.context);
});
afterAll(() => ext?.close());

describe('stages and questions on the demo call', () => {
  it('moves through the stages by click and shortcut, records an asked prompt, and saves the timeline', async () => {
    const { call, panel, tabId } = await CallBesidePanel.openDemo(ext, { state: null });
    const stepper = panel.getByRole('navigation', { name: 'Stages of the conversation' });
    await stepper.locator('[aria-current="step"]').filter({ hasText: 'Foundation' }).waitFor();

    await stepper.getByRole('button', { name: /Trust and rapport/ }).click();
    await stepper.locator('[aria-current="step"]').filter({ hasText: 'Trust and rapport' }).waitFor();
    await panel.locator('body').press(']');
    await stepper.locator('[aria-current="step"]').filter({ hasText: 'Define the problem or skill' }).waitFor();

    const firstPrompt = panel
      .getByRole('list', { name: 'Open questions for this stage' })
      .getByRole('listitem')
      .first();
    const promptText = (await firstPrompt.locator('.text').innerText()).trim();
    await firstPrompt.getByRole('button', { name: `Asked: ${promptText}` }).click();
    await firstPrompt.getByText('Asked ✓').waitFor();

    const sessionId = await sessionIdOfTab(ext, tabId);
    await expect
      .poll(async () => {
        const s = (await storedSessions(panel)).find((x) => x.id === sessionId);
        return {
          model: s?.frameworkId,
          stages: s?.stageTimeline.map((m) => m.stageId),
          prompts: s?.promptsUsed.map((p) => p.stageId),
        };
      })
      .toEqual({ model: 'six-layer', stages: ['foundation', 'trust', 'define'], prompts: ['define'] });

    // The timeline survives the panel closing and reopening.
    await panel.close();
    const again = await openPanel(ext, tabId);
    await again
      .getByRole('navigation', { name: 'Stages of the conversation' })
      .locator('[aria-current="step"]')
      .filter({ hasText: 'Define the problem or skill' })
      .waitFor();
    await again.close();
    await call.close();
  });

  it('checks a question as the mentor types it', async () => {
    const { call, panel } = await CallBesidePanel.openDemo(ext, { join: false, state: null });
    await panel.getByLabel('Check a question').fill('so did you tell your manager');
    await expect.poll(() => panel.locator('.verdict').innerText()).toContain('Closed');
    await expect.poll(() => panel.locator('.verdict').innerText()).toContain('Try:');
    await panel.getByLabel('Check a question').fill('what would you like to focus on today');
    await expect.poll(() => panel.locator('.verdict').innerText()).toContain('Open');
    await panel.close();
    await call.close();
  });

  it('keeps the mentor’s own question and hidden ones across panels, and refuses a bad model file', async () => {
    const { call, panel, tabId } = await CallBesidePanel.openDemo(ext, { state: null });
    const card = panel.getByRole('list', { name: 'Open questions for this stage' });
    await card.getByRole('listitem').first().waitFor();
    const firstText = (await card.getByRole('listitem').first().locator('.text').innerText()).trim();
    await card.getByRole('button', { name: `Hide: ${firstText}` }).click();
    await card.getByRole('button', { name: 'Hide it' }).click();
    await expect.poll(() => card.innerText()).not.toContain(firstText);

    await panel.getByText('Edit this model').click();
    await panel.getByLabel(/Add your own question/).fill('What would make this hour count for you?');
    await panel.getByRole('button', { name: 'Add', exact: true }).click();
    await importThrough(panel.getByRole('button', { name: 'Import model…' }), {
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": "attune.model", "version": 1'),
    });
    await expect.poll(() => panel.getByRole('alert').innerText()).toContain('not valid JSON');
    await panel.close();

    const again = await openPanel(ext, tabId);
    const cardAgain = again.getByRole('list', { name: 'Open questions for this stage' });
    await cardAgain.getByRole('listitem').first().waitFor();
    for (let i = 0; i < 5; i += 1) {
      expect(await cardAgain.innerText()).not.toContain(firstText);
      if ((await cardAgain.innerText()).includes('What would make this hour count for you?')) break;
      await again.getByRole('button', { name: 'Other questions' }).click();
    }
    expect(await cardAgain.innerText()).toContain('What would make this hour count for you?');
    await again.close();
    await call.close();
  });
});
