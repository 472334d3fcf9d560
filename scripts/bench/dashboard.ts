import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension } from '../browser/launch-extension';
import { launchPipe, openUnwatched, waitFor, type PipeBrowser, type PipePage } from '../browser/cdp-pipe';
import { seedHistory } from '../browser/history-db';
import { fakeHistory } from '../../tests/support/fake-history';
import { OVERVIEW_CACHE_ID } from '../../utils/history/overview';
import { DIGESTS_CACHE_ID, SEARCH_CACHE_ID } from '../../utils/history/history-cache';
import { DB_NAME } from '../../utils/db/schema';
import { median, percentile, table, type BenchSection } from './report';
import { BENCH_MARKS } from '../../utils/bench-marks';

const SESSIONS = 5_000;
const COMMITMENTS_PER_SESSION = 4;
const RUNS = 15;
const WINDOW = { width: 1280, height: 800 };
const FIRST_VIEW_BUDGET_MS = 300;
const SEARCH_BUDGET_MS = 100;
const SEARCH_TERMS = [
  'delegation',
  'feedback budget',
  'draft',
  'priya',
  'roadmap',
  'send the',
  'hiring',
  'no-such-word',
];

const FIRST_RENDER = `performance.getEntriesByName('${BENCH_MARKS.firstRender}')[0]?.startTime ?? null`;
const HISTORY_CURRENT = `performance.getEntriesByName('${BENCH_MARKS.historyCurrent}').length > 0 || null`;
const CURRENT_AT = `performance.getEntriesByName('${BENCH_MARKS.historyCurrent}')[0]?.startTime ?? null`;
// After the digest is current, the open commitments are read for "Due this week".
const DUE_CURRENT = `performance.getEntriesByName('${BENCH_MARKS.dueCurrent}').length > 0 || null`;
const DUE_AFTER = `(() => { const due = performance.getEntriesByName('${BENCH_MARKS.dueCurrent}')[0]; const current = performance.getEntriesByName('${BENCH_MARKS.historyCurrent}')[0]; return due && current ? due.startTime - current.startTime : null; })()`;
const CALLS = 5;
const REBUILDS = 3;

/**
 * ms from navigation start to the page's `attune:first-render` mark, each run in a fresh tab
 * opened with nothing attached (see cdp-pipe.ts). A dashboard tab stays open until its follow-up
 * check of the digest is done (`settled`), so that no run's database work spills into the next
 * run's first view.
 */
async function firstRenders(
  browser: PipeBrowser,
  path: string,
  settled = true,
  before?: () => Promise<void>,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    await before?.();
    const page = await openUnwatched(browser, `chrome-extension://${browser.extensionId}/${path}`);
    times.push(await waitFor(() => page.evaluate<number | null>(FIRST_RENDER), 120_000, `${path}'s first view`));
    if (settled) await waitFor(() => page.evaluate<true | null>(HISTORY_CURRENT), 120_000, 'the digest check');
    if (settled) await waitFor(() => page.evaluate<true | null>(DUE_CURRENT), 120_000, 'the open commitments');
    await page.close();
  }
  return times;
}

