import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../../scripts/browser/launch-extension';
import { DEMO_URL, routeDemoCall } from '../../scripts/demo/serve';
import { seedHistory } from '../../scripts/browser/history-db';
import type { StoredSummary } from '../../utils/db/types';
import { fakeCommitment, fakeRelationship, fakeSession } from '../support/records';
import { eventually, openPanel, storedSessions, tabIdOf } from './helpers';

let ext: ExtensionSession;

// Friday 4 December 2026, 10:00 on the pages' clock. Last week's session agreed a focus for this
// one; one of its commitments was due on Tuesday and is still open.
const NOW = new Date(2026, 11, 4, 10, 0);
const priya = fakeRelationship({ id: 'rel-priya' });
const lastSummary: StoredSummary = {
  themes: ['Delegation'],
  insights: [],
  agreedActions: [],
  nextFocus: 'Rehearse the conversation with the finance lead',
  model: 'local',
  madeAt: new Date(2026, 10, 27, 10, 50).getTime(),
  edited: false,
};
const lastWeek = fakeSession({
  id: 'last-week',
  relationshipId: priya.id,
  startedAt: new Date(2026, 10, 27, 10, 0).getTime(),
  endedAt: new Date(2026, 10, 27, 10, 45).getTime(),
  notes: 'Priya wants to lead the Q1 planning.',
  summary: lastSummary,
});
const late = fakeCommitment({
  id: 'late',
  sessionId: lastWeek.id,
  relationshipId: priya.id,
  owner: 'Priya',
  action: 'Send the draft budget',
  due: '2026-12-01',
});
const soon = fakeCommitment({
  id: 'soon',
  sessionId: lastWeek.id,
  relationshipId: priya.id,
  owner: 'Alex',
  action: 'Introduce Priya to the finance lead',
  due: '2026-12-10',
});

