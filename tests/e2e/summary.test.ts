import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionSession } from '../../scripts/browser/launch-extension';
import { routeDemoCall } from '../../scripts/demo/serve';
import { startOpenAiServer, type OpenAiServer } from '../support/openai-server';
import { sessionIdOfTab, storedSessions } from './helpers';
import { CallBesidePanel, exportedText, SidePanel } from './pages';

const KEY = 'sk-e2e-secret-7f3a';
const reply = JSON.stringify({
  themes: ['Delegating the budget review'],
  insights: ['“I keep rewriting their work at midnight.”'],
  agreedActions: [{ owner: 'Priya', action: 'Hand the budget review to Sam', due: null }],
  nextFocus: 'How the handover went.',
});

let ext: ExtensionSession;
let server: OpenAiServer;
beforeAll(async () => {
  // The e2e build holds the permission for 127.0.0.1 that a person would grant at the prompt.
  execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { stdio: 'ignore' });
  server = await startOpenAiServer();
  ext = await launchWithExtension({ extensionDir: resolve('.output/chrome-mv3-e2e') });
  await routeDemoCall(ext.context);
  // The demo's routes refuse every other address; the local summary server is the one exception.
  await ext.context.route(`${new URL(server.baseURL).origin}/**`, (route) => route.continue());
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

async function turnSummariesOn(panel: Page) {
  const summary = panel.getByRole('region', { name: 'AI summary' });
  if (!(await summary.getByText('Off. Nothing leaves this computer.').isVisible())) return;
  await panel.getByText('Summary settings').click();
  const settings = panel.getByRole('form', { name: 'Summary settings' });
  await settings.getByLabel('Offer AI summaries').check();
  await settings.getByLabel('Endpoint').fill(server.baseURL);
  await settings.getByLabel('Model').fill('test-model');
  await settings.getByLabel('API key').fill(KEY);
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await summary.getByLabel('Both of us agreed to an AI summary of this session').waitFor();
}

describe('opt-in AI summaries on the demo call', () => {
  it('lets extension pages connect only to https and loopback: any other address is refused by the page itself', async () => {
    const { call, panel } = await CallBesidePanel.openDemo(ext);
    const attempt = (url: string) =>
      panel.evaluate(async (target) => {
        const violations: string[] = [];
        document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
        const outcome = await fetch(target, { method: 'POST', body: '{}' }).then(
          () => 'answered',
          () => 'failed',
        );
        await new Promise((r) => setTimeout(r, 50));
        return { outcome, violations };
      }, url);
    // A plain-http address off this computer (.invalid never resolves, so nothing could leave even without the policy).
    expect(await attempt('http://attune-csp-check.invalid/v1/chat/completions')).toEqual({
      outcome: 'failed',
      violations: ['connect-src'],
    });
    // The local model's loopback address is allowed by the policy (the test server answers).
    expect((await attempt(`${server.baseURL}/models`)).violations).toEqual([]);
    await panel.close();
    await call.close();
  });

  it('without both people’s consent, sends nothing at all', async () => {
    const { call, panel, tabId } = await CallBesidePanel.openDemo(ext);
    await turnSummariesOn(panel);
    const summary = panel.getByRole('region', { name: 'AI summary' });
    expect(await summary.getByRole('button', { name: 'Make summary' }).count()).toBe(0);
    await call.locator('#leave').click();
    await panel.getByTestId('call-state').filter({ hasText: 'Call ended' }).waitFor();
    await new Promise((r) => setTimeout(r, 500));
    expect(server.requests).toHaveLength(0);
    const sessionId = await sessionIdOfTab(ext, tabId);
    expect((await storedSessions(panel)).find((s) => s.id === sessionId)).toMatchObject({
      summary: null,
      summaryConsentAt: null,
    });
    await panel.close();
    await call.close();
  });

  it('with consent: shows what will be sent, streams the summary in, and stores it with the session', async () => {
    const { call, panel, tabId } = await CallBesidePanel.openDemo(ext);
    await new SidePanel(panel).linkNewRelationship('Priya Shah');
    await new SidePanel(panel).sendCapture('Priya: hand the budget review to Sam');
    // Captions on: the mentor's questions in the demo's captions are counted as they are asked.
    await panel.getByLabel('Read the call’s captions for this session').check();
    const tally = panel.getByTestId('question-tally');
    await expect.poll(() => tally.innerText(), { timeout: 30_000 }).toMatch(/Your questions: [2-9] open/);
    await panel.getByLabel(/Keep the transcript with this session/).check();
    const sessionId = await sessionIdOfTab(ext, tabId);
    await expect
      .poll(async () => {
        const s = (await storedSessions(panel)).find((x) => x.id === sessionId);
        return (
          (s?.questionTallies.open ?? 0) >= 2 &&
          (s?.transcript ?? []).some((l) => l.speaker === 'Priya Shah' && l.text.startsWith('Delegation, I think.'))
        );
      })
      .toBe(true);
    await panel.getByLabel('Their agenda').fill('Letting go of the budget review');
    await panel.getByLabel('Notes', { exact: true }).fill('Rewrites reports at midnight; write to priya@example.com');
    await turnSummariesOn(panel);

    const summary = panel.getByRole('region', { name: 'AI summary' });
    await summary.getByLabel('Both of us agreed to an AI summary of this session').check();
    await summary.getByText(/What will be sent to 127\.0\.0\.1/).click();
    await summary.getByLabel('your names').check();
    await expect.poll(() => summary.getByTestId('summary-preview').innerText()).toContain('Mentee: the mentee');
    const preview = await summary.getByTestId('summary-preview').innerText();
    expect(preview).not.toContain('Priya');
    expect(preview).toContain('## Agenda\nLetting go of the budget review');
    expect(preview).toContain('write to [email]');
    expect(preview).toContain('## Transcript');

    server.next({ kind: 'reply', content: reply, chunkSize: 12 });
    await summary.getByRole('button', { name: 'Make summary' }).click();
    await summary.getByText('Delegating the budget review').waitFor();
    await summary.getByText('captured').waitFor();

    expect(server.requests).toHaveLength(1);
    const request = server.requests[0]!;
    expect(request.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request.body.stream).toBe(true);
    const sent = request.body.messages.map((m) => m.content).join('\n');
    expect(sent).not.toContain('Priya');
    expect(sent).toContain('the mentee: Hand the budget review to Sam');

    const stored = (await storedSessions(panel)).find((s) => s.id === sessionId);
    expect(stored?.summaryConsentAt).toEqual(expect.any(Number));
    expect(stored?.summary).toMatchObject({
      themes: ['Delegating the budget review'],
      nextFocus: 'How the handover went.',
      model: 'test-model',
      edited: false,
    });
    // The key stays in storage.local: not in the session, not in its export.
    expect(JSON.stringify(stored)).not.toContain(KEY);
    const json = await exportedText(panel, 'JSON');
    expect(json).toContain('Delegating the budget review');
    expect(json).not.toContain(KEY);
    await panel.close();
    await call.close();
  });

  it('a failing endpoint: a clear sentence, the session intact, and a second try works', async () => {
    const { call, panel, tabId } = await CallBesidePanel.openDemo(ext);
    await turnSummariesOn(panel);
    const summary = panel.getByRole('region', { name: 'AI summary' });
    await summary.getByLabel('Both of us agreed to an AI summary of this session').check();
    server.next({ kind: 'status', status: 401, message: 'bad key' });
    await summary.getByRole('button', { name: 'Make summary' }).click();
    await expect.poll(() => summary.getByRole('alert').innerText()).toContain('did not accept your API key');
    const sessionId = await sessionIdOfTab(ext, tabId);
    expect((await storedSessions(panel)).find((s) => s.id === sessionId)?.summary).toBeNull();
    server.next({ kind: 'reply', content: reply });
    await summary.getByRole('button', { name: 'Try again' }).click();
    await summary.getByText('How the handover went.').waitFor();
    await panel.close();
    await call.close();
  });
});
