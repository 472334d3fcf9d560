import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../../scripts/browser/launch-extension';
import { routeCallHosts } from '../../scripts/browser/call-routes';
import { activeTabId, eventually, openPanel, sessionIdOfTab, storedSessions } from './helpers';
import { CallBesidePanel, CallPage } from './pages';

let ext: ExtensionSession;
beforeAll(async () => {
  ext = await launchWithExtension();
  await routeCallHosts(ext.context);
});
afterAll(() => ext?.close());

describe('the side panel on call pages', () => {
  it.each([
    ['Google Meet', 'https://meet.google.com/in-call', 'In call', 'Weekly mentoring with Priya'],
    ['Google Meet', 'https://meet.google.com/lobby', 'Waiting to join', 'Weekly mentoring with Priya'],
    ['Zoom', 'https://app.zoom.us/wc/8123456789/join', 'In call', 'Career coaching: Jordan'],
    ['Zoom', 'https://app.zoom.us/wc/8123456789/preview', 'Waiting to join', 'Untitled call'],
    ['Microsoft Teams', 'https://teams.microsoft.com/in-call', 'In call', 'Mentoring: Lee and Ana'],
    ['Microsoft Teams', 'https://teams.microsoft.com/prejoin', 'Waiting to join', 'Mentoring: Lee and Ana'],
  ])('renders on %s (%s) and reports "%s"', async (platform, url, stateLabel, title) => {
    const { call, panel, tabId } = await CallBesidePanel.open(ext, url, { state: stateLabel });
    await expect.poll(() => panel.locator('header').innerText()).toContain(platform);
    await expect.poll(() => panel.getByRole('heading', { level: 1 }).innerText()).toMatch(title);
    const offered = await ext.worker.evaluate((id) => chrome.sidePanel.getOptions({ tabId: id }), tabId);
    expect(offered).toMatchObject({ enabled: true, path: `sidepanel.html?tabId=${tabId}` });
    expect(await ext.worker.evaluate((id) => chrome.action.getPopup({ tabId: id }), tabId)).toBe('');
    await panel.close();
    await call.close();
  });

  it('is not offered on other sites, where the button explains where Attune works', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://example.com/');
    const tabId = await activeTabId(ext, page);
    const options = await ext.worker.evaluate((id) => chrome.sidePanel.getOptions({ tabId: id }), tabId);
    const popup = await ext.worker.evaluate((id) => chrome.action.getPopup({ tabId: id }), tabId);
    const stored = await ext.worker.evaluate(() => chrome.storage.session.get(null));
    expect(options.enabled).toBe(false);
    expect(popup).toMatch(/where\.html$/);
    expect(Object.keys(stored)).not.toContain(`tab:${tabId}`);

    const where = await ext.context.newPage();
    await where.goto(popup);
    await expect.poll(() => where.getByRole('heading', { level: 1 }).innerText()).toMatch('Attune opens beside a call');
    await expect.poll(() => where.locator('body').innerText()).toContain('meet.google.com');
    await expect.poll(() => where.locator('#shortcut').innerText()).toMatch('Alt+Shift+A');
    await where.close();
    await page.close();
  });

  it('withdraws the panel when a call tab moves to another site', async () => {
    const { page, tabId } = await CallPage.open(ext, 'https://meet.google.com/in-call');
    await page.goto('https://example.com/');
    await expect
      .poll(() => ext.worker.evaluate((id) => chrome.sidePanel.getOptions({ tabId: id }), tabId))
      .toMatchObject({ enabled: false });
    await page.close();
  });

  it("says so plainly when the call page's markup is not recognised", async () => {
    const { call, panel } = await CallBesidePanel.open(ext, 'https://meet.google.com/changed-dom', { state: null });
    await expect
      .poll(() => panel.getByRole('alert').innerText())
      .toContain('Attune can’t see the call controls on this page');
    // What Attune sees is there before any session: the place a bug report starts.
    await panel.getByRole('button', { name: 'Copy a structure report of the call page' }).waitFor();
    expect(await panel.locator('[data-signal="call-state"]').getAttribute('data-found')).toBe('false');
    await panel.close();
    await call.close();
  });

  it('lets the mentor start and end a session by hand on a page it does not recognise', async () => {
    const { call, panel, tabId } = await CallBesidePanel.open(ext, 'https://meet.google.com/changed-dom?by-hand', {
      state: null,
    });
    await panel.getByRole('button', { name: 'Start the session' }).click();
    const notes = panel.getByLabel('Notes', { exact: true });
    await notes.fill('Started by hand');
    await notes.blur();
    const sessionId = await sessionIdOfTab(ext, tabId);
    await expect
      .poll(async () => (await storedSessions(panel)).find((s) => s.id === sessionId)?.notes)
      .toBe('Started by hand');
    await panel.getByRole('button', { name: 'End the session' }).click();
    await expect
      .poll(async () => (await storedSessions(panel)).find((s) => s.id === sessionId)?.endedAt ?? null)
      .not.toBeNull();
    await panel.getByRole('button', { name: 'Start the session' }).waitFor();
    await panel.close();
    await call.close();
  });
});

