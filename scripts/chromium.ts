import { existsSync } from 'node:fs';

export const INSTALL_HINT =
  'No Chromium found: install Debian\'s package with "sudo apt-get install -y chromium", or set CHROME_PATH to a Chromium binary.';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium'];

/** The Chromium to drive: CHROME_PATH when set, else Debian's package; null when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROME_PATH) return existsSync(env.CHROME_PATH) ? env.CHROME_PATH : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}
