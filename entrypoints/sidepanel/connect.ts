import { watch } from 'vue';
import { getActivePinia } from 'pinia';
import { useIntervalFn } from '@vueuse/core';
import { useCallStore } from '@/stores/panel/call';
import { useSessionStore } from '@/stores/panel/session';
import { useRelationshipsStore } from '@/stores/panel/relationships';
import { useStagesStore } from '@/stores/shared/stages';
import { useModelLibraryStore } from '@/stores/shared/model-library';
import { useCommitmentsStore } from '@/stores/panel/commitments';
import { useExportChoicesStore } from '@/stores/shared/export-choices';
import { useSummaryStore } from '@/stores/shared/summary';
import { useCaptionsStore } from '@/stores/panel/captions';
import { useListeningStore } from '@/stores/panel/listening';
import { usePrivacyStore } from '@/stores/shared/privacy';
import { useTalkStore } from '@/stores/panel/talk';
import { MODES } from '@/utils/frameworks';
import { requestCaptions, sendQuietly, type NotesHandOff } from '@/utils/messaging';
import { platformOfUrl } from '@/utils/platforms/hosts';
import { openAttuneDb } from '@/utils/db/open';
import { toDbError } from '@/utils/db/errors';
import { installServices, type Services } from '@/utils/services';
import { createServices } from '@/utils/create-services';
import { localItems, sessionItems } from '@/utils/storage-items';
import { connectTalk } from './connect-talk';
import { routePanelMessages } from './message-router';
import { usePrepareStore } from '@/stores/panel/prepare';

// How much of a running session a crash can cost at most.
const CHECKPOINT_INTERVAL_MS = 5_000;
// A capture request older than this was for an earlier panel.
const CAPTURE_REQUEST_FRESH_MS = 10_000;

/** Chrome opens the panel per tab with ?tabId=; Firefox's sidebar follows the active tab. */
async function tabBesidePanel(): Promise<{ id: number | null; url: string | undefined; fixed: boolean }> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param !== null && /^\d+$/.test(param)) return { id: Number(param), url: undefined, fixed: true };
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return { id: active?.id ?? null, url: active?.url, fixed: false };
}

/** What the panel takes from the browser, database or not. */
function browserServices(writer: string) {
  return {
    now: () => Date.now(),
    local: browser.storage.local,
    session: browser.storage.session,
    permissions: browser.permissions,
    requestCaptions,
    handOff: (sessionId: string, fields: NotesHandOff['fields'], at: number) => {
      const message: NotesHandOff = { type: 'notes-hand-off', sessionId, writer, fields, at };
      sendQuietly(message);
    },
  } satisfies Partial<Services>;
}

/**
 * The panel's composition root: the database, repositories, keyring and seal lock, built once
 * and installed on the panel's Pinia. Without a database, only the browser's part is installed
 * (the talk balance and captions still work; nothing is saved, and the panel says why).
 */
async function buildPanelServices(): Promise<Services | null> {
  // This panel's name in drafts written while locked; the background writes a closing panel's last notes under it too.
  const writer = crypto.randomUUID();
  const pinia = getActivePinia();
  try {
    const browserPart = browserServices(writer);
    const services: Services = {
      ...createServices({ db: await openAttuneDb(indexedDB), writer, ...browserPart }),
      ...browserPart,
    };
    installServices(services, pinia);
    return services;
  } catch (error) {
    installServices(browserServices(writer), pinia);
    useSessionStore().fail(toDbError(error).message);
    return null;
  }
}

/** The stores' first reads: the passphrase's state, settings, relationships. */
async function loadStores(): Promise<void> {
  await usePrivacyStore().connect();
  await useModelLibraryStore().loadSettings();
  await useSummaryStore().load();
  void useExportChoicesStore().load();
  void useListeningStore()
    .loadSettings()
    .catch(() => undefined);
  void useRelationshipsStore().load();
  // Before the call: the chosen relationship's last session and today's plan.
  void usePrepareStore().connect();
}

