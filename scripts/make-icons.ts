/** Renders scripts/icon.svg to public/icon/<size>.png with Chromium. Run once after editing the SVG. */
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { findChromium, INSTALL_HINT } from './chromium';

const SIZES = [16, 32, 48, 128];
const executablePath = findChromium();
if (!executablePath) throw new Error(INSTALL_HINT);
const svg = readFileSync('scripts/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
mkdirSync('public/icon', { recursive: true });
for (const size of SIZES) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`,
  );
  await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
  await page.close();
}
await browser.close();
