import { readFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';

export const DEMO_URL = 'https://meet.google.com/attune-demo';
const DEMO_DIR = resolve('scripts/demo');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.ogg': 'audio/ogg',
};

/**
 * Serves the demo call from scripts/demo/ at a Meet address, so the extension treats it as a
 * Meet call. Nothing else reaches the network.
 */
export async function routeDemoCall(context: BrowserContext): Promise<void> {
  await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
  await context.route(`${DEMO_URL}**`, (route) => {
    const { pathname } = new URL(route.request().url());
    const rest = pathname.replace(/^\/attune-demo\/?/, '') || 'call.html';
    const file = normalize(join(DEMO_DIR, rest));
    if (!file.startsWith(DEMO_DIR)) return route.fulfill({ status: 403, body: 'Forbidden' });
    try {
      return route.fulfill({
        status: 200,
        contentType: TYPES[extname(file)] ?? 'application/octet-stream',
        body: readFileSync(file),
      });
    } catch {
      return route.fulfill({ status: 404, body: 'Not found' });
    }
  });
}