/** Unlocked, locked, or a passphrase turned on or off in the dashboard (or another panel): follow it. */
function followPassphraseElsewhere(services: Services): void {
  const session = useSessionStore();
  const follow = () => {
    services.keyring.forget();
    void usePrivacyStore()
      .refresh()
      .then(() => session.reload())
      .then(() => useCaptionsStore().mergeSaved(session.session?.transcript ?? null));
  };
  sessionItems.unlockedKey.watch(follow);
  localItems.keyRecord.watch(follow);
}

/** Keeps the call store on the tab beside the panel and on what the background records of it. */
async function followCallTab(now: () => number): Promise<void> {
  const call = useCallStore();
  const attach = async () => {
    const beside = await tabBesidePanel();
    call.attach(beside.id, beside.fixed || platformOfUrl(beside.url) !== null);
    if (beside.id !== null) call.setTabState(await sessionItems.tabState(beside.id).read());
    return beside.fixed;
  };
  if (!(await attach())) {
    browser.tabs.onActivated.addListener(() => void attach());
    browser.tabs.onUpdated.addListener((_id, change) => {
      if (change.url !== undefined) void attach();
    });
  }
  watch(
    () => call.tabId,
    (tabId, _before, onCleanup) => {
      if (tabId === null) return;
      const stopState = sessionItems.tabState(tabId).watch((state) => call.setTabState(state));
      const stopCapture = sessionItems.captureRequest(tabId).watch((at) => at !== null && call.requestCapture(at));
      onCleanup(() => (stopState(), stopCapture()));
    },
    { immediate: true },
  );
  // A panel opened by the capture shortcut finds the request already waiting.
  if (call.tabId !== null) {
    const pending = await sessionItems.captureRequest(call.tabId).read();
    if (pending !== null && now() - pending < CAPTURE_REQUEST_FRESH_MS) call.requestCapture(pending);
  }
}

/** The session follows the call; a new or resumed one brings its model, commitments and captions. */
function followSession(services: Services): void {
  const call = useCallStore();
  const session = useSessionStore();
  const stages = useStagesStore();
  const commitments = useCommitmentsStore();
  const captions = useCaptionsStore();
  watch(
    () => call.tab,
    (tab) => void session.syncWithCall(tab, services.now()),
    { immediate: true },
  );
  let loadedFor: { sessionId: string | null; relationshipId: string | null } = {
    sessionId: null,
    relationshipId: null,
  };
  let captionsFor: string | null = null;
  watch(
    () => session.session,
    (record) => {
      if (!record) return;
      stages.attach(record, MODES.mentoring.defaultModelId);
      // Load on a new session or a newly linked relationship (its open commitments to review).
      if (record.id !== loadedFor.sessionId || record.relationshipId !== loadedFor.relationshipId) {
        loadedFor = { sessionId: record.id, relationshipId: record.relationshipId };
        void commitments.load(record.id, record.relationshipId);
      }
      if (record.id !== captionsFor && call.tabId !== null) {
        captionsFor = record.id;
        void captions.resume(call.tabId, record.id, record.transcript);
      }
      const first = stages.model.stages[0];
      if (stages.timeline.length === 0 && first && record.endedAt === null)
        void stages.selectStage(first.id, record.startedAt);
    },
  );
}

/** Wires the panel's stores to the background's record of the call tab and to IndexedDB. */
export async function connectPanel(): Promise<void> {
  const services = await buildPanelServices();
  const now = services?.now ?? (() => Date.now());
  if (services) {
    followPassphraseElsewhere(services);
    await loadStores().catch((error: unknown) => useSessionStore().fail(toDbError(error).message));
  }
  await followCallTab(now);
  let restartCapture = () => {};
  routePanelMessages({ now, restartCapture: () => restartCapture() });
  if (services) followSession(services);
  ({ restartCapture } = await connectTalk(now));
  if (!services) return;
  const session = useSessionStore();
  const talkStore = useTalkStore();
  useIntervalFn(() => {
    const at = services.now();
    void session.checkpoint(at);
    void talkStore.checkpoint(at);
  }, CHECKPOINT_INTERVAL_MS);
}
