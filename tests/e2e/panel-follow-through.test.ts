import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../../scripts/browser/launch-extension';
import { routeCallHosts } from '../../scripts/browser/call-routes';
import { seedHistory } from '../../scripts/browser/history-db';
import { fakeCommitment, fakeRelationship } from '../support/records';
import { CallBesidePanel, Dashboard } from './pages';

let ext: ExtensionSession;
const URL = 'https://meet.google.com/in-call';

// The call's title ("Weekly mentoring with Priya") would suggest Priya's relationship, but it is
// archived: the mentor has moved on. Jo's is current, with commitments from an earlier session.
const priya = fakeRelationship({
  id: 'rel-priya',
  menteeName: 'Priya Shah',
  stage: 'moving-on',
  archivedAt: new Date(2026, 10, 1).getTime(),
});
const jo = fakeRelationship({ id: 'rel-jo', menteeName: 'Jo Lee' });
const late = fakeCommitment({
  id: 'late',
  sessionId: 'earlier',
  relationshipId: jo.id,
  owner: 'Jo',
  action: 'Send the draft plan',
  due: '2026-12-01',
});
const soon = fakeCommitment({
  id: 'soon',
  sessionId: 'earlier',
  relationshipId: jo.id,
  owner: 'Jo',
  action: 'Book the workshop',
  due: '2026-12-09',
});

beforeAll(async () => {
  ext = await launchWithExtension();
  await routeCallHosts(ext.context);
  // The pages' clock: Friday 4 December 2026, 10:00, whatever day the suite runs on.
  await ext.context.clock.install({ time: new Date(2026, 11, 4, 10, 0) });
  const { page } = await Dashboard.open(ext, { empty: true });
  await seedHistory(page, { relationships: [priya, jo], sessions: [], commitments: [late, soon] });
  await page.close();
});
afterAll(() => ext?.close());

describe('the panel between sessions', () => {
  it('leaves an archived relationship out of its list, and marks the overdue commitments to review', async () => {
    const { call, panel } = await CallBesidePanel.open(ext, URL);

    await panel.getByRole('button', { name: 'Choose' }).click();
    const options = await panel.getByLabel('Existing relationship').locator('option').allInnerTexts();
    expect(options).toContain('Alex Morgan & Jo Lee');
    expect(options.join('\n')).not.toContain('Priya');
    expect(await panel.getByText('Is this your session with').count()).toBe(0);

    await panel.getByLabel('Existing relationship').selectOption(jo.id);
    await panel.getByRole('button', { name: 'Link', exact: true }).click();
    const review = panel.getByRole('region', { name: 'From earlier sessions' });
    await review.getByText('Send the draft plan').waitFor();
    await expect.poll(() => review.locator('li[data-overdue]').count()).toBe(1);
    expect(await review.locator('li[data-overdue]').innerText()).toContain('Send the draft plan');
    expect(await review.locator('li').filter({ hasText: 'Book the workshop' }).innerText()).not.toContain('overdue');
    await panel.close();
    await call.close();
  });
});