describe('the session in IndexedDB', () => {
  it('is created when the call starts, checkpointed while it runs and closed when the user leaves', async () => {
    const { call, panel, tabId } = await CallBesidePanel.open(ext, 'https://teams.microsoft.com/prejoin', {
      state: 'Waiting to join',
    });

    // The user clicks "Join now": the page swaps the pre-join screen for the call screen.
    await call.evaluate(() => {
      document.body.innerHTML =
        '<div data-tid="call-title">Mentoring: Lee and Ana</div><div role="toolbar"><button data-tid="hangup-main-btn" aria-label="Leave">Leave</button></div>';
    });
    await panel.getByTestId('call-state').filter({ hasText: 'In call' }).waitFor();
    const sessionId = await sessionIdOfTab(ext, tabId);
    const session = await eventually(async () => {
      const found = (await storedSessions(panel)).find((s) => s.id === sessionId);
      if (!found) throw new Error('session not saved yet');
      return found;
    });
    expect(session).toMatchObject({
      platform: 'teams',
      title: 'Mentoring: Lee and Ana',
      relationshipId: null,
      endedAt: null,
    });
    const firstCheckpoint = session.lastCheckpointAt;

    await expect
      .poll(async () => (await storedSessions(panel)).find((s) => s.id === session.id)?.lastCheckpointAt, {
        timeout: 12_000,
      })
      .toBeGreaterThan(firstCheckpoint);

    await call.evaluate(() => {
      document.body.innerHTML = '<div data-tid="call-ended-screen"><h1>You left the meeting</h1></div>';
    });
    await panel.getByTestId('call-state').filter({ hasText: 'Call ended' }).waitFor();
    await expect
      .poll(async () => (await storedSessions(panel)).find((s) => s.id === session.id)?.endedAt ?? null)
      .not.toBeNull();
    await panel.close();
    await call.close();
  });

  it('resumes the same session when the panel is closed and reopened mid-call', async () => {
    const url = 'https://meet.google.com/in-call';
    const { call, panel: first, tabId } = await CallBesidePanel.open(ext, url);
    const sessionId = await sessionIdOfTab(ext, tabId);
    await expect.poll(async () => (await storedSessions(first)).some((s) => s.id === sessionId)).toBe(true);
    const count = (await storedSessions(first)).length;
    await first.close();

    const second = await openPanel(ext, tabId);
    await second.getByTestId('call-state').filter({ hasText: 'In call' }).waitFor();
    await expect.poll(() => second.getByTestId('elapsed').innerText()).toMatch(/^\d+:\d{2}$/);
    expect((await storedSessions(second)).length).toBe(count);
    await second.close();
    await call.close();
  });
});

describe('the panel at side-panel widths', () => {
  it.each([320, 400])('fits %d px without sideways scrolling, in light and dark themes', async (width) => {
    const url = 'https://meet.google.com/in-call';
    const { page: call, tabId } = await CallPage.open(ext, url);
    const panel = await openPanel(ext, tabId, width);
    await panel.getByTestId('call-state').filter({ hasText: 'In call' }).waitFor();
    expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

    await panel.emulateMedia({ colorScheme: 'light' });
    const light = await panel.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    await panel.emulateMedia({ colorScheme: 'dark' });
    const dark = await panel.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(light).not.toBe(dark);
    const landmarks = await panel.evaluate(() => ({
      header: document.querySelectorAll('header').length,
      main: document.querySelectorAll('main').length,
      regions: Array.from(document.querySelectorAll('section[aria-labelledby]')).map(
        (s) => document.getElementById(s.getAttribute('aria-labelledby') ?? '')?.textContent,
      ),
    }));
    expect(landmarks).toEqual({
      header: 1,
      main: 1,
      regions: [
        'Stage and questions',
        'Agenda and notes',
        'Talk balance',
        'Commitments',
        'Wrap-up and export',
        'What Attune sees',
      ],
    });
    await panel.close();
    await call.close();
  });
});
