import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { findChromium, INSTALL_HINT } from '../chromium';
import { EXTENSION_DIR } from './launch-extension';

/**
 * Chromium with the built extension, driven over the DevTools protocol on a pipe and nothing
 * else: for timing pages as a user opens them. Playwright pauses every new page at its start to
 * instrument it (and keeps it instrumented), which adds some 40–60 ms to any page's first render
 * on this machine; a page opened here runs with no debugger attached until it has drawn, and is
 * only then attached to for reading its performance marks.
 */
export interface PipeBrowser {
  extensionId: string;
  send<T = Record<string, unknown>>(method: string, params?: object, sessionId?: string): Promise<T>;
  /** Calls `handler` for each event of this name (from any target). */
  on(method: string, handler: (params: Record<string, unknown>, sessionId: string | undefined) => void): void;
  close(): Promise<void>;
}

export interface PipeOptions {
  extensionDir?: string;
  /** A profile to reuse (e.g. one seeded earlier through Playwright); by default a fresh one, removed on close. */
  profileDir?: string;
  /** Every tab's size. */
  windowSize?: { width: number; height: number };
}

interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: unknown;
  error?: { message: string };
  sessionId?: string;
}

export async function launchPipe(options: PipeOptions = {}): Promise<PipeBrowser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(INSTALL_HINT);
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const profile = options.profileDir ?? mkdtempSync(join(tmpdir(), 'attune-pipe-'));
  const args = [
    '--headless',
    '--remote-debugging-pipe',
    `--user-data-dir=${profile}`,
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--disable-features=DisableLoadExtensionCommandLineSwitch',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
  ];
  if (options.windowSize) args.push(`--window-size=${options.windowSize.width},${options.windowSize.height}`);
  args.push('about:blank');
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const proc: ChildProcess = spawn(executablePath, args, { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
  const toBrowser = proc.stdio[3] as Writable;
  const fromBrowser = proc.stdio[4] as Readable;

  let nextId = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; method: string }>();
  const handlers = new Map<string, Array<(params: Record<string, unknown>, sessionId: string | undefined) => void>>();
  let buffered = '';
  fromBrowser.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    for (let end = buffered.indexOf('\0'); end >= 0; end = buffered.indexOf('\0')) {
      const message = JSON.parse(buffered.slice(0, end)) as Message;
      buffered = buffered.slice(end + 1);
      if (message.id !== undefined) {
        const waiter = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) waiter?.reject(new Error(`${waiter.method}: ${message.error.message}`));
        else waiter?.resolve(message.result);
      } else if (message.method) {
        for (const handler of handlers.get(message.method) ?? []) handler(message.params ?? {}, message.sessionId);
      }
    }
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  void exited.then(() => {
    for (const waiter of pending.values()) waiter.reject(new Error(`Chromium exited during ${waiter.method}`));
    pending.clear();
  });

  const send = <T>(method: string, params: object = {}, sessionId?: string) =>
    new Promise<T>((resolve, reject) => {
      nextId += 1;
      pending.set(nextId, { resolve: resolve as (v: unknown) => void, reject, method });
      toBrowser.write(`${JSON.stringify({ id: nextId, method, params, sessionId })}\0`);
    });

  const close = async () => {
    await send('Browser.close').catch(() => undefined);
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    proc.kill('SIGKILL');
    if (!options.profileDir) rmSync(profile, { recursive: true, force: true });
  };

  try {
    const extensionId = await waitFor(
      async () => {
        const { targetInfos } = await send<{ targetInfos: Array<{ type: string; url: string }> }>('Target.getTargets');
        const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
        return worker ? new URL(worker.url).host : null;
      },
      15_000,
      "the extension's service worker",
    );
    return {
      extensionId,
      send,
      on(method, handler) {
        handlers.set(method, [...(handlers.get(method) ?? []), handler]);
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Polls `probe` every 25 ms until it returns something other than null. */
export async function waitFor<T>(probe: () => Promise<T | null>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export interface PipePage {
  targetId: string;
  /** Evaluates an expression in the page (awaiting a promise) and returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  detach(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens `url` in a new tab with nothing attached and waits `settleMs`; then attaches to read from
 * it, or, if the tab has not committed to the page yet, detaches and waits again.
 */
export async function openUnwatched(browser: PipeBrowser, url: string, settleMs = 400): Promise<PipePage> {
  const { targetId } = await browser.send<{ targetId: string }>('Target.createTarget', { url });
  const deadline = Date.now() + 30_000;
  for (;;) {
    await new Promise((r) => setTimeout(r, settleMs));
    const page = await attach(browser, targetId);
    if ((await page.evaluate<string>('location.href')) === url) return page;
    await page.detach();
    if (Date.now() > deadline) throw new Error(`Timed out waiting for the tab to show ${url}`);
  }
}

export async function attach(browser: PipeBrowser, targetId: string): Promise<PipePage> {
  const { sessionId } = await browser.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
  return {
    targetId,
    async evaluate<T>(expression: string) {
      const reply = await browser.send<{
        result: { value: T };
        exceptionDetails?: { text: string; exception?: { description?: string } };
      }>('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, sessionId);
      if (reply.exceptionDetails)
        throw new Error(reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text);
      return reply.result.value;
    },
    async detach() {
      await browser.send('Target.detachFromTarget', { sessionId });
    },
    async close() {
      await browser.send('Target.closeTarget', { targetId });
    },
  };
}
