import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';

/**
 * Serves local pages at the real call hosts, so the extension sees them exactly as it would see
 * Meet, Zoom or Teams. Everything else on the network is refused: nothing leaves the machine.
 *   https://meet.google.com/<name>        → <root>/meet/<name>.html
 *   https://app.zoom.us/wc/<id>/<name>    → <root>/zoom/<name>.html
 *   https://teams.microsoft.com/<name>    → <root>/teams/<name>.html
 *   https://teams.live.com/<name>         → <root>/teams/<name>.html (another origin: framed calls)
 *   https://example.com/                  → <root>/other/index.html
 */
export async function routeCallHosts(context: BrowserContext, root = resolve('tests/fixtures')): Promise<void> {
  const serve = (dir: string, name: string) => {
    const file = join(root, dir, `${name || 'index'}.html`);
    try {
      return { status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(file) };
    } catch {
      return { status: 404, contentType: 'text/plain', body: `No fixture ${dir}/${name}` };
    }
  };
  const lastSegment = (url: string) => new URL(url).pathname.split('/').filter(Boolean).pop() ?? '';

  await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
  await context.route('https://meet.google.com/**', (route) =>
    route.fulfill(serve('meet', lastSegment(route.request().url()))),
  );
  await context.route('https://app.zoom.us/wc/**', (route) =>
    route.fulfill(serve('zoom', lastSegment(route.request().url()))),
  );
  await context.route('https://teams.microsoft.com/**', (route) =>
    route.fulfill(serve('teams', lastSegment(route.request().url()))),
  );
  await context.route('https://teams.live.com/**', (route) =>
    route.fulfill(serve('teams', lastSegment(route.request().url()))),
  );
  await context.route('https://example.com/**', (route) =>
    route.fulfill(serve('other', lastSegment(route.request().url()))),
  );
}
