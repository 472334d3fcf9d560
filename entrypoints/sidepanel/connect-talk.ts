import { watch } from 'vue';
import { useIntervalFn } from '@vueuse/core';
import { useCallStore } from '@/stores/call';
import { useSessionStore } from '@/stores/session';
import { useRelationshipsStore } from '@/stores/relationships';
import { useTalkStore } from '@/stores/talk';
import { useCaptionsStore } from '@/stores/captions';
import { isMentorSpeaker } from '@/utils/questions/tally';
import type { SessionRepo } from '@/utils/db/session-repo';
import { talkPortName, type OffscreenCommand } from '@/utils/messaging';
import { TALK_TARGETS_KEY } from '@/utils/talk-time/target-band';
import { parseExtensionMessage, parseMicPermissionMessage, parseTalkAudioMessage } from '@/utils/messaging-schema';

const TICK_MS = 1_000;
// A port dropped by a restarting service worker is opened again after this pause.
const RECONNECT_MS = 1_000;

/**
 * Wires the talk balance: the call page's active-speaker highlight (every browser), the
 * offscreen analyser's updates (Chrome and Edge, while this panel holds its port open), a tick
 * each second, and checkpoints with the session's.
 */
export async function connectTalk(sessions: SessionRepo | null): Promise<{ checkpoint(now: number): Promise<void> }> {
  const call = useCallStore();
  const session = useSessionStore();
  const relationships = useRelationshipsStore();
  const talk = useTalkStore();
  const captions = useCaptionsStore();
  if (sessions) talk.connect(sessions);
  await talk.connectSettings(browser.storage.local).catch(() => undefined);
  // A target changed in the dashboard applies to the open panel at once.
  browser.storage.local.onChanged.addListener((changes) => {
    if (TALK_TARGETS_KEY in changes) void talk.connectSettings(browser.storage.local).catch(() => undefined);
  });

  watch(
    () => session.session,
    (record) => record && talk.attach(record),
    { immediate: true },
  );
  watch(
    () => relationships.list.find((r) => r.id === session.session?.relationshipId)?.mode ?? null,
    (mode) => talk.setMode(mode),
    { immediate: true },
  );

  watch(
    () => captions.reading && captions.status === 'on',
    (on) => talk.setCaptions(on),
    { immediate: true },
  );

  let port: Browser.runtime.Port | null = null;
  const openPort = () => {
    if (import.meta.env.FIREFOX || call.tabId === null) return;
    const tabId = call.tabId;
    port = browser.runtime.connect({ name: talkPortName(tabId) });
    port.onDisconnect.addListener(() => {
      port = null;
      talk.audioStopped(Date.now());
      setTimeout(openPort, RECONNECT_MS);
    });
  };
  openPort();

  browser.runtime.onMessage.addListener((raw, sender) => {
    if (sender.id !== browser.runtime.id) return;
    const now = Date.now();
    if (sender.tab?.id !== undefined) {
      const message = parseExtensionMessage(raw);
      if (sender.tab.id !== call.tabId) return;
      if (message?.type === 'active-speaker') talk.onHighlight(message.highlight, now);
      if (message?.type === 'caption-utterances') {
        const mentor = relationships.list.find((r) => r.id === session.session?.relationshipId)?.mentorName;
        // A line with no speaker's name (Zoom, at times) cannot be given to either side.
        const named = message.utterances.filter((u) => u.speaker.trim() !== '' || u.self !== undefined);
        talk.onCaptions(
          named.map((u) => ({
            mentor: isMentorSpeaker(u.speaker, [call.selfName, mentor], u.self),
            at: u.at,
            endedAt: u.endedAt,
          })),
        );
      }
      return;
    }
    const audio = parseTalkAudioMessage(raw);
    if (audio && audio.tabId === call.tabId) {
      if (talk.onAudio(audio, now) === 'resync') {
        const resync: OffscreenCommand = { type: 'offscreen-resync', tabId: audio.tabId };
        browser.runtime.sendMessage(resync).catch(() => undefined);
      }
      return;
    }
    if (parseMicPermissionMessage(raw)?.granted) port?.postMessage('restart');
  });

  useIntervalFn(() => talk.tick(Date.now()), TICK_MS);
  return { checkpoint: (now) => talk.checkpoint(now) };
}
