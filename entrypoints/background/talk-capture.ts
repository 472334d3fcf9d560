import type { OffscreenCommand } from '@/utils/messaging';

const OFFSCREEN_PATH = 'offscreen.html';
const PORT_PREFIX = 'talk:';

/**
 * Chrome and Edge: the call's audio for the talk-time balance. The toolbar click takes the tab's
 * stream id (the click is the invocation tabCapture needs); the panel, while open, holds a port
 * named talk:<tabId>; while any such port is open the offscreen document captures the mic and
 * that tab. Closing the panel stops the capture and closes the document.
 */
export function createTalkCapture() {
  const pendingStreams = new Map<number, Promise<string | null>>();
  const panels = new Map<number, Browser.runtime.Port>();
  let offscreen: Promise<void> | null = null;

  function command(message: OffscreenCommand): Promise<void> {
    return browser.runtime.sendMessage(message).then(
      () => undefined,
      () => undefined,
    );
  }

  function ensureOffscreen(): Promise<void> {
    offscreen ??= browser.offscreen
      .createDocument({
        url: OFFSCREEN_PATH,
        reasons: [browser.offscreen.Reason.USER_MEDIA, browser.offscreen.Reason.AUDIO_PLAYBACK],
        justification:
          'Measures the talk-time balance from the microphone and the call tab, and plays the captured call audio back.',
      })
      // A document left from before a worker restart is fine: it is the one we want.
      .catch(() => undefined);
    return offscreen;
  }

  function takeStream(tabId: number): Promise<string | null> {
    // Fails when the tab is already captured (the running capture keeps it) or Attune was not
    // invoked on it (no toolbar click or shortcut since the tab last navigated).
    return browser.tabCapture.getMediaStreamId({ targetTabId: tabId }).catch(() => null);
  }

  async function start(tabId: number): Promise<void> {
    // The click's stream id if there is one; else the invocation may still hold (a panel that
    // reconnects after a worker restart), so ask again.
    const tabStreamId = (await (pendingStreams.get(tabId) ?? takeStream(tabId))) ?? null;
    pendingStreams.delete(tabId);
    if (!panels.has(tabId)) return;
    await ensureOffscreen();
    await command({ type: 'offscreen-start', tabId, tabStreamId });
  }

  async function stop(tabId: number): Promise<void> {
    await command({ type: 'offscreen-stop', tabId });
    if (panels.size > 0 || !offscreen) return;
    offscreen = null;
    await browser.offscreen.closeDocument().catch(() => undefined);
  }

  return {
    /** Call synchronously from the toolbar click or shortcut, beside opening the panel. */
    takeTabStream(tabId: number): void {
      pendingStreams.set(tabId, takeStream(tabId));
      // A panel already open (the click came later) picks up the call's audio now.
      if (panels.has(tabId)) void start(tabId);
    },
    /** The panel's port: capture while it is open. */
    connectPanel(port: Browser.runtime.Port): void {
      if (!port.name.startsWith(PORT_PREFIX)) return;
      const tabId = Number(port.name.slice(PORT_PREFIX.length));
      if (!Number.isInteger(tabId)) return;
      panels.set(tabId, port);
      port.onMessage.addListener((message: unknown) => {
        // The microphone was just allowed on the permission page: open it.
        if (message === 'restart') void command({ type: 'offscreen-stop', tabId }).then(() => start(tabId));
      });
      port.onDisconnect.addListener(() => {
        if (panels.get(tabId) !== port) return;
        panels.delete(tabId);
        void stop(tabId);
      });
      void start(tabId);
    },
  };
}
