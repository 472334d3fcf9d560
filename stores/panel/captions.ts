import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { useServices } from '@/utils/services';
import type { CaptionStatus } from '@/utils/captions/types';
import { captionsOptIn } from '@/utils/captions/opt-in';
import { readStored, removeStored, writeStored } from '@/utils/storage-area';
import type { CaptionUtterance } from '@/utils/messaging';
import type { TranscriptLine } from '@/utils/db/types';
import { EMPTY_TALLIES, isMentorSpeaker, tallyUtterance, type FlaggedQuestion } from '@/utils/questions/tally';
import { useListeningStore } from './listening';
import { useSessionStore } from './session';

/**
 * Live captions, opt-in per session: the transcript stays in this panel's memory unless the
 * mentor keeps it with the session; the mentor's questions are counted as they are asked.
 */
export const useCaptionsStore = defineStore('captions', () => {
  const reading = ref(false);
  const status = ref<CaptionStatus | null>(null);
  const transcript = shallowRef<TranscriptLine[]>([]);
  const keepTranscript = ref(false);
  const flagged = ref<FlaggedQuestion | null>(null);
  const error = ref<string | null>(null);
  /** The last name two participants showed at once (a guest under the mentor's name): its lines count for no one. */
  const sharedName = computed(() => transcript.value.findLast((l) => l.sharedName)?.speaker ?? null);
  const need = useServices();
  // The content script answers a request to read at once with the caption status ("off": here is
  // how to turn them on), often before the request's own promise settles: kept until then.
  let heard: CaptionStatus | null = null;

  /** Picks up the session's choices after the panel opens: reading again if it was on. */
  async function resume(tabId: number, sessionId: string, saved: TranscriptLine[] | null) {
    // Where the per-session opt-in is remembered while the browser runs (storage.session).
    const area = need('session');
    keepTranscript.value = saved !== null;
    if (saved) transcript.value = [...saved];
    const wasOn = await readStored(area, captionsOptIn(sessionId));
    if (wasOn) await setReading(tabId, sessionId, true);
  }

  async function setReading(tabId: number, sessionId: string, on: boolean) {
    const area = need('session');
    heard = null;
    const reached = await need('requestCaptions')(tabId, on);
    if (on && !reached) {
      error.value = 'Attune could not reach the call page. Reload the call tab, then turn captions on again.';
      reading.value = false;
      return;
    }
    error.value = null;
    reading.value = on;
    status.value = on ? heard : null;
    const optIn = captionsOptIn(sessionId);
    await (on ? writeStored(area, optIn, true) : removeStored(area, optIn));
  }

  function receiveStatus(next: CaptionStatus) {
    heard = next;
    if (reading.value) status.value = next;
  }

  /** Finished utterances from the call: kept in order; the mentor's questions are tallied. */
  async function receiveUtterances(
    utterances: CaptionUtterance[],
    mentorNames: ReadonlyArray<string | null | undefined>,
  ) {
    if (!reading.value || utterances.length === 0) return;
    const session = useSessionStore();
    const current = session.session;
    transcript.value = [
      ...transcript.value,
      ...utterances.map(({ speaker, text, at, endedAt, self, sharedName }) => ({
        speaker,
        text,
        at,
        endedAt,
        ...(self === undefined ? {} : { self }),
        ...(sharedName ? { sharedName } : {}),
      })),
    ];
    let tallies = current?.questionTallies ?? EMPTY_TALLIES;
    for (const u of utterances) {
      if (!isMentorSpeaker(u.speaker, mentorNames, u.self, u.sharedName)) continue;
      const result = tallyUtterance(tallies, u.text, u.endedAt);
      tallies = result.tallies;
      if (result.flagged) flagged.value = result.flagged;
    }
    const fields: Parameters<typeof session.update>[0] = {};
    if (current && tallies !== current.questionTallies) fields.questionTallies = { ...tallies };
    const moves = useListeningStore().follow(current, utterances, mentorNames);
    if (current && moves) fields.moves = moves;
    if (keepTranscript.value) fields.transcript = transcript.value.map((l) => ({ ...l }));
    if (Object.keys(fields).length > 0) await session.update(fields, need('now')());
  }

  /** Keep the transcript with the session, or drop the saved copy (the panel's copy stays until it closes). */
  async function setKeepTranscript(keep: boolean) {
    keepTranscript.value = keep;
    await useSessionStore().update(
      { transcript: keep ? transcript.value.map((l) => ({ ...l })) : null },
      need('now')(),
    );
  }

  function dismissFlag() {
    flagged.value = null;
  }

  /**
   * The session's kept transcript, readable again (the passphrase was unlocked after the panel
   * opened locked): its lines join what this panel heard since, in time order, none twice, and
   * keeping goes on, so the next save does not replace the earlier lines with this panel's part.
   */
  function mergeSaved(saved: TranscriptLine[] | null) {
    if (!saved) return;
    keepTranscript.value = true;
    const key = (l: TranscriptLine) => `${l.at}\u0000${l.speaker}\u0000${l.text}`;
    const heard = new Set(transcript.value.map(key));
    transcript.value = [...saved.filter((l) => !heard.has(key(l))), ...transcript.value].sort((a, b) => a.at - b.at);
  }

  return {
    reading,
    status,
    transcript,
    keepTranscript,
    flagged,
    error,
    sharedName,
    resume,
    setReading,
    receiveStatus,
    receiveUtterances,
    setKeepTranscript,
    dismissFlag,
    mergeSaved,
  };
});