beforeAll(async () => {
  ext = await launchWithExtension();
  await routeDemoCall(ext.context);
  await ext.context.clock.install({ time: NOW });
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/dashboard.html`);
  await page.getByText('No sessions yet').waitFor();
  await seedHistory(page, { relationships: [priya], sessions: [lastWeek], commitments: [late, soon] });
  await page.close();
});
afterAll(() => ext?.close());

describe('preparing in the lobby', () => {
  it("shows the last session at a glance, keeps today's plan, and the session that starts takes it", async () => {
    const call = await ext.context.newPage();
    await call.goto(DEMO_URL);
    const tabId = await eventually(() => tabIdOf(ext, `${DEMO_URL}*`));
    // At 320 CSS px (a 640 px panel at 200% zoom): the card must reflow, never scroll sideways.
    const panel = await openPanel(ext, tabId, 320);

    const prepare = panel.getByRole('region', { name: 'Before the call' });
    await prepare.getByTestId('prepare-focus').filter({ hasText: 'Rehearse the conversation' }).waitFor();
    expect(await prepare.getByLabel('Preparing for').inputValue()).toBe(priya.id);
    await expect.poll(() => prepare.locator('li[data-overdue]').count()).toBe(1);
    expect(await prepare.locator('li[data-overdue]').innerText()).toContain('Send the draft budget');
    expect(await prepare.locator('li[data-overdue]').innerText()).toContain('overdue');
    const upcoming = prepare.locator('li').filter({ hasText: 'Introduce Priya' });
    expect(await upcoming.innerText()).toContain('due 2026-12-10');
    expect(await upcoming.innerText()).not.toContain('overdue');
    expect(await prepare.getByTestId('prepare-agreement').innerText()).toContain('3 parts still to write');
    expect(await prepare.getByTestId('prepare-notes').innerText()).toContain('lead the Q1 planning');
    expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

    // Today's plan: one minute for the first stage, and a question to open with.
    const plan = prepare.getByRole('form', { name: "Today's plan" });
    const firstStage = plan.getByLabel(/^Minutes for /).first();
    const stageName = ((await firstStage.getAttribute('aria-label')) ?? '').replace('Minutes for ', '');
    await firstStage.fill('1');
    await plan.getByLabel('A question to open with').fill('What has moved since last week?');
    await plan.getByRole('button', { name: 'Keep this plan' }).click();
    await prepare.getByRole('status').filter({ hasText: 'Plan kept' }).waitFor();

    await call.locator('#join').click();
    await panel.getByTestId('call-state').filter({ hasText: 'In call' }).waitFor();
    const today = panel.getByRole('region', { name: "Today's plan" });
    await today.getByText('What has moved since last week?').waitFor();
    expect(
      await today.getByRole('list', { name: 'Planned minutes' }).locator('[aria-current="step"]').innerText(),
    ).toContain(`${stageName} 1 min`);
    // The session was linked to the relationship chosen in the lobby, and keeps the plan.
    const stored = await eventually(async () => {
      const s = (await storedSessions(panel)).find((r) => r.id !== lastWeek.id && r.plan);
      if (!s) throw new Error('no plan on the new session yet');
      return s;
    });
    expect(stored.relationshipId).toBe(priya.id);
    expect(stored.plan?.openingQuestion).toBe('What has moved since last week?');
    expect(await panel.getByRole('region', { name: 'Before the call' }).count()).toBe(0);

    // Two and a half minutes on the first stage, planned for one: a gentle nudge. The stage began
    // when the call did, on the background's clock (Playwright's clock is the pages' only), so the
    // pages' clock is set from there.
    const stageBegan = Math.max(stored.startedAt, ...stored.stageTimeline.map((m) => m.at));
    await ext.context.clock.setSystemTime(stageBegan + 150_000);
    await today
      .getByRole('status')
      .filter({ hasText: `${stageName} has gone 1 min past the 1 you planned` })
      .waitFor();
    // The stepper follows today's minutes, not the model's: the next stage is suggested now.
    const suggested = panel.locator('button[data-suggested="true"]');
    await expect.poll(() => suggested.count()).toBe(1);
    expect(await suggested.innerText()).not.toContain(stageName);
    await panel.close();
    await call.close();
  });

  it('says the last notes are locked while the passphrase is, and shows them once it is unlocked', async () => {
    const passphrase = 'a long walk by the river';
    const dashboard = await ext.context.newPage();
    await dashboard.goto(`chrome-extension://${ext.extensionId}/dashboard.html`);
    // The newest finished session now (the call above began on the background's real clock).
    const at = Date.now() + 60_000;
    const latest = fakeSession({
      id: 'latest',
      relationshipId: priya.id,
      startedAt: at,
      endedAt: at + 30 * 60_000,
      notes: 'Priya will ask for the budget owner role.',
      summary: { ...lastSummary, nextFocus: 'Prepare the ask' },
    });
    await seedHistory(dashboard, { relationships: [], sessions: [latest], commitments: [] });
    await dashboard.getByRole('button', { name: 'Settings' }).click();
    await dashboard.getByLabel('Passphrase (8 characters or more)').fill(passphrase);
    await dashboard.getByLabel('The same again').fill(passphrase);
    await dashboard.getByLabel('I understand that a forgotten passphrase cannot be recovered').check();
    await dashboard.getByRole('button', { name: 'Turn on the passphrase' }).click();
    await dashboard.getByText('Unlocked until the browser quits.').waitFor();
    await dashboard.getByRole('button', { name: 'Lock now' }).click();

    const call = await ext.context.newPage();
    await call.goto(DEMO_URL);
    const tabId = await eventually(() => tabIdOf(ext, `${DEMO_URL}*`));
    const panel = await openPanel(ext, tabId);
    const prepare = panel.getByRole('region', { name: 'Before the call' });
    await prepare.getByTestId('prepare-notes').filter({ hasText: 'The notes are locked' }).waitFor();
    expect(await prepare.getByTestId('prepare-focus').innerText()).toContain('Locked');
    // What is not sealed still shows: the commitments and the agreement.
    expect(await prepare.locator('li[data-overdue]').count()).toBeGreaterThan(0);
    expect(await panel.content()).not.toContain('budget owner role');
    expect(await panel.content()).not.toContain('Prepare the ask');

    // Unlocked in the dashboard: the open panel follows and shows them.
    await dashboard.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await dashboard.getByRole('button', { name: 'Unlock', exact: true }).click();
    await prepare.getByTestId('prepare-notes').filter({ hasText: 'budget owner role' }).waitFor();
    expect(await prepare.getByTestId('prepare-focus').innerText()).toBe('Prepare the ask');
    await panel.close();
    await call.close();
    await dashboard.close();
  });

  it('prepares the next session from the dashboard, and the call that starts beside the panel takes the plan', async () => {
    const dashboard = await ext.context.newPage();
    await dashboard.goto(`chrome-extension://${ext.extensionId}/dashboard.html`);
    const row = dashboard
      .getByRole('list', { name: 'Relationships' })
      .locator(':scope > li')
      .filter({ has: dashboard.locator('summary .names', { hasText: /^Alex Morgan & Priya Shah/ }) });
    await row.locator('summary').click();
    await row.getByRole('button', { name: 'Prepare the next session' }).click();
    const card = dashboard.getByTestId('dashboard-prepare');
    // The same glance as in the lobby (the passphrase above is unlocked): the last session's focus.
    await card.getByTestId('prepare-focus').filter({ hasText: 'Prepare the ask' }).waitFor();
    expect(await card.getByLabel('Preparing for').inputValue()).toBe(priya.id);
    const plan = card.getByRole('form', { name: "Today's plan" });
    await plan
      .getByLabel(/^Minutes for /)
      .first()
      .fill('2');
    await plan.getByLabel('A question to open with').fill('What would make this hour count?');
    await plan.getByRole('button', { name: 'Keep this plan' }).click();
    await card.getByRole('status').filter({ hasText: 'Plan kept' }).waitFor();
    await dashboard.close();

    // Beside the call's lobby the panel offers the relationship with the plan kept in the dashboard.
    const call = await ext.context.newPage();
    await call.goto(DEMO_URL);
    const tabId = await eventually(() => tabIdOf(ext, `${DEMO_URL}*`));
    const panel = await openPanel(ext, tabId);
    const prepare = panel.getByRole('region', { name: 'Before the call' });
    await expect
      .poll(() => prepare.getByLabel('A question to open with').inputValue())
      .toBe('What would make this hour count?');
    expect(await prepare.getByLabel('Preparing for').inputValue()).toBe(priya.id);
    await call.locator('#join').click();
    const stored = await eventually(async () => {
      const s = (await storedSessions(panel)).find(
        (r) => r.plan?.openingQuestion === 'What would make this hour count?',
      );
      if (!s) throw new Error('no session has taken the plan yet');
      return s;
    });
    expect(stored.relationshipId).toBe(priya.id);
    expect(Object.values(stored.plan?.stageMinutes ?? {})).toContain(2);
    await panel.getByRole('region', { name: "Today's plan" }).getByText('What would make this hour count?').waitFor();
    await panel.close();
    await call.close();
  });
});