/** Runs `body` (a script given `db`, Attune's open database, that returns a promise) in a popup page of the extension. */
async function inPopup(browser: PipeBrowser, body: string): Promise<void> {
  const page = await openUnwatched(browser, `chrome-extension://${browser.extensionId}/where.html`, 0);
  await page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open(${JSON.stringify(DB_NAME)});
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const done = (tx) => new Promise((ok, fail) => { tx.oncomplete = ok; tx.onerror = () => fail(tx.error); });
      (async () => { ${body} })().then(() => { db.close(); resolve(true); }, reject);
    };
  })`);
  await page.close();
}

/**
 * Removes cache records (the snapshot of the first view: as a new day or changed talk targets
 * make it unusable; or every cache: as before the very first visit).
 */
function dropCaches(browser: PipeBrowser, ids: string[]): Promise<void> {
  return inPopup(
    browser,
    `const tx = db.transaction('caches', 'readwrite');
    for (const id of ${JSON.stringify(ids)}) tx.objectStore('caches').delete(id);
    await done(tx);`,
  );
}

/**
 * What a call leaves behind: a new session (a copy of an old one, saved now) and an older
 * commitment marked done in its review.
 */
function recordACall(browser: PipeBrowser, n: number): Promise<void> {
  return inPopup(
    browser,
    `const tx = db.transaction(['sessions', 'commitments'], 'readwrite');
    const sessions = tx.objectStore('sessions');
    const commitments = tx.objectStore('commitments');
    const now = Date.now();
    const cursor = await new Promise((ok) => { const r = sessions.openCursor(); r.onsuccess = () => ok(r.result); });
    sessions.put({ ...cursor.value, id: 'bench-call-${n}', startedAt: now - 3_600_000, endedAt: now, lastCheckpointAt: now, notes: 'bench call ${n}' });
    const open = await new Promise((ok) => { const r = commitments.index('by-status').openCursor('open'); r.onsuccess = () => ok(r.result); });
    if (open) commitments.put({ ...open.value, status: 'done', updatedAt: now, reviewNotes: [...open.value.reviewNotes, { sessionId: 'bench-call-${n}', status: 'done', note: '', at: now }] });
    await done(tx);`,
  );
}

/** ms between the digest being current and the open commitments read for "Due this week", one a page. */
const dueReads: number[] = [];

/** ms from navigation start until the dashboard has checked (and brought up to date) its digest. */
async function timeToCurrent(browser: PipeBrowser, before: () => Promise<void>): Promise<number> {
  await before();
  const page = await openUnwatched(browser, `chrome-extension://${browser.extensionId}/dashboard.html`, 0);
  const at = await waitFor(() => page.evaluate<number | null>(CURRENT_AT), 300_000, 'the digest brought up to date');
  dueReads.push(await waitFor(() => page.evaluate<number | null>(DUE_AFTER), 300_000, 'the open commitments'));
  await page.close();
  return at;
}

/** ms from typing a query (the input event) to the frame after its results are on screen. */
function searchOnce(page: PipePage, term: string): Promise<number> {
  return page.evaluate<number>(`(async () => {
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

/** The generated history written into a new profile through Playwright; returns how long it took. */
async function seedProfile(profileDir: string): Promise<number> {
  const ext = await launchWithExtension({ profileDir });
  try {
    const history = fakeHistory({
      sessions: SESSIONS,
      commitmentsPerSession: COMMITMENTS_PER_SESSION,
      relationships: 25,
      now: Date.now(),
    });
    // The dashboard creates the database with its stores; then it is closed, and the history
    // seeded from the plain popup page (a dashboard open meanwhile would check its digest mid-seed).
    const creator = await ext.context.newPage();
    await creator.goto(`chrome-extension://${ext.extensionId}/dashboard.html`);
    await creator.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, BENCH_MARKS.historyCurrent, {
      timeout: 60_000,
    });
    await creator.close();
    const seeder = await ext.context.newPage();
    await seeder.goto(`chrome-extension://${ext.extensionId}/where.html`);
    const start = Date.now();
    await seedHistory(seeder, history);
    return Date.now() - start;
  } finally {
    await ext.close();
  }
}

