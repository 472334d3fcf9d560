/**
 * `--check`: exit 1 with a one-line hint when no Chromium is found.
 * Without it (npm run setup): install Debian's chromium with apt-get when running as root.
 */
import { execFileSync } from 'node:child_process';
import { findChromium, INSTALL_HINT } from './chromium';

const checkOnly = process.argv.includes('--check');
const found = findChromium();
if (found) process.exit(0);
if (checkOnly || process.getuid?.() !== 0 || process.env.CHROME_PATH) {
  console.error(INSTALL_HINT);
  process.exit(1);
}
console.error("Installing Debian's chromium package (apt-get)…");
try {
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
} catch {
  console.error(INSTALL_HINT);
  process.exit(1);
}
if (!findChromium()) {
  console.error(INSTALL_HINT);
  process.exit(1);
}
