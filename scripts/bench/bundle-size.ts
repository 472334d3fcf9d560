import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { table, type BenchSection } from './report';

const OUT = '.output/chrome-mv3';
const CONTENT_SCRIPT_BUDGET_GZ = 15 * 1024;

interface Size {
  raw: number;
  gzip: number;
}

function sizeOf(files: string[]): Size {
  return files.reduce(
    (acc, file) => {
      const bytes = readFileSync(file);
      return { raw: acc.raw + bytes.length, gzip: acc.gzip + gzipSync(bytes, { level: 9 }).length };
    },
    { raw: 0, gzip: 0 },
  );
}

/** The JavaScript an extension page loads: its module scripts and their preloaded chunks. */
function pageScripts(html: string): string[] {
  const text = readFileSync(join(OUT, html), 'utf8');
  const refs = [
    ...text.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/?([^"]+\.js)"/g),
  ].map((m) => m[1] ?? '');
  return [...new Set(refs)].map((ref) => join(OUT, ref));
}

/**
 * Every chunk `entry` can end up loading: its static imports, the chunks its dynamic imports
 * name, and theirs in turn.
 */
function reachableScripts(entries: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...entries];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/["`](?:\.\/|chunks\/)([\w.-]+\.js)["`]/g))
      queue.push(join(OUT, 'chunks', m[1] ?? ''));
  }
  return [...seen];
}

const kb = (n: number) => (n / 1024).toFixed(1);

/** Sizes of what Attune ships, against Vue's own production runtime measured in the same run. */
export function benchBundleSize(): BenchSection {
  const anchor = sizeOf(['node_modules/vue/dist/vue.runtime.esm-browser.prod.js']);
  const contentScripts = readdirSync(join(OUT, 'content-scripts')).filter((f) => f.endsWith('.js'));
  const rows: Array<Array<string | number>> = [];
  for (const file of contentScripts) {
    const s = sizeOf([join(OUT, 'content-scripts', file)]);
    rows.push([
      `content script \`${file}\``,
      kb(s.raw),
      kb(s.gzip),
      (s.gzip / anchor.gzip).toFixed(2),
      s.gzip <= CONTENT_SCRIPT_BUDGET_GZ ? 'within 15 KB' : '**over 15 KB**',
    ]);
  }
  const firstScreen = pageScripts('sidepanel.html');
  const panel = sizeOf(firstScreen);
  rows.push([
    'side panel, first screen (what its HTML loads)',
    kb(panel.raw),
    kb(panel.gzip),
    (panel.gzip / anchor.gzip).toFixed(2),
    '',
  ]);
  const later = sizeOf(reachableScripts(firstScreen).filter((file) => !firstScreen.includes(file)));
  rows.push([
    'side panel, loaded after its first frame or on use',
    kb(later.raw),
    kb(later.gzip),
    (later.gzip / anchor.gzip).toFixed(2),
    '',
  ]);
  const background = sizeOf([join(OUT, 'background.js')]);
  rows.push([
    'background service worker',
    kb(background.raw),
    kb(background.gzip),
    (background.gzip / anchor.gzip).toFixed(2),
    '',
  ]);
  rows.push(['*anchor:* Vue 3 runtime, production build', kb(anchor.raw), kb(anchor.gzip), '1.00', '']);

  return {
    id: 'bundle-size',
    title: 'Bundle sizes',
    markdown: [
      'Method: `wxt build` for Chrome, then each file read from `.output/chrome-mv3` and gzipped with',
      "Node's zlib at level 9. The panel's first screen counts every script and preloaded chunk `sidepanel.html` loads;",
      'the rest are the chunks it can import later (its sections and database right after the first frame; the date',
      'parser, file writers and AI client when first needed).',
      'Anchor: `vue.runtime.esm-browser.prod.js` from node_modules, gzipped the same way in the same run.',
      'Budget: each content script at most 15 KB gzipped.',
      '',
      table(['file', 'raw KB', 'gzip KB', 'gzip ÷ anchor', 'budget'], rows),
    ].join('\n'),
  };
}
