import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { findChromium, INSTALL_HINT } from '../chromium';

/**
 * Headless Chromium for the page-side benchmarks, with a context that refuses the network and
 * serves `origin` cross-origin isolated (which gives performance.now() 5 µs steps instead of
 * 100 µs). `page(url)` returns the HTML for each address under the origin.
 */
export async function launchIsolated(
  origin: string,
  page: (url: URL) => string | Buffer,
): Promise<{ browser: Browser; context: BrowserContext }> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(INSTALL_HINT);
  const args = ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const browser = await chromium.launch({ executablePath, headless: true, args });
  const context = await browser.newContext();
  await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
  await context.route(`${origin}**`, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
      body: page(new URL(route.request().url())),
    }),
  );
  return { browser, context };
}
