import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { SessionRecord } from '@/utils/db/types';
import { DbError } from '@/utils/db/errors';
import { useServices } from '@/utils/services';
import { plainCopy } from '@/utils/plain-copy';
import type { ModeId } from '@/utils/frameworks/types';
import type { MicState, TalkAudioMessage } from '@/utils/messaging';
import type { ActiveSpeakerHighlight } from '@/utils/platforms/types';
import { talkMetrics } from '@/utils/talk-time/metrics';
import type { TalkTimeMetrics } from '@/utils/talk-time/types';
import { createSegmentLog, foldTalk, NOTHING_SAVED, shiftSegments, type SavedTalk } from '@/utils/talk-time/live-tally';
import { dismissNudge as dismissInState, NO_NUDGES, nextNudges, type NudgeState } from '@/utils/talk-time/nudges';
import {
  parseTargetOverrides,
  TALK_TARGETS_KEY,
  targetBandFor,
  validBand,
  type TalkTargetBand,
  type TalkTargetOverrides,
} from '@/utils/talk-time/target-band';

/**
 * What measures the balance: both channels of audio; one channel of audio with the page's
 * highlight for the other speaker; or the highlight alone. Where the page shows no highlight
 * that Attune recognises and captions are on, the captions' timing stands in for it.
 */
export type TalkSource =
  | 'audio'
  | 'mic-and-active-speaker'
  | 'tab-and-active-speaker'
  | 'active-speaker'
  | 'mic-and-captions'
  | 'tab-and-captions'
  | 'captions';

/** A finished caption line's timing, and whether the mentor said it (epoch ms). */
export interface CaptionTiming {
  mentor: boolean;
  at: number;
  endedAt: number;
}

export interface AudioStatus {
  mic: MicState;
  tab: 'on' | 'unavailable';
  /** When the capture started (ms), the zero of its segment times. */
  startedAt: number;
}

