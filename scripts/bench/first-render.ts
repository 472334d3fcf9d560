import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension } from '../browser/launch-extension';
import { routeCallHosts } from '../browser/call-routes';
import { launchPipe, openUnwatched, waitFor, type PipeBrowser } from '../browser/cdp-pipe';
import { median, percentile, table, type BenchSection } from './report';
import { BENCH_MARKS } from '../../utils/bench-marks';

const RUNS = 20;
const FIRST_RENDER_BUDGET_MS = 150;
const CALL_URL = 'https://meet.google.com/in-call';
const PANEL_SIZE = { width: 360, height: 720 };
const SETTLE_MS = 500;

// Read in the page after its first render: the marks, then domInteractive. A string, not a
// function: tsx's transform would name helpers the page does not have.
const MARKS = [BENCH_MARKS.modulesEvaluated, BENCH_MARKS.mounted, BENCH_MARKS.firstRender];
const READ_PHASES = `(() => ${JSON.stringify(MARKS)}.map((n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN)
  .concat([performance.getEntriesByType('navigation')[0]?.domInteractive ?? NaN]))()`;
const HAS_RENDERED = `performance.getEntriesByName('${BENCH_MARKS.firstRender}').length > 0`;

/** Phases of one run, ms from navigation start: modules evaluated, mounted, first render, domInteractive. */
type Phases = number[];

/** The fixture Meet call in a tab of the pipe-driven browser, served at its real address; returns its tab id. */
async function openCallTab(browser: PipeBrowser): Promise<number> {
  const html = readFileSync(resolve('tests/fixtures/meet/in-call.html')).toString('base64');
  const { targetId } = await browser.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await browser.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
  browser.on('Fetch.requestPaused', (params, from) => {
    if (from !== sessionId) return;
    const requestId = params.requestId as string;
    const url = (params.request as { url: string }).url;
    if (url === CALL_URL)
      void browser.send(
        'Fetch.fulfillRequest',
        {
          requestId,
          responseCode: 200,
          responseHeaders: [{ name: 'Content-Type', value: 'text/html; charset=utf-8' }],
          body: html,
        },
        sessionId,
      );
    else void browser.send('Fetch.failRequest', { requestId, errorReason: 'InternetDisconnected' }, sessionId);
  });
  await browser.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] }, sessionId);
  await browser.send('Page.navigate', { url: CALL_URL }, sessionId);
  // Asked from an extension page (which is also the first open of where.html, a warm-up).
  const page = await openUnwatched(browser, `chrome-extension://${browser.extensionId}/where.html`);
  try {
    return await waitFor(
      () =>
        page.evaluate<number | null>(
          `chrome.tabs.query({ url: ${JSON.stringify(CALL_URL)} }).then((t) => t[0]?.status === 'complete' ? t[0].id : null)`,
        ),
      10_000,
      'the call tab',
    );
  } finally {
    await page.close();
  }
}

/** `RUNS` first renders of `path`, each in a fresh tab with no debugger attached until it has drawn. */
async function unwatchedRuns(browser: PipeBrowser, path: string): Promise<Phases[]> {
  const runs: Phases[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const page = await openUnwatched(browser, `chrome-extension://${browser.extensionId}/${path}`);
    await waitFor(
      async () => ((await page.evaluate<boolean>(HAS_RENDERED)) ? true : null),
      10_000,
      `${path}'s first render`,
    );
    runs.push(await page.evaluate<Phases>(READ_PHASES));
    await page.close();
    // A closed panel's last work (its final checkpoint, the background releasing the call's
    // audio) runs on the extension's main thread: let it finish before the next open.
    await new Promise((r) => setTimeout(r, SETTLE_MS));
  }
  return runs;
}

/** The same under Playwright, which pauses each new page at its start to instrument it. */
async function playwrightRuns(): Promise<{ panel: Phases[]; anchor: Phases[] }> {
  const ext = await launchWithExtension();
  try {
    await routeCallHosts(ext.context);
    const call = await ext.context.newPage();
    await call.goto(CALL_URL);
    const tabId = await ext.worker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id ?? -1, CALL_URL);
    const runsOf = async (path: string) => {
      const runs: Phases[] = [];
      for (let i = 0; i <= RUNS; i += 1) {
        const page = await ext.context.newPage();
        await page.setViewportSize(PANEL_SIZE);
        await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
        // A function, not the HAS_RENDERED string: Playwright evaluates a string predicate with
        // eval, which an extension page's CSP refuses.
        await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, BENCH_MARKS.firstRender);
        // The first open of each page pays for the extension's first file reads: a warm-up.
        if (i > 0) runs.push(await page.evaluate<Phases>(READ_PHASES));
        await page.close();
      }
      return runs;
    };
    const anchor = await runsOf('where.html');
    return { anchor, panel: await runsOf(`sidepanel.html?tabId=${tabId}`) };
  } finally {
    await ext.close();
  }
}

