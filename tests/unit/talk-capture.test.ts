import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createTalkCapture } from '@/entrypoints/background/talk-capture';

// fakeBrowser has neither tabCapture nor offscreen: stand-ins that record their calls.
const getMediaStreamId = vi.fn<(options: { targetTabId: number }) => Promise<string>>();
const offscreen = {
  createDocument: vi.fn(async () => {}),
  closeDocument: vi.fn(async () => {}),
  Reason: { USER_MEDIA: 'USER_MEDIA', AUDIO_PLAYBACK: 'AUDIO_PLAYBACK' },
};
const sent: unknown[] = [];

/** A port as the panel opens it: messages and a disconnect the test can fire. */
function fakePort(name: string) {
  const onMessage: ((m: unknown) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  const port = {
    name,
    onMessage: { addListener: (l: (m: unknown) => void) => void onMessage.push(l) },
    onDisconnect: { addListener: (l: () => void) => void onDisconnect.push(l) },
  } as unknown as Browser.runtime.Port;
  return {
    port,
    send: (m: unknown) => onMessage.forEach((l) => l(m)),
    disconnect: () => onDisconnect.forEach((l) => l()),
  };
}

const commands = () => sent.map((m) => (m as { type: string }).type);

describe('talk capture in the background', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.clearAllMocks();
    sent.length = 0;
    getMediaStreamId.mockResolvedValue('stream-7');
    Object.assign(fakeBrowser, { tabCapture: { getMediaStreamId }, offscreen });
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(
      async (message: unknown) => void sent.push(message),
    );
  });

  it('starts the offscreen analyser with the stream id the toolbar click took, once the panel connects', async () => {
    const talk = createTalkCapture();
    talk.takeTabStream(7);
    talk.connectPanel(fakePort('talk:7').port);
    await vi.waitFor(() => expect(sent).toContainEqual({ type: 'offscreen-start', tabId: 7, tabStreamId: 'stream-7' }));
    expect(offscreen.createDocument).toHaveBeenCalledOnce();
    expect(getMediaStreamId).toHaveBeenCalledTimes(1);
  });

  it('still measures the microphone when the tab stream cannot be had (tab not invoked or already captured)', async () => {
    getMediaStreamId.mockRejectedValue(new Error('Extension has not been invoked for the current page'));
    const talk = createTalkCapture();
    talk.connectPanel(fakePort('talk:3').port);
    await vi.waitFor(() => expect(sent).toContainEqual({ type: 'offscreen-start', tabId: 3, tabStreamId: null }));
  });

  it('stops and closes the offscreen document when the last panel closes', async () => {
    const talk = createTalkCapture();
    const first = fakePort('talk:1');
    const second = fakePort('talk:2');
    talk.connectPanel(first.port);
    talk.connectPanel(second.port);
    await vi.waitFor(() => expect(commands().filter((t) => t === 'offscreen-start')).toHaveLength(2));
    first.disconnect();
    await vi.waitFor(() => expect(sent).toContainEqual({ type: 'offscreen-stop', tabId: 1 }));
    expect(offscreen.closeDocument).not.toHaveBeenCalled();
    second.disconnect();
    await vi.waitFor(() => expect(offscreen.closeDocument).toHaveBeenCalledOnce());
  });

  it('restarts the capture when the panel says the microphone was just allowed', async () => {
    const talk = createTalkCapture();
    const panel = fakePort('talk:4');
    talk.connectPanel(panel.port);
    await vi.waitFor(() => expect(commands()).toEqual(['offscreen-start']));
    panel.send('restart');
    await vi.waitFor(() => expect(commands()).toEqual(['offscreen-start', 'offscreen-stop', 'offscreen-start']));
  });

  it("ignores ports that are not a panel's talk port", async () => {
    const talk = createTalkCapture();
    talk.connectPanel(fakePort('something-else').port);
    talk.connectPanel(fakePort('talk:abc').port);
    await new Promise((r) => setTimeout(r, 20));
    expect(sent).toEqual([]);
    expect(offscreen.createDocument).not.toHaveBeenCalled();
  });
});
