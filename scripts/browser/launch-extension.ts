import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { findChromium, INSTALL_HINT } from '../chromium';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

export interface LaunchOptions {
  headless?: boolean;
  extensionDir?: string;
  viewport?: { width: number; height: number } | null;
  /**
   * Microphone for the talk-time tests: 'deny' refuses every permission prompt; a WAV file's path
   * becomes a fake microphone that plays it in a loop, granted without a prompt. Unset: the
   * browser's own behaviour (as before).
   */
  microphone?: 'deny' | { wavFile: string };
  /**
   * The real tab-audio path: the page's sound is not muted (Playwright passes --mute-audio, which
   * makes captured tab audio silent), and a fake microphone is accepted without the fake UI switch
   * (which makes tab capture fail with NotFoundError). Needs `microphone` as a WAV file.
   */
  tabAudio?: boolean;
  /** A port for a second, browser-level DevTools connection (the toolbar click through Extensions.triggerAction). */
  debuggingPort?: number;
  /** Extra command-line switches (e.g. --allowlisted-extension-id for tab capture without a click). */
  extraArgs?: string[];
  /** A profile to use and keep (to restart the browser on the same data); by default a fresh one, removed on close. */
  profileDir?: string;
}

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close(): Promise<void>;
  /** Kills the browser's processes at once (SIGKILL), as a crash would, leaving the profile; false if none was found. */
  kill(): boolean;
}

/**
 * Debian's Chromium with the built extension loaded, in a fresh profile. No network beyond what
 * a test routes: background networking, sync and component updates are off.
 */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(INSTALL_HINT);
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const profile = options.profileDir ?? mkdtempSync(join(tmpdir(), 'attune-profile-'));
  const args = [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--disable-features=DisableLoadExtensionCommandLineSwitch',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--autoplay-policy=no-user-gesture-required',
  ];
  if (options.microphone === 'deny') args.push('--deny-permission-prompts');
  else if (options.microphone) {
    // Never both accept switches: the browser stops at launch.
    args.push(options.tabAudio ? '--auto-accept-camera-and-microphone-capture' : '--use-fake-ui-for-media-stream');
    args.push(
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${resolve(options.microphone.wavFile)}`,
    );
  }
  if (options.debuggingPort)
    args.push('--enable-unsafe-extension-debugging', `--remote-debugging-port=${options.debuggingPort}`);
  args.push(...(options.extraArgs ?? []));
  // Chromium refuses its sandbox as root (CI and these machines run as root).
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: options.headless ?? true,
    args,
    ignoreDefaultArgs: options.tabAudio ? ['--disable-extensions', '--mute-audio'] : ['--disable-extensions'],
    viewport: options.viewport === undefined ? { width: 1280, height: 800 } : options.viewport,
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    async close() {
      await context.close().catch(() => undefined);
      if (!options.profileDir) rmSync(profile, { recursive: true, force: true });
    },
    kill() {
      // Every process of this browser carries its profile on the command line.
      return spawnSync('pkill', ['-KILL', '-f', `user-data-dir=${profile}`]).status === 0;
    },
  };
}
