import { useCallStore } from '@/stores/panel/call';
import { useSessionStore } from '@/stores/panel/session';
import { useRelationshipsStore } from '@/stores/panel/relationships';
import { useTalkStore } from '@/stores/panel/talk';
import { useCaptionsStore } from '@/stores/panel/captions';
import { isMentorSpeaker } from '@/utils/questions/tally';
import { sendQuietly, type CaptionUtterance, type OffscreenCommand } from '@/utils/messaging';
import { parseExtensionMessage, parseMicPermissionMessage, parseTalkAudioMessage } from '@/utils/messaging-schema';

export interface PanelRoutes {
  /** The clock the talk balance's messages are stamped with. */
  now(): number;
  /** The microphone was allowed on the permission page: the offscreen capture starts again. */
  restartCapture(): void;
}

/**
 * The panel's one listener for runtime messages. From a tab (the call page's content script),
 * only the tab beside this panel counts: caption status and lines go to the captions store and,
 * as who spoke when, to the talk balance; the page's active-speaker highlight goes to the talk
 * balance. From the extension's own pages: the offscreen analyser's audio updates for this tab,
 * and the microphone permission page's answer.
 */
export function routePanelMessages({ now, restartCapture }: PanelRoutes): void {
  const call = useCallStore();
  const talk = useTalkStore();
  const captions = useCaptionsStore();
  const session = useSessionStore();
  const relationships = useRelationshipsStore();
  const speakerNames = () => [
    call.selfName,
    relationships.list.find((r) => r.id === session.session?.relationshipId)?.mentorName,
  ];

  function fromCallTab(raw: unknown): void {
    const message = parseExtensionMessage(raw);
    if (message?.type === 'caption-status') captions.receiveStatus(message.status);
    if (message?.type === 'active-speaker') talk.onHighlight(message.highlight, now());
    if (message?.type === 'caption-utterances') {
      void captions.receiveUtterances(message.utterances, speakerNames());
      talk.onCaptions(speakingTurns(message.utterances, speakerNames()));
    }
  }

  function fromExtension(raw: unknown): void {
    const audio = parseTalkAudioMessage(raw);
    if (audio) {
      if (audio.tabId !== call.tabId) return;
      if (talk.onAudio(audio, now()) === 'resync') {
        const resync: OffscreenCommand = { type: 'offscreen-resync', tabId: audio.tabId };
        sendQuietly(resync);
      }
      return;
    }
    if (parseMicPermissionMessage(raw)?.granted) restartCapture();
  }

  browser.runtime.onMessage.addListener((raw, sender) => {
    if (sender.id !== browser.runtime.id) return;
    if (sender.tab?.id === undefined) return fromExtension(raw);
    if (sender.tab.id === call.tabId) fromCallTab(raw);
  });
}

/**
 * Caption lines as who spoke when; a line with no speaker's name (Zoom, at times), or under a name
 * two participants share, cannot be given to either side.
 */
function speakingTurns(utterances: CaptionUtterance[], names: ReadonlyArray<string | null | undefined>) {
  return utterances
    .filter((u) => !u.sharedName && (u.speaker.trim() !== '' || u.self !== undefined))
    .map((u) => ({ mentor: isMentorSpeaker(u.speaker, names, u.self), at: u.at, endedAt: u.endedAt }));
}
