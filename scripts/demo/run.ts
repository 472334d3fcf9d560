/**
 * npm run demo [-- --headless --screenshot FILE]
 * Opens Chromium with the built extension on Attune's demo call and Attune's panel beside it.
 * With --headless it joins the call, lets the conversation run a few lines, and saves a
 * screenshot of the call and the panel side by side.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionSession } from '../browser/launch-extension';
import { DEMO_URL, routeDemoCall } from './serve';

const CALL_SIZE = { width: 1000, height: 680 };
const PANEL_SIZE = { width: 380, height: 680 };
// Long enough for the first exchange of the conversation to play.
const SCREENSHOT_AFTER_MS = 9_000;

function parseArgs(argv: string[]) {
  const headless = argv.includes('--headless');
  const at = argv.indexOf('--screenshot');
  const screenshot = at >= 0 ? argv[at + 1] : undefined;
  if (at >= 0 && !screenshot) throw new Error('--screenshot needs a file name, e.g. --screenshot demo.png');
  if (screenshot && !headless) throw new Error('--screenshot goes with --headless');
  return { headless, screenshot };
}

async function tabIdOfDemo(ext: ExtensionSession): Promise<number> {
  for (let i = 0; i < 50; i += 1) {
    const id = await ext.worker.evaluate(
      async (url) => (await chrome.tabs.query({ url: `${url}*` }))[0]?.id ?? null,
      DEMO_URL,
    );
    if (id !== null) return id;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('The demo call tab did not open.');
}

/** Puts two screenshots side by side by drawing them in a page of the same browser. */
async function sideBySide(ext: ExtensionSession, call: Buffer, panel: Buffer, file: string) {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: CALL_SIZE.width + PANEL_SIZE.width + 1, height: CALL_SIZE.height });
  const src = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
  await page.setContent(
    `<body style="margin:0;display:flex;background:#888"><img src="${src(call)}"><div style="width:1px;background:#888"></div><img src="${src(panel)}"></body>`,
  );
  await page.waitForFunction(() => Array.from(document.images).every((img) => img.complete));
  writeFileSync(file, await page.screenshot());
  await page.close();
}

async function main() {
  const { headless, screenshot } = parseArgs(process.argv.slice(2));
  if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    throw new Error(
      'No display found. On a machine without one, run: npm run demo -- --headless --screenshot demo.png',
    );
  }
  const ext = await launchWithExtension({ headless, viewport: headless ? CALL_SIZE : null });
  await routeDemoCall(ext.context);
  const call = ext.context.pages()[0] ?? (await ext.context.newPage());
  await call.goto(DEMO_URL);
  const tabId = await tabIdOfDemo(ext);
  const panelUrl = `chrome-extension://${ext.extensionId}/sidepanel.html?tabId=${tabId}`;

  let panel: Page;
  if (headless) {
    panel = await ext.context.newPage();
    await panel.setViewportSize(PANEL_SIZE);
    await panel.goto(panelUrl);
  } else {
    // A side window stands in for the side panel, which only a click on the toolbar can open.
    const opened = ext.context.waitForEvent('page');
    await ext.worker.evaluate(
      (url) => chrome.windows.create({ url, type: 'popup', width: 400, height: 760, left: 1020, top: 0 }),
      panelUrl,
    );
    panel = await opened;
    console.log(
      'Attune is running on the demo call. Click the Attune button (or press Alt+Shift+A) for the real side panel.',
    );
    console.log('Close the browser to end the demo.');
  }

  await call.getByRole('button', { name: 'Join now' }).click();
  await panel.getByTestId('call-state').filter({ hasText: 'In call' }).waitFor({ timeout: 15_000 });

  if (screenshot) {
    await call.waitForTimeout(SCREENSHOT_AFTER_MS);
    await sideBySide(ext, await call.screenshot(), await panel.screenshot(), screenshot);
    console.log(`Saved ${screenshot}`);
    await ext.close();
    return;
  }
  if (headless) {
    console.log('Attune is running headless on the demo call; press Ctrl+C to stop.');
  }
  await new Promise<void>((resolve) => {
    ext.context.on('close', () => resolve());
    process.on('SIGINT', () => void ext.close().then(resolve));
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
