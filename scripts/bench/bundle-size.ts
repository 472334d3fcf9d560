import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { table, type BenchSection } from './report';

const OUT = '.output/chrome-mv3';
const CONTENT_SCRIPT_BUDGET_GZ = 15 * 1024;

interface Size { raw: number; gzip: number }

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
  const refs = [...text.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/?([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  return [...new Set(refs)].map((ref) => join(OUT, ref));
}

const kb = (n: number) => (n / 1024).toFixed(1);

/** Sizes of what Attune ships, against Vue's own production runtime measured in the same run. */
export function benchBundleSize(): BenchSection {
  const anchor = sizeOf(['node_modules/vue/dist/vue.runtime.esm-browser.prod.js']);
  const contentScripts = readdirSync(join(OUT, 'content-scripts')).filter((f) => f.endsWith('.js'));
  const rows: Array<Array<string | number>> = [];
  for (const file of contentScripts) {
    const s = sizeOf([join(OUT, 'content-scripts', file)]);
    rows.push([`content script \`${file}\``, kb(s.raw), kb(s.gzip), (s.gzip / anchor.gzip).toFixed(2), s.gzip <= CONTENT_SCRIPT_BUDGET_GZ ? 'within 15 KB' : '**over 15 KB**']);
  }
  const panel = sizeOf(pageScripts('sidepanel.html'));
  rows.push(['side panel (all JS it loads)', kb(panel.raw), kb(panel.gzip), (panel.gzip / anchor.gzip).toFixed(2), '']);
  const background = sizeOf([join(OUT, 'background.js')]);
  rows.push(['background service worker', kb(background.raw), kb(background.gzip), (background.gzip / anchor.gzip).toFixed(2), '']);
  rows.push(['*anchor:* Vue 3 runtime, production build', kb(anchor.raw), kb(anchor.gzip), '1.00', '']);

  return {
    id: 'bundle-size',
    title: 'Bundle sizes',
    markdown: [
      'Method: `wxt build` for Chrome, then each file read from `.output/chrome-mv3` and gzipped with',
      'Node\'s zlib at level 9. The panel counts every script and preloaded chunk `sidepanel.html` loads.',
      'Anchor: `vue.runtime.esm-browser.prod.js` from node_modules, gzipped the same way in the same run.',
      'Budget: each content script at most 15 KB gzipped.',
      '',
      table(['file', 'raw KB', 'gzip KB', 'gzip ÷ anchor', 'budget'], rows),
    ].join('\n'),
  };
}
