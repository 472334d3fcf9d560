import { defineStore } from 'pinia';
import { errorSentence } from '@/utils/errors';
import { computed, ref, shallowRef } from 'vue';
import type { SessionRecord } from '@/utils/db/types';
import { useServices } from '@/utils/services';
import { plainCopy } from '@/utils/plain-copy';
import type { MicState, TalkAudioMessage } from '@/utils/messaging';
import type { ActiveSpeakerHighlight } from '@/utils/platforms/types';
import type { TalkTimeMetrics } from '@/utils/talk-time/types';
import { createSegmentLog, foldTalk, NOTHING_SAVED, type SavedTalk } from '@/utils/talk-time/live-tally';
import { dismissNudge as dismissInState, NO_NUDGES, nextNudges, type NudgeState } from '@/utils/talk-time/nudges';
import {
  appendFeeds,
  sameAudioStatus,
  measureRun,
  talkSources,
  type AudioStatus,
  type CaptionTiming,
  type TalkSource,
  AUDIO_TALK_WITHOUT_HIGHLIGHT_SECONDS,
  HIGHLIGHT_STALE_MS,
} from '@/utils/talk-time/sources';
import { useTalkTargetsStore } from '../shared/talk-targets';

/**
 * The balance of talk for the running session: speech segments arrive from the offscreen
 * analyser (audio) or the call page's active-speaker highlight (fallback), metrics are worked
 * out each tick, and the session's talkTime and per-minute timeline are checkpointed to
 * IndexedDB. A reopened panel starts a new run and adds it to what the session already saved.
 */
