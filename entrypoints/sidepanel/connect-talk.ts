import { watch } from 'vue';
import { useIntervalFn } from '@vueuse/core';
import { useCallStore } from '@/stores/panel/call';
import { useSessionStore } from '@/stores/panel/session';
import { useRelationshipsStore } from '@/stores/panel/relationships';
import { useTalkStore } from '@/stores/panel/talk';
import { useTalkTargetsStore } from '@/stores/shared/talk-targets';
import { useCaptionsStore } from '@/stores/panel/captions';
import { talkPortName } from '@/utils/messaging';
import { localItems } from '@/utils/storage-items';

const TICK_MS = 1_000;
// A port dropped by a restarting service worker is opened again after this pause.
const RECONNECT_MS = 1_000;

/**
 * Wires the talk balance: its settings (and the dashboard's changes to them), the session and
 * the relationship's mode, the offscreen analyser's port (Chrome and Edge, while this panel holds
 * it open) and a tick each second. Its messages arrive through the panel's router.
 */
export async function connectTalk(now: () => number): Promise<{ restartCapture(): void }> {
  const call = useCallStore();
  const session = useSessionStore();
  const relationships = useRelationshipsStore();
  const talk = useTalkStore();
  const captions = useCaptionsStore();
  const targets = useTalkTargetsStore();
  await targets.loadSettings().catch(() => undefined);
  // A target changed in the dashboard applies to the open panel at once.
  localItems.talkTargets.watch(() => void targets.loadSettings().catch(() => undefined));

  watch(
    () => session.session,
    (record) => record && talk.attach(record),
    { immediate: true },
  );
  watch(
    () => relationships.list.find((r) => r.id === session.session?.relationshipId)?.mode ?? null,
    (mode) => targets.setMode(mode),
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
      talk.audioStopped(now());
      setTimeout(openPort, RECONNECT_MS);
    });
  };
  openPort();

  useIntervalFn(() => talk.tick(now()), TICK_MS);
  return { restartCapture: () => port?.postMessage('restart') };
}
