import { createCallTabs } from '@/utils/call/call-tabs';
import { CALL_HOST_PATTERNS, platformOfUrl } from '@/utils/platforms/hosts';
import { captureRequestKey } from '@/utils/messaging';
import { parseExtensionMessage } from '@/utils/messaging-schema';
import { createChromePanelAvailability, createFirefoxPanelAvailability, openPanelFromGesture } from './panel-ui';
import { createTalkCapture } from './talk-capture';
import { registerDashboardMenu } from './menu';
import { scheduleRetention } from './retention';
import { createSessionEnding } from './session-end';
import { registerReminders } from './reminders';
import { openAttuneDb } from '@/utils/db/open';
import { createIdbCommitmentRepo } from '@/utils/db/commitment-repo';
import { createIdbRelationshipRepo } from '@/utils/db/relationship-repo';

/** The open commitments and the relationships, for a reminder; the database is closed again at once. */
async function readOpen() {
  const db = await openAttuneDb(indexedDB);
  try {
    const [commitments, relationships] = await Promise.all([createIdbCommitmentRepo(db).listOpen(), createIdbRelationshipRepo(db).list()]);
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

  void browser.tabs.query({ url: [...CALL_HOST_PATTERNS] }).then((tabs) =>
    Promise.all(tabs.map((tab) => (tab.id === undefined ? null : panel.offerOnCallTab(tab.id)))),
  );

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
    void openPanelFromGesture(tab.id);
    // The same click lets Attune capture this tab's audio for the talk balance.
    talk?.takeTabStream(tab.id);
  });

  // The capture shortcut works while the call tab has focus: open the panel (the key press is
  // the gesture) and ask it to put the cursor in the capture line.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'capture-commitment' || tab?.id === undefined || platformOfUrl(tab.url) === null) return;
    void openPanelFromGesture(tab.id);
    talk?.takeTabStream(tab.id);
    void browser.storage.session.set({ [captureRequestKey(tab.id)]: Date.now() });
  });
});