export const useTalkStore = defineStore('talk', () => {
  const sessionId = ref<string | null>(null);
  const sessionStartedAt = ref(0);
  const live = ref(false);
  const audio = ref<AudioStatus | null>(null);
  const highlightFound = ref<boolean | null>(null);
  const runMetrics = shallowRef<TalkTimeMetrics | null>(null);
  const saved = shallowRef<SavedTalk>(NOTHING_SAVED);
  const nudges = shallowRef<NudgeState>(NO_NUDGES);
  const error = ref<string | null>(null);
  /** The analyser cannot tell the mentor's voice from others in the room: no share is claimed. */
  const roomTooLoud = ref(false);
  let earlier: SavedTalk = NOTHING_SAVED;
  const need = useServices();
  // The band the nudges hold the share to (the session's mode, or the mentor's own).
  const targets = useTalkTargetsStore();
  let lastHighlightAt = 0;
  const audioLogs = { mentor: createSegmentLog(), mentee: createSegmentLog() };
  const pageLogs = { mentor: createSegmentLog(), mentee: createSegmentLog() };
  const captionsOn = ref(false);
  /** The page has highlighted someone as speaking at least once this session. */
  const speakingSeen = ref(false);
  /** Captions or audio have shown talk (a finished caption line, or enough audio speech). */
  const talkShown = ref(false);
  let audioTalkSeconds = 0;
  /** When the page last highlighted someone as speaking (epoch ms), for "What Attune sees". */
  const lastSpeakingAt = ref<number | null>(null);

  const sources = computed(() =>
    talkSources({
      audio: audio.value,
      captionsOn: captionsOn.value,
      highlightFound: highlightFound.value,
      talkShown: talkShown.value,
      speakingSeen: speakingSeen.value,
    }),
  );
  const speakerHidden = computed(() => sources.value.speakerHidden);
  const mentorFromMic = computed(() => sources.value.mentorFromMic);
  const source = computed<TalkSource>(() => sources.value.source);
  const micState = computed<MicState | null>(() => audio.value?.mic ?? null);

  function sessionSeconds(at: number): number {
    return Math.max(0, (at - sessionStartedAt.value) / 1000);
  }

  function clearRun() {
    for (const log of [audioLogs.mentor, audioLogs.mentee, pageLogs.mentor, pageLogs.mentee]) log.clear();
    runMetrics.value = null;
  }

  /** Picks up a session: what it saved so far becomes the base that this panel's run adds to. */
  function attach(record: SessionRecord) {
    if (sessionId.value === record.id) {
      live.value = record.endedAt === null;
      return;
    }
    sessionId.value = record.id;
    sessionStartedAt.value = record.startedAt;
    live.value = record.endedAt === null;
    earlier = { summary: record.talkTime, timeline: record.talkTimeline.map((m) => ({ ...m })) };
    saved.value = earlier;
    nudges.value = NO_NUDGES;
    speakingSeen.value = false;
    talkShown.value = false;
    audioTalkSeconds = 0;
    roomTooLoud.value = false;
    clearRun();
  }

  /** Ends the run under way: what it measured joins the base (a source changed). */
  function closeRun(now: number) {
    const metrics = measure(now);
    if (metrics) earlier = foldTalk(earlier, metrics, sources.value.saved);
    saved.value = earlier;
    clearRun();
  }

  function measure(now: number): TalkTimeMetrics | null {
    if (sessionId.value === null) return null;
    return measureRun({
      audioLogs,
      pageLogs,
      fromAudio: { mentor: mentorFromMic.value, mentee: sources.value.menteeFromTab },
      captureOffsetSeconds: audio.value ? sessionSeconds(audio.value.startedAt) : 0,
      atSeconds: sessionSeconds(now),
    });
  }

  /** Captions turned on or off for the session (they stand in where no highlight is recognised). */
  function setCaptions(on: boolean) {
    captionsOn.value = on;
  }

  /**
   * Finished caption lines. Where the page shows no highlight Attune recognises, their timing is
   * the estimate for whoever has no audio, in the same log the highlight would fill.
   */
  function onCaptions(lines: readonly CaptionTiming[]) {
    if (!live.value || !captionsOn.value) return;
    if (lines.length > 0 && !speakingSeen.value) talkShown.value = true;
    if (sources.value.fallback !== 'captions') return;
    for (const line of lines) {
      const segment = { start: sessionSeconds(line.at), end: sessionSeconds(line.endedAt) };
      (line.mentor ? pageLogs.mentor : pageLogs.mentee).append([segment]);
    }
  }

  /** The call page's highlight changed (or was repeated). */
  function onHighlight(highlight: ActiveSpeakerHighlight, now: number) {
    if (!live.value) return;
    highlightFound.value = highlight.found;
    if (highlight.self || highlight.other) {
      speakingSeen.value = true;
      lastSpeakingAt.value = now;
    }
    lastHighlightAt = now;
    const at = sessionSeconds(now);
    pageLogs.mentor.mark(highlight.self, at);
    pageLogs.mentee.mark(highlight.other, at);
  }

  /**
   * A message from the offscreen analyser. Returns 'resync' when updates were missed and the
   * analyser should send all its segments again.
   */
  function onAudio(message: TalkAudioMessage, now: number): 'ok' | 'resync' {
    if (!live.value) return 'ok';
    if (message.type === 'talk-status') {
      const next: AudioStatus = { mic: message.mic, tab: message.tab, startedAt: message.startedAt };
      if (sameAudioStatus(audio.value, next)) return 'ok';
      closeRun(now);
      audio.value = next;
      return 'ok';
    }
    if (!audio.value || audio.value.startedAt !== message.startedAt) return 'resync';
    roomTooLoud.value = mentorFromMic.value && message.roomTooLoud === true;
    const fed = appendFeeds(audioLogs, message);
    audioTalkSeconds += fed.closedSeconds;
    if (!fed.ok) return 'resync';
    if (audioTalkSeconds >= AUDIO_TALK_WITHOUT_HIGHLIGHT_SECONDS && !speakingSeen.value) talkShown.value = true;
    return 'ok';
  }

  /** The capture stopped (panel closing, tab gone): the page's highlight carries on alone. */
  function audioStopped(now: number) {
    if (!audio.value) return;
    closeRun(now);
    audio.value = null;
    roomTooLoud.value = false;
  }

  /** Works out the metrics and nudges for now (the panel calls this every second). */
  function tick(now: number) {
    if (!live.value) return;
    if (lastHighlightAt > 0 && now - lastHighlightAt > HIGHLIGHT_STALE_MS) {
      const at = sessionSeconds(lastHighlightAt);
      pageLogs.mentor.mark(false, at);
      pageLogs.mentee.mark(false, at);
    }
    const metrics = measure(now);
    runMetrics.value = metrics;
    saved.value = metrics ? foldTalk(earlier, metrics, sources.value.saved) : earlier;
    // A share or a monologue that cannot be measured is no ground for a nudge.
    if (metrics && !roomTooLoud.value) nudges.value = nextNudges(nudges.value, metrics, targets.band, now);
  }

  function dismissNudge(now: number) {
    nudges.value = dismissInState(nudges.value, now);
  }

  /** Saves the session's talk so far; a closed panel or a crash loses at most one interval. */
  async function checkpoint(now: number) {
    const repo = need('sessions');
    if (sessionId.value === null || !live.value || !saved.value.summary) return;
    try {
      const { summary, timeline } = saved.value;
      await repo.checkpoint(sessionId.value, {
        // Plain copies: IndexedDB cannot clone Vue's reactive proxies.
        talkTime: plainCopy(summary),
        talkTimeline: plainCopy(timeline),
        lastCheckpointAt: now,
      });
      error.value = null;
    } catch (e) {
      error.value = errorSentence(
        e,
        'Attune could not save the talk balance. It is still measured; it will be saved at the next checkpoint.',
      );
    }
  }

  return {
    sessionId,
    live,
    audio,
    highlightFound,
    runMetrics,
    saved,
    nudges,
    error,
    roomTooLoud,
    speakingSeen,
    talkShown,
    speakerHidden,
    lastSpeakingAt,
    source,
    micState,
    mentorFromMic,
    attach,
    setCaptions,
    onCaptions,
    onHighlight,
    onAudio,
    audioStopped,
    tick,
    dismissNudge,
    checkpoint,
  };
});
