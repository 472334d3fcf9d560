import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../../scripts/browser/launch-extension';
import { DEMO_URL, routeDemoCall } from '../../scripts/demo/serve';
import { sessionIdOfTab, storedSessions } from './helpers';
import { CallBesidePanel, SidePanel } from './pages';

// A scripted conversation played by the demo call in its captions: one restatement, then three
// pieces of advice in a row (which should bring the "ask what they think" cue), then an open question.
const SCRIPT = readFileSync('tests/fixtures/listening/call/conversation.json', 'utf8');
const lines = (JSON.parse(SCRIPT) as { lines: Array<{ text: string }> }).lines;
// Short lines keep the test quick; the audio files are left out (the captions run without them).
const TIMING = JSON.stringify(
  lines.map((l, i) => ({ file: `missing-${i}.ogg`, seconds: Math.max(1, l.text.split(' ').length * 0.2) })),
);

let ext: ExtensionSession;
beforeAll(async () => {
  ext = await launchWithExtension();
  await routeDemoCall(ext.context);
  // Routes added later win: the demo call plays this script instead of its own.
  await ext.context.route(`${DEMO_URL}/conversation.json`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: SCRIPT }),
  );
  await ext.context.route(`${DEMO_URL}/audio/timing.json`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: TIMING }),
  );
});
afterAll(() => ext?.close());

describe('listening moves on a scripted call', () => {
  it('counts the mentor’s moves from the captions, shows the advice cue, and saves the moves', async () => {
    const { call, panel, tabId } = await CallBesidePanel.openDemo(ext);
    await new SidePanel(panel).linkNewRelationship('Priya Shah');
    await panel.getByLabel('Read the call’s captions for this session').check();

    const tally = panel.getByTestId('move-tally');
    await expect
      .poll(() => tally.innerText(), { timeout: 60_000 })
      .toBe('Your moves: 1 restated · 0 summarised · 3 advice · 0 own story · 0 encouraged');
    await expect
      .poll(() => panel.getByTestId('question-tally').innerText(), { timeout: 30_000 })
      .toMatch(/Your questions: 1 open · 0 closed · 0 leading/);
    expect(await panel.getByTestId('listening-ratio').innerText()).toBe(
      'Listening: 40% — below the 60% target for Mentoring.',
    );
    expect(await panel.getByTestId('listening-cue').innerText()).toContain('Ask what they think');

    const sessionId = await sessionIdOfTab(ext, tabId);
    await expect
      .poll(async () => (await storedSessions(panel)).find((s) => s.id === sessionId)?.moves?.counts)
      .toMatchObject({ restating: 1, advice: 3, open: 1, summarising: 0 });

    await panel.getByRole('button', { name: 'Dismiss the listening cue' }).click();
    expect(await panel.getByTestId('listening-cue').count()).toBe(0);
    await panel.close();
    await call.close();
  }, 120_000);
});
