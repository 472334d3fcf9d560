import type { Page } from 'playwright-core';
import { launchWithExtension } from '../browser/launch-extension';
import { seedHistory } from '../browser/history-db';
import { fakeHistory } from '../../tests/support/fake-history';
import { median, percentile, table, type BenchSection } from './report';

const SESSIONS = 5_000;
const COMMITMENTS_PER_SESSION = 4;
const RUNS = 15;
const FIRST_VIEW_BUDGET_MS = 300;
const SEARCH_BUDGET_MS = 100;
const SEARCH_TERMS = ['delegation', 'feedback budget', 'draft', 'priya', 'roadmap', 'send the', 'hiring', 'no-such-word'];

/**
 * ms from navigation start to the page's `attune:first-render` mark, each run in a fresh tab. A
 * dashboard tab stays open until its follow-up check of the digest is done (`settled`), so that
 * no run's database work spills into the next run's first view.
 */
async function firstRenders(open: () => Promise<Page>, settled = true): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const page = await open();
    await page.waitForFunction(() => performance.getEntriesByName('attune:first-render').length > 0, null, { timeout: 120_000 });
    times.push(await page.evaluate(() => performance.getEntriesByName('attune:first-render')[0]?.startTime ?? Number.NaN));
    if (settled) await page.waitForFunction(() => performance.getEntriesByName('attune:history-current').length > 0, null, { timeout: 120_000 });
    await page.close();
  }
  return times;
}

/**
 * ms from typing a query (the input event) to the frame after its results are on screen.
 * A string, not a function: tsx's transform would name helpers the page does not have.
 */
function searchOnce(page: Page, term: string): Promise<number> {
  return page.evaluate(`(async () => {
    const input = document.querySelector('input[type=search]');
    const t0 = performance.now();
    input.value = ${JSON.stringify(term)};
    input.dispatchEvent(new Event('input', { bubbles: true }));
    for (;;) {
      await new Promise((r) => requestAnimationFrame(r));
      const el = document.querySelector('[data-testid=search-count]');
      if (el && el.dataset.query === ${JSON.stringify(term)}) return performance.now() - t0;
    }
  })()`);
}

/** The dashboard's first view and search with years of history, against an empty database and where.html. */
export async function benchDashboard(): Promise<BenchSection> {
  const ext = await launchWithExtension();
  try {
    const base = `chrome-extension://${ext.extensionId}`;
    const openAt = (path: string) => async () => {
      const page = await ext.context.newPage();
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`${base}/${path}`);
      return page;
    };
    // Warm-up, then the anchors: the popup page and the dashboard over an empty database.
    await (await openAt('where.html')()).close();
    await (await openAt('dashboard.html')()).close();
    const where = await firstRenders(openAt('where.html'), false);
    const empty = await firstRenders(openAt('dashboard.html'));

    const history = fakeHistory({ sessions: SESSIONS, commitmentsPerSession: COMMITMENTS_PER_SESSION, relationships: 25, now: Date.now() });
    // Seeded from the plain popup page: a dashboard open meanwhile would start checking its digest mid-seed.
    const seeder = await openAt('where.html')();
    const seedStart = Date.now();
    await seedHistory(seeder, history);
    const seedMs = Date.now() - seedStart;
    await seeder.close();
    // The first open after new data rebuilds the digest from the full records: timed once.
    const rebuildStart = Date.now();
    const rebuilder = await openAt('dashboard.html')();
    await rebuilder.waitForFunction(() => performance.getEntriesByName('attune:first-render').length > 0, null, { timeout: 300_000 });
    await rebuilder.waitForFunction(() => performance.getEntriesByName('attune:history-current').length > 0, null, { timeout: 300_000 });
    const rebuildMs = Date.now() - rebuildStart;
    await rebuilder.close();
    const full = await firstRenders(openAt('dashboard.html'));

    const page = await openAt('dashboard.html')();
    await page.getByRole('button', { name: 'Sessions and search' }).click();
    await page.locator('input[type=search]').waitFor();
    const firstSearch = await searchOnce(page, 'coaching');
    const searches: number[] = [];
    for (let round = 0; round < 3; round += 1) for (const term of SEARCH_TERMS) searches.push(await searchOnce(page, term));
    await page.close();

    const row = (name: string, t: number[]) => [name, median(t).toFixed(1), percentile(t, 95).toFixed(1), Math.min(...t).toFixed(1), Math.max(...t).toFixed(1)];
    const firstView = median(full);
    const searchMedian = median(searches);
    return {
      id: 'dashboard',
      title: 'Dashboard: first view and search with years of history',
      markdown: [
        `Method: headless Chromium with the built extension at 1280×800. ${SESSIONS.toLocaleString('en-US')} generated sessions and`,
        `${(SESSIONS * COMMITMENTS_PER_SESSION).toLocaleString('en-US')} commitments (\`tests/support/fake-history.ts\`, 25 relationships, 30–60 minutes`,
        'each with per-minute talk time) written into IndexedDB from an extension page; the dashboard then opened once to build',
        `its digest cache. First view: ${RUNS} runs, each a fresh tab, from navigation start to \`attune:first-render\`, marked in`,
        'the first animation frame after the store has loaded relationships and the digest and Vue has drawn the four trend',
        'charts and the relationships; each tab is closed only after its follow-up check that the digest is current (done',
        'after the first frame), so no run\'s database work spills into the next. Search: in the Sessions view, from the input event to the first frame showing that',
        `query's results, ${SEARCH_TERMS.length} queries × 3 rounds; the first search of a page (which reads the search index's cache) is`,
        'reported apart. Anchors, same browser, same run: `where.html` (the static toolbar popup) and the dashboard over an',
        'empty database.',
        '',
        table(['measure', 'median ms', 'p95 ms', 'min ms', 'max ms'], [
          row('dashboard first view, 5,000 sessions', full),
          row('*anchor:* dashboard first view, empty database', empty),
          row('*anchor:* where.html first render', where),
          row('search (index loaded)', searches),
        ]),
        '',
        `First view ÷ where.html: ${(firstView / median(where)).toFixed(2)}×; ÷ empty dashboard: ${(firstView / median(empty)).toFixed(2)}×.`,
        `First search of the page, reading the index: ${firstSearch.toFixed(1)} ms. One-off costs: seeding ${(seedMs / 1000).toFixed(1)} s;`,
        `first open after the data changed (digest rebuilt from full records, shown as "Updating…"): ${(rebuildMs / 1000).toFixed(1)} s.`,
        '',
        `Budgets: first view median under ${FIRST_VIEW_BUDGET_MS} ms — ${firstView < FIRST_VIEW_BUDGET_MS ? 'within' : '**over**'}; search median under ${SEARCH_BUDGET_MS} ms — ${searchMedian < SEARCH_BUDGET_MS ? 'within' : '**over**'}.`,
      ].join('\n'),
    };
  } finally {
    await ext.close();
  }
}

// Run alone: `npx tsx scripts/bench/dashboard.ts` (after `wxt build`) writes only this section.
if (process.argv[1]?.endsWith('dashboard.ts')) {
  const { machineLine, writeSections } = await import('./report');
  const section = await benchDashboard();
  console.log(`\n## ${section.title}\n\n${section.markdown}\n`);
  writeSections('BENCHMARKS.md', [section], `Last run ${new Date().toISOString().slice(0, 10)} on ${machineLine()}.`);
}
