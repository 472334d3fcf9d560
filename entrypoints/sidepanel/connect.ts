import { watch } from 'vue';
import { useIntervalFn } from '@vueuse/core';
import { useCallStore } from '@/stores/call';
import { useSessionStore } from '@/stores/session';
import { useRelationshipsStore } from '@/stores/relationships';
import { useStagesStore } from '@/stores/stages';
import { useCommitmentsStore } from '@/stores/commitments';
import { useTransferStore } from '@/stores/transfer';
import { useExportChoicesStore } from '@/stores/export-choices';
import { useSummaryStore } from '@/stores/summary';
import { useCaptionsStore } from '@/stores/captions';
import { useListeningStore } from '@/stores/listening';
import { createIdbCommitmentRepo } from '@/utils/db/commitment-repo';
import { MODES } from '@/utils/frameworks';
import { captureRequestKey, requestCaptions, tabStateKey } from '@/utils/messaging';
import { parseExtensionMessage, parseTabCallState } from '@/utils/messaging-schema';
import { platformOfUrl } from '@/utils/platforms/hosts';
import { openAttuneDb } from '@/utils/db/open';
import { toDbError } from '@/utils/db/errors';
import { createIdbSessionRepo } from '@/utils/db/session-repo';
import { createIdbRelationshipRepo } from '@/utils/db/relationship-repo';
import { createIdbHistoryRepo } from '@/utils/db/history-repo';
import type { SessionRepo } from '@/utils/db/session-repo';
import { connectTalk } from './connect-talk';
import { createKeyring, KEY_RECORD_KEY, UNLOCKED_KEY } from '@/utils/crypto/keyring';
import { createSealingSessionRepo } from '@/utils/db/sealing-session-repo';
import { createSealLock } from '@/utils/crypto/seal-lock';
import type { NotesHandOff } from '@/utils/messaging';
import { usePrivacyStore } from '@/stores/privacy';
import { usePrepareStore } from '@/stores/prepare';

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

async function readTabState(tabId: number) {
  const key = tabStateKey(tabId);
  return parseTabCallState((await browser.storage.session.get(key))[key]);
}

/** Wires the panel's stores to the background's record of the call tab and to IndexedDB. */
export async function connectPanel(): Promise<void> {
  const call = useCallStore();
  const session = useSessionStore();
  const relationships = useRelationshipsStore();
  const stages = useStagesStore();
  const commitments = useCommitmentsStore();

  let talkSessions: SessionRepo | null = null;
  try {
    const db = await openAttuneDb(indexedDB);
    const relationshipRepo = createIdbRelationshipRepo(db);
    // Notes, transcripts and summaries go through the optional passphrase's seal.
    const keyring = createKeyring({ local: browser.storage.local, session: browser.storage.session });
    const rawSessions = createIdbSessionRepo(db);
    // One lock, across every Attune page, around protected writes and passphrase changes.
    const exclusive = createSealLock();
    // This panel's name in drafts written while locked; the background writes a closing panel's last notes under it too.
    const writer = crypto.randomUUID();
    const sessionRepo = createSealingSessionRepo(rawSessions, keyring, { exclusive, writer });
    const privacy = usePrivacyStore();
    await privacy.connect({ keyring, rawSessions, exclusive });
    // Unlocked or locked in the dashboard (or another panel): follow it.
    // So is a passphrase turned on or off elsewhere (its record in storage.local).
    const follow = () => {
      keyring.forget();
      void privacy
        .refresh()
        .then(() => session.reload())
        .then(() => useCaptionsStore().mergeSaved(session.session?.transcript ?? null));
    };
    browser.storage.session.onChanged.addListener((changes) => {
      if (UNLOCKED_KEY in changes) follow();
    });
    browser.storage.local.onChanged.addListener((changes) => {
      if (KEY_RECORD_KEY in changes) follow();
    });
    talkSessions = sessionRepo;
    session.connect({
      sessions: sessionRepo,
      relationships: relationshipRepo,
      history: createIdbHistoryRepo(db),
      handOff: (sessionId, fields, at) => {
        const message: NotesHandOff = { type: 'notes-hand-off', sessionId, writer, fields, at };
        browser.runtime.sendMessage(message).catch(() => undefined);
      },
    });
    stages.connect(sessionRepo);
    const commitmentRepo = createIdbCommitmentRepo(db);
    commitments.connect(commitmentRepo);
    useTransferStore().connect({ sessions: sessionRepo, relationships: relationshipRepo, commitments: commitmentRepo });
    await stages.connectSettings(browser.storage.local);
    await useSummaryStore().connect({ area: browser.storage.local, permissions: browser.permissions });
    void useExportChoicesStore().connect(browser.storage.local);
    relationships.connect(relationshipRepo);
    void relationships.load();
    void usePrepareStore().connect({
      sessions: sessionRepo,
      list: rawSessions,
      commitments: commitmentRepo,
      area: browser.storage.local,
    });
  } catch (error) {
    session.fail(toDbError(error).message);
  }

  const attach = async () => {
    const beside = await tabBesidePanel();
    call.attach(beside.id, beside.fixed || platformOfUrl(beside.url) !== null);
    if (beside.id !== null) call.setTabState(await readTabState(beside.id));
    return beside.fixed;
  };
  const fixed = await attach();
  if (!fixed) {
    browser.tabs.onActivated.addListener(() => void attach());
    browser.tabs.onUpdated.addListener((_id, change) => {
      if (change.url !== undefined) void attach();
    });
  }

  browser.storage.session.onChanged.addListener((changes) => {
    if (call.tabId === null) return;
    const change = changes[tabStateKey(call.tabId)];
    if (change) call.setTabState(parseTabCallState(change.newValue));
    const capture = changes[captureRequestKey(call.tabId)]?.newValue;
    if (typeof capture === 'number') call.requestCapture(capture);
  });
  // A panel opened by the capture shortcut finds the request already waiting.
  if (call.tabId !== null) {
    const key = captureRequestKey(call.tabId);
    const pending = (await browser.storage.session.get(key))[key];
    if (typeof pending === 'number' && Date.now() - pending < CAPTURE_REQUEST_FRESH_MS) call.requestCapture(pending);
  }

  // Captions come straight from the call tab's content script; only this panel's tab counts.
  const captions = useCaptionsStore();
  captions.connect({ request: requestCaptions, area: browser.storage.session });
  void useListeningStore()
    .connectSettings(browser.storage.local)
    .catch(() => undefined);
  browser.runtime.onMessage.addListener((raw, sender) => {
    if (sender.id !== browser.runtime.id || sender.tab?.id === undefined || sender.tab.id !== call.tabId) return;
    const message = parseExtensionMessage(raw);
    if (message?.type === 'caption-status') captions.receiveStatus(message.status);
    if (message?.type === 'caption-utterances') {
      const mentor = relationships.list.find((r) => r.id === session.session?.relationshipId)?.mentorName;
      void captions.receiveUtterances(message.utterances, [call.selfName, mentor]);
    }
  });
  let captionsFor: string | null = null;

  watch(
    () => call.tab,
    (tab) => void session.syncWithCall(tab, Date.now()),
    { immediate: true },
  );
  let loadedFor: { sessionId: string | null; relationshipId: string | null } = {
    sessionId: null,
    relationshipId: null,
  };
  // A new or resumed session brings its model and stage timeline; a new one starts at stage one.
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
  const talk = await connectTalk(talkSessions);
  useIntervalFn(() => {
    void session.checkpoint(Date.now());
    void talk.checkpoint(Date.now());
  }, CHECKPOINT_INTERVAL_MS);
}