const rendered = (runs: Phases[]) => runs.map((r) => r[2] ?? Number.NaN);

/** The side panel's first render in headless Chromium, against the extension's plainest page. */
export async function benchFirstRender(): Promise<BenchSection> {
  const browser = await launchPipe({ windowSize: PANEL_SIZE });
  let panelRuns: Phases[];
  let anchorRuns: Phases[];
  try {
    const tabId = await openCallTab(browser);
    const panelPath = `sidepanel.html?tabId=${tabId}`;
    // Warm-up: the first open of each page pays for the extension's first file reads.
    await (await openUnwatched(browser, `chrome-extension://${browser.extensionId}/${panelPath}`)).close();
    anchorRuns = await unwatchedRuns(browser, 'where.html');
    panelRuns = await unwatchedRuns(browser, panelPath);
  } finally {
    await browser.close();
  }
  const watched = await playwrightRuns();

  const panel = rendered(panelRuns);
  const anchor = rendered(anchorRuns);
  const phase = (i: number) => median(panelRuns.map((r) => r[i] ?? Number.NaN));
  const [html, modules, mounted, frame] = [phase(3), phase(0), phase(1), phase(2)];
  const row = (name: string, t: number[]) => [
    name,
    median(t).toFixed(1),
    percentile(t, 90).toFixed(1),
    Math.min(...t).toFixed(1),
    Math.max(...t).toFixed(1),
  ];
  const ratio = median(panel) / median(anchor);
  const verdict = median(panel) < FIRST_RENDER_BUDGET_MS ? 'within' : '**over**';
  return {
    id: 'first-render',
    title: 'Side panel: time to first render',
    markdown: [
      `Method: headless Chromium with the built extension and a fixture Meet call open in a tab; ${RUNS} runs of each page,`,
      'each in a fresh 360×720 tab, after one warm-up. Measured: `performance` time from navigation start to the',
      "`attune:first-render` mark, set in the first animation frame after the Vue app mounts (the panel's header, notices",
      'and sections on screen). Each tab is opened over the DevTools protocol with nothing attached to it and read only',
      "after it has drawn (`scripts/browser/cdp-pipe.ts`), as a user's panel opens. Anchor: `where.html`, the toolbar",
      'popup (static HTML and a 10-line script, same mark), in the same browser in the same run. For comparison, the',
      'same pages opened through Playwright, which pauses each new page at its start to instrument it.',
      '',
      table(
        ['page', 'median ms', 'p90 ms', 'min ms', 'max ms'],
        [
          row('side panel', panel),
          row('*anchor:* where.html', anchor),
          row('side panel, under Playwright', rendered(watched.panel)),
          row('where.html, under Playwright', rendered(watched.anchor)),
        ],
      ),
      '',
      `Panel ÷ anchor (medians): ${ratio.toFixed(2)}× (${(median(panel) - median(anchor)).toFixed(1)} ms more). Under Playwright: ${(median(rendered(watched.panel)) / median(rendered(watched.anchor))).toFixed(2)}×.`,
      `Budget: median under ${FIRST_RENDER_BUDGET_MS} ms — ${verdict} budget.`,
      '',
      "Where the panel's time goes (medians of the unattached runs, ms from navigation start): the HTML parsed up to its",
      `scripts (\`domInteractive\`) ${html.toFixed(1)}; every module of the first screen evaluated ${modules.toFixed(1)}; Vue mounted ${mounted.toFixed(1)};`,
      `first frame ${frame.toFixed(1)}. So loading and evaluating the JavaScript takes ${(modules - html).toFixed(1)} ms, mounting`,
      `${(mounted - modules).toFixed(1)} ms, and the frame ${(frame - mounted).toFixed(1)} ms.`,
    ].join('\n'),
  };
}
