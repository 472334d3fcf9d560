import processorUrl from './talk-processor.ts?worker&url';
import { sendQuietly, type MicState, type TalkAudioMessage } from '@/utils/messaging';
import { parseOffscreenCommand } from '@/utils/messaging-schema';
import type { FeedUpdate } from '@/utils/talk-time/segment-feed';

interface Capture {
  context: AudioContext;
  streams: MediaStream[];
  node: AudioWorkletNode;
  status: Extract<TalkAudioMessage, { type: 'talk-status' }>;
}

const captures = new Map<number, Capture>();

function send(message: TalkAudioMessage): void {
  // The panel may be closing; a lost update is resent in the next one.
  sendQuietly(message);
}

async function openMic(): Promise<{ stream: MediaStream | null; state: MicState }> {
  try {
    // Echo cancellation keeps the call's own audio out of the mic where the browser can; the
    // analyser's leak estimator handles what is left. Gain control would hide the mentor's level.
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: true, noiseSuppression: false, autoGainControl: false },
    });
    return { stream, state: 'on' };
  } catch (error) {
    if (!(error instanceof DOMException) || error.name !== 'NotAllowedError')
      return { stream: null, state: 'unavailable' };
    // The offscreen document cannot show a prompt: "denied" was the user's choice, "prompt" means never asked.
    const permission = await navigator.permissions.query({ name: 'microphone' as PermissionName }).catch(() => null);
    return { stream: null, state: permission?.state === 'denied' ? 'denied' : 'needs-permission' };
  }
}

async function openTab(streamId: string | null): Promise<MediaStream | null> {
  if (!streamId) return null;
  try {
    // Chrome's tab-capture constraints are not in the standard MediaTrackConstraints type.
    const constraints = {
      audio: { mandatory: { chromeMediaSource: 'tab', chromeMediaSourceId: streamId } },
      video: false,
    };
    return await navigator.mediaDevices.getUserMedia(constraints as unknown as MediaStreamConstraints);
  } catch {
    return null;
  }
}

async function start(tabId: number, tabStreamId: string | null): Promise<void> {
  const running = captures.get(tabId);
  // A panel that reconnects finds the capture running; only a new tab stream replaces one without.
  if (running && (running.status.tab === 'on' || tabStreamId === null)) {
    send(running.status);
    return;
  }
  if (running) stop(tabId);
  const [mic, tab] = await Promise.all([openMic(), openTab(tabStreamId)]);
  const context = new AudioContext();
  await context.audioWorklet.addModule(processorUrl);
  const node = new AudioWorkletNode(context, 'attune-talk', {
    numberOfInputs: 2,
    numberOfOutputs: 1,
    outputChannelCount: [1],
  });
  if (mic.stream) context.createMediaStreamSource(mic.stream).connect(node, 0, 0);
  if (tab) {
    const source = context.createMediaStreamSource(tab);
    source.connect(node, 0, 1);
    // Capturing a tab mutes it: play it back so the mentor still hears the call.
    source.connect(context.destination);
  }
  // The node's output is silence; connecting it keeps the graph pulling it.
  node.connect(context.destination);
  await context.resume();
  const startedAt = Date.now();
  const status: Capture['status'] = {
    type: 'talk-status',
    tabId,
    mic: mic.state,
    tab: tab ? 'on' : 'unavailable',
    startedAt,
  };
  node.port.onmessage = (event: MessageEvent<FeedUpdate>) =>
    send({ type: 'talk-update', tabId, startedAt, ...event.data });
  captures.set(tabId, {
    context,
    node,
    streams: [mic.stream, tab].filter((s): s is MediaStream => s !== null),
    status,
  });
  send(status);
}

function stop(tabId: number): void {
  const capture = captures.get(tabId);
  if (!capture) return;
  captures.delete(tabId);
  capture.node.port.onmessage = null;
  for (const stream of capture.streams) for (const track of stream.getTracks()) track.stop();
  void capture.context.close();
}

browser.runtime.onMessage.addListener((raw, sender) => {
  if (sender.id !== browser.runtime.id) return;
  const command = parseOffscreenCommand(raw);
  if (!command) return;
  if (command.type === 'offscreen-start') void start(command.tabId, command.tabStreamId);
  else if (command.type === 'offscreen-stop') stop(command.tabId);
  else captures.get(command.tabId)?.node.port.postMessage('resync');
});