// A content script repeats its highlight every 2 s; silence longer than this means it is gone.
const HIGHLIGHT_STALE_MS = 5_000;
// This much speech heard from audio with no one ever highlighted means the page's tiles are there
// but their speaking marker is one Attune does not know (Meet changes it between releases).
const AUDIO_TALK_WITHOUT_HIGHLIGHT_SECONDS = 5;

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
  const mode = ref<ModeId | null>(null);
  const overrides = ref<TalkTargetOverrides>({});
  const runMetrics = shallowRef<TalkTimeMetrics | null>(null);
  const saved = shallowRef<SavedTalk>(NOTHING_SAVED);
  const nudges = shallowRef<NudgeState>(NO_NUDGES);
  const error = ref<string | null>(null);
  /** The analyser cannot tell the mentor's voice from others in the room: no share is claimed. */
  const roomTooLoud = ref(false);
  let earlier: SavedTalk = NOTHING_SAVED;
  const need = useServices();
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

  const mentorFromMic = computed(() => audio.value?.mic === 'on');
  const menteeFromTab = computed(() => audio.value?.tab === 'on');
  /**
   * Attune cannot see who is speaking here: the page shows no tiles it recognises, or it shows
   * tiles but never highlighted anyone while captions or audio showed talk.
   */
  const speakerHidden = computed(() => highlightFound.value === false || (talkShown.value && !speakingSeen.value));
  /** Without audio for a speaker: the page's highlight, or captions where the highlight cannot be seen. */
  const fallback = computed<'active-speaker' | 'captions'>(() =>
    captionsOn.value && (highlightFound.value !== true || speakerHidden.value) ? 'captions' : 'active-speaker',
  );
  const source = computed<TalkSource>(() => {
    if (mentorFromMic.value && menteeFromTab.value) return 'audio';
    if (mentorFromMic.value) return `mic-and-${fallback.value}`;
    if (menteeFromTab.value) return `tab-and-${fallback.value}`;
    return fallback.value;
  });
  /** The label saved with the session: audio whenever either speaker is measured from audio. */
  const savedSource = computed(() => (mentorFromMic.value || menteeFromTab.value ? 'audio' : fallback.value));
  const band = computed<TalkTargetBand>(() => targetBandFor(mode.value, overrides.value));
  const micState = computed<MicState | null>(() => audio.value?.mic ?? null);

  /** Reads the mentor's own bands from the browser's settings (again when the dashboard changed them). */
  async function loadSettings() {
    const area = need('local');
    overrides.value = parseTargetOverrides((await area.get(TALK_TARGETS_KEY))[TALK_TARGETS_KEY]);
  }

  /** The mentor's own band for a mode; null goes back to the mode's default. */
  async function setTarget(forMode: ModeId, next: TalkTargetBand | null) {
    const clean = next === null ? null : validBand(next);
    if (next !== null && !clean) {
      error.value = 'A target is a share between 0% and 100%, the lower end first.';
      return;
    }
    const settings = need('local');
    const rest = { ...overrides.value };
    delete rest[forMode];
    overrides.value = clean ? { ...rest, [forMode]: clean } : rest;
    error.value = null;
    try {
      await settings.set({ [TALK_TARGETS_KEY]: plainCopy(overrides.value) });
    } catch {
      error.value = 'Attune could not save the target; it applies until the panel closes.';
    }
  }

  function setMode(next: ModeId | null) {
    mode.value = next;
  }

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
    if (metrics) earlier = foldTalk(earlier, metrics, savedSource.value);
    saved.value = earlier;
    clearRun();
  }

  function measure(now: number): TalkTimeMetrics | null {
    if (sessionId.value === null) return null;
    const at = sessionSeconds(now);
    const offset = audio.value ? sessionSeconds(audio.value.startedAt) : 0;
    const mentor = mentorFromMic.value
      ? shiftSegments(audioLogs.mentor.segments(), offset)
      : pageLogs.mentor.segments(at);
    const mentee = menteeFromTab.value
      ? shiftSegments(audioLogs.mentee.segments(), offset)
      : pageLogs.mentee.segments(at);
    if (mentor.length === 0 && mentee.length === 0) return null;
    return talkMetrics({ mentor, mentee }, at);
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
    if (fallback.value !== 'captions') return;
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
      const current = audio.value;
      if (current && current.mic === next.mic && current.tab === next.tab && current.startedAt === next.startedAt)
        return 'ok';
      closeRun(now);
      audio.value = next;
      return 'ok';
    }
    if (!audio.value || audio.value.startedAt !== message.startedAt) return 'resync';
    roomTooLoud.value = mentorFromMic.value && message.roomTooLoud === true;
    for (const who of ['mentor', 'mentee'] as const) {
      const log = audioLogs[who];
      const feed = message[who];
      if (feed.from === 0 && log.closedCount > 0) log.clear();
      if (feed.from !== log.closedCount) return 'resync';
      log.append(feed.closed);
      log.setOpen(feed.open);
      audioTalkSeconds += feed.closed.reduce((sum, s) => sum + Math.max(0, s.end - s.start), 0);
    }
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
    saved.value = metrics ? foldTalk(earlier, metrics, savedSource.value) : earlier;
    // A share or a monologue that cannot be measured is no ground for a nudge.
    if (metrics && !roomTooLoud.value) nudges.value = nextNudges(nudges.value, metrics, band.value, now);
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
        talkTime: { ...summary },
        talkTimeline: timeline.map((m) => ({
          minute: m.minute,
          mentorSeconds: m.mentorSeconds,
          menteeSeconds: m.menteeSeconds,
        })),
        lastCheckpointAt: now,
      });
      error.value = null;
    } catch (e) {
      error.value =
        e instanceof DbError
          ? e.message
          : 'Attune could not save the talk balance. It is still measured; it will be saved at the next checkpoint.';
    }
  }

  return {
    sessionId,
    live,
    audio,
    highlightFound,
    mode,
    overrides,
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
    band,
    micState,
    mentorFromMic,
    loadSettings,
    setTarget,
    setMode,
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