/** The dashboard's first view and search with years of history, against an empty database and where.html. */
export async function benchDashboard(): Promise<BenchSection> {
  let where: number[];
  let empty: number[];
  const fresh = await launchPipe({ windowSize: WINDOW });
  try {
    // Warm-up, then the anchors: the popup page and the dashboard over an empty database.
    for (const path of ['where.html', 'dashboard.html'])
      await (await openUnwatched(fresh, `chrome-extension://${fresh.extensionId}/${path}`)).close();
    where = await firstRenders(fresh, 'where.html', false);
    empty = await firstRenders(fresh, 'dashboard.html');
  } finally {
    await fresh.close();
  }

  const profileDir = mkdtempSync(join(tmpdir(), 'attune-history-'));
  let full: number[];
  let noSnapshot: number[];
  let afterCall: number[];
  let fromScratch: number[];
  let searches: number[];
  let firstSearch: number;
  let seedMs: number;
  try {
    seedMs = await seedProfile(profileDir);
    const browser = await launchPipe({ profileDir, windowSize: WINDOW });
    try {
      // The first open after seeding builds the digest from the full records (timed below, as a rebuild from scratch).
      const rebuilder = await openUnwatched(browser, `chrome-extension://${browser.extensionId}/dashboard.html`, 0);
      await waitFor(() => rebuilder.evaluate<number | null>(FIRST_RENDER), 300_000, 'the first view');
      await waitFor(() => rebuilder.evaluate<true | null>(HISTORY_CURRENT), 300_000, 'the rebuilt digest');
      await rebuilder.close();
      full = await firstRenders(browser, 'dashboard.html');
      noSnapshot = await firstRenders(browser, 'dashboard.html', true, () => dropCaches(browser, [OVERVIEW_CACHE_ID]));
      afterCall = [];
      for (let n = 0; n < CALLS; n += 1) afterCall.push(await timeToCurrent(browser, () => recordACall(browser, n)));
      fromScratch = [];
      for (let n = 0; n < REBUILDS; n += 1)
        fromScratch.push(
          await timeToCurrent(browser, () =>
            dropCaches(browser, [OVERVIEW_CACHE_ID, DIGESTS_CACHE_ID, SEARCH_CACHE_ID]),
          ),
        );

      const page = await openUnwatched(browser, `chrome-extension://${browser.extensionId}/dashboard.html`);
      await waitFor(() => page.evaluate<true | null>(HISTORY_CURRENT), 120_000, 'the digest check');
      await page.evaluate(
        `[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Sessions and search').click()`,
      );
      await waitFor(
        () => page.evaluate<true | null>(`document.querySelector('input[type=search]') !== null || null`),
        10_000,
        'the search box',
      );
      firstSearch = await searchOnce(page, 'coaching');
      searches = [];
      for (let round = 0; round < 3; round += 1)
        for (const term of SEARCH_TERMS) searches.push(await searchOnce(page, term));
      await page.close();
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(profileDir, { recursive: true, force: true });
  }

  const row = (name: string, t: number[]) => [
    name,
    median(t).toFixed(1),
    percentile(t, 95).toFixed(1),
    Math.min(...t).toFixed(1),
    Math.max(...t).toFixed(1),
  ];
  const firstView = median(full);
  const searchMedian = median(searches);
  return {
    id: 'dashboard',
    title: 'Dashboard: first view and search with years of history',
    markdown: [
      `Method: headless Chromium with the built extension at 1280×800. ${SESSIONS.toLocaleString('en-US')} generated sessions and`,
      `${(SESSIONS * COMMITMENTS_PER_SESSION).toLocaleString('en-US')} commitments (\`tests/support/fake-history.ts\`, 25 relationships, 30–60 minutes`,
      'each with per-minute talk time) written into IndexedDB from an extension page (through Playwright, in a profile',
      'then reopened without it); the dashboard then opened once to build its digest cache. Every measured tab is opened',
      'over the DevTools protocol with nothing attached until it has drawn (`scripts/browser/cdp-pipe.ts`; Playwright would',
      `pause each new page at its start). First view: ${RUNS} runs, each a fresh tab, from navigation start to \`attune:first-render\`, marked in`,
      "the first animation frame after the store has loaded the relationships and the snapshot of the last visit's first view",
      "(each chart's buckets and each relationship's figures, one record of a few kilobytes in the `caches` store), uPlot has",
      'drawn the four trend charts and Vue the relationships; the digest of every session is read after that frame, then',
      "checked against the data. Each tab is closed only after that check, so no run's database work spills into the next.",
      'The snapshot holds for one local day and one set of talk targets; the next row is the first view without it (the',
      'snapshot deleted before each run, so the digest of 5,000 sessions is read and folded into the charts first).',
      'Search: in the Sessions view, from the input event to the first frame showing that',
      `query's results, ${SEARCH_TERMS.length} queries × 3 rounds; the first search of a page (which reads the search index's cache) is`,
      'reported apart. Anchors, same browser, same run: `where.html` (the static toolbar popup) and the dashboard over an',
      'empty database.',
      '',
      table(
        ['measure', 'median ms', 'p95 ms', 'min ms', 'max ms'],
        [
          row('dashboard first view, 5,000 sessions', full),
          row('first view without its snapshot (a new day), 5,000 sessions', noSnapshot),
          row('*anchor:* dashboard first view, empty database', empty),
          row('*anchor:* where.html first render', where),
          row('search (index loaded)', searches),
        ],
      ),
      '',
      `First view ÷ where.html: ${(firstView / median(where)).toFixed(2)}×; ÷ empty dashboard: ${(firstView / median(empty)).toFixed(2)}×.`,
      `First search of the page, reading the index: ${firstSearch.toFixed(1)} ms. Seeding the history took ${(seedMs / 1000).toFixed(1)} s.`,
      '',
      'After a call the dashboard shows its snapshot at once and says "Updating…" until its digest and search index',
      'match the data again. Measured: from navigation start to the `attune:history-current` mark. A call is simulated',
      'before each run from a popup page: one new session saved now (a copy of a stored one) and an older open commitment',
      `marked done in its review; ${CALLS} runs. The dashboard reads the ids of every session, the sessions saved since its`,
      'digest was built, and every commitment of the sessions whose commitments were written since (the `by-updated` index),',
      'and brings the digest up to date from them; the search index follows at the first search. Anchor: the same',
      `page after every cache was deleted (as at the first visit), which reads all ${SESSIONS.toLocaleString('en-US')} sessions in full; ${REBUILDS} runs.`,
      '',
      table(
        ['until the digest is current', 'median ms', 'p95 ms', 'min ms', 'max ms'],
        [
          row('after a call (refresh from what changed)', afterCall),
          row('*anchor:* every cache deleted (rebuild from every session)', fromScratch),
        ],
      ),
      '',
      `Refresh ÷ rebuild (medians): ${(median(afterCall) / median(fromScratch)).toFixed(3)}×.`,
      '',
      'Then, once the digest is current (so neither figure above waits for it), the dashboard reads every open or',
      'in-progress commitment for its "Due this week" list (the `by-status` index; the generated history has about a',
      `third of its commitments open, most of them long overdue): from the \`attune:history-current\` mark to \`attune:due-current\`, median ${median(dueReads).toFixed(1)} ms,`,
      `max ${Math.max(...dueReads).toFixed(1)} ms over ${dueReads.length} pages. Each measured tab above is closed only after it.`,
      '',
      `Budgets: first view median under ${FIRST_VIEW_BUDGET_MS} ms — ${firstView < FIRST_VIEW_BUDGET_MS ? 'within' : '**over**'}; search median under ${SEARCH_BUDGET_MS} ms — ${searchMedian < SEARCH_BUDGET_MS ? 'within' : '**over**'}.`,
    ].join('\n'),
  };
}

// Run alone: `npx tsx scripts/bench/dashboard.ts` (after `wxt build`) writes only this section.
if (process.argv[1]?.endsWith('dashboard.ts')) {
  const { machineLine, writeSections } = await import('./report');
  const section = await benchDashboard();
  console.log(`\n## ${section.title}\n\n${section.markdown}\n`);
  writeSections('BENCHMARKS.md', [section], `Last run ${new Date().toISOString().slice(0, 10)} on ${machineLine()}.`);
}
