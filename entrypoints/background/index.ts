import { createCallTabs } from '@/utils/call/call-tabs';
import { CALL_HOST_PATTERNS, platformOfUrl } from '@/utils/platforms/hosts';
import { captureRequest } from '@/utils/call/capture-request';
import { writeStored } from '@/utils/storage-area';
import { parseExtensionMessage, parseNotesHandOff, parseSessionByHand } from '@/utils/messaging-schema';
import { createChromePanelAvailability, createFirefoxPanelAvailability, openPanelFromGesture } from './panel-ui';
import { createTalkCapture } from './talk-capture';
import { registerDashboardMenu } from './menu';
import { scheduleRetention } from './retention';
import { createSessionEnding } from './session-end';
import { createNotesHandOff } from './notes-hand-off';

/** Opens the panel from the user's gesture; a refusal (sync or async) leaves everything else as it is. */
function openQuietly(tabId: number): void {
  try {
    void openPanelFromGesture(tabId).catch(() => undefined);
  } catch {
    // No side panel here (a headless browser, a window without one).
  }
}

import { registerReminders } from './reminders';
import { openAttuneDb } from '@/utils/db/open';
import { createIdbCommitmentRepo } from '@/utils/db/commitment-repo';
import { createIdbRelationshipRepo } from '@/utils/db/relationship-repo';

/** The open commitments and the relationships, for a reminder; the database is closed again at once. */
async function readOpen() {
  const db = await openAttuneDb(indexedDB);
  try {
    const [commitments, relationships] = await Promise.all([
      createIdbCommitmentRepo(db).listOpen(),
      createIdbRelationshipRepo(db).list(),
    ]);
    return { commitments, relationships };
  } finally {
    db.close();
  }
}

export default defineBackground(() => {
  registerDashboardMenu();
  scheduleRetention();
  registerReminders(readOpen);
  const panel = import.meta.env.FIREFOX ? createFirefoxPanelAvailability() : createChromePanelAvailability();
  const callTabs = createCallTabs({ store: browser.storage.session, panel, sessions: createSessionEnding() });

  if (!import.meta.env.FIREFOX) {
    // The panel is offered per call tab only; the toolbar click is handled below, never by
    // openPanelOnActionClick, so that the click stays a user gesture we can act on.
    void browser.sidePanel.setOptions({ enabled: false });
    void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: false });
  }
  // Chrome and Edge only: Firefox has neither tabCapture nor offscreen documents.
  const talk = import.meta.env.FIREFOX ? null : createTalkCapture();
  if (talk) browser.runtime.onConnect.addListener((port) => talk.connectPanel(port));

  void browser.tabs
    .query({ url: [...CALL_HOST_PATTERNS] })
    .then((tabs) => Promise.all(tabs.map((tab) => (tab.id === undefined ? null : panel.offerOnCallTab(tab.id)))));

  // A closing panel's last keystrokes: only from our own extension pages.
  const saveNotes = createNotesHandOff({ local: browser.storage.local, session: browser.storage.session });
  browser.runtime.onMessage.addListener((raw, sender) => {
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(browser.runtime.getURL('/'))) return;
    const handOff = parseNotesHandOff(raw);
    if (handOff) void saveNotes(handOff);
    const byHand = parseSessionByHand(raw);
    if (byHand) void callTabs.byHand(byHand.tabId, byHand.action);
  });

  browser.runtime.onMessage.addListener((raw, sender) => {
    // Only our own content scripts, in a tab, on a call page of the platform they claim.
    if (sender.id !== browser.runtime.id || sender.tab?.id === undefined) return;
    const message = parseExtensionMessage(raw);
    if (message?.type !== 'call-snapshot') return;
    void callTabs.recordSnapshot(sender.tab.id, sender.url ?? sender.tab.url, message.snapshot);
  });

  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === 'loading' || change.url !== undefined) void callTabs.tabNavigated(tabId, tab.url);
  });
  browser.tabs.onRemoved.addListener((tabId) => void callTabs.tabClosed(tabId));

  (browser.action ?? browser.browserAction).onClicked.addListener((tab) => {
    if (tab.id === undefined) return;
    // The same click lets Attune capture this tab's audio for the talk balance: taken first, so a
    // panel that cannot open here (it throws at once where there is no side panel to show)
    // never costs the call's audio.
    talk?.takeTabStream(tab.id);
    openQuietly(tab.id);
  });

  // The capture shortcut works while the call tab has focus: open the panel (the key press is
  // the gesture) and ask it to put the cursor in the capture line.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'capture-commitment' || tab?.id === undefined || platformOfUrl(tab.url) === null) return;
    talk?.takeTabStream(tab.id);
    openQuietly(tab.id);
    void writeStored(browser.storage.session, captureRequest(tab.id), Date.now());
  });
});
