import type { MicState } from '../messaging';
import { shiftSegments, type SegmentLog } from './live-tally';
import { talkMetrics } from './metrics';
import type { TalkTimeMetrics } from './types';
import type { SpeakerFeed } from './segment-feed';

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

/** The audio capture's channels, as the offscreen analyser last reported them. */
export interface AudioStatus {
  mic: MicState;
  tab: 'on' | 'unavailable';
  /** When the capture started (ms), the zero of its segment times. */
  startedAt: number;
}

// A content script repeats its highlight every 2 s; silence longer than this means it is gone.
export const HIGHLIGHT_STALE_MS = 5_000;
// This much speech heard from audio with no one ever highlighted means the page's tiles are there
// but their speaking marker is one Attune does not know (Meet changes it between releases).
export const AUDIO_TALK_WITHOUT_HIGHLIGHT_SECONDS = 5;

export function sameAudioStatus(a: AudioStatus | null, b: AudioStatus): boolean {
  return a !== null && a.mic === b.mic && a.tab === b.tab && a.startedAt === b.startedAt;
}

export interface SourceSignals {
  audio: AudioStatus | null;
  captionsOn: boolean;
  /** Whether the page shows participant tiles Attune recognises (null: not known yet). */
  highlightFound: boolean | null;
  /** Captions or audio have shown talk this session (a finished caption line, or enough audio speech). */
  talkShown: boolean;
  /** The page has highlighted someone as speaking at least once this session. */
  speakingSeen: boolean;
}

/**
 * Which signal measures each side: the audio where its channel is on, else the page's highlight,
 * or the captions' timing where the highlight cannot be seen. `saved` is the label kept with the
 * session: audio whenever either side is measured from audio.
 */
export function talkSources(signals: SourceSignals): {
  /**
   * Attune cannot see who is speaking here: the page shows no tiles it recognises, or it shows
   * tiles but never highlighted anyone while captions or audio showed talk.
   */
  speakerHidden: boolean;
  mentorFromMic: boolean;
  menteeFromTab: boolean;
  fallback: 'active-speaker' | 'captions';
  source: TalkSource;
  saved: 'audio' | 'active-speaker' | 'captions';
} {
  const mentorFromMic = signals.audio?.mic === 'on';
  const menteeFromTab = signals.audio?.tab === 'on';
  const speakerHidden = signals.highlightFound === false || (signals.talkShown && !signals.speakingSeen);
  const fallback =
    signals.captionsOn && (signals.highlightFound !== true || speakerHidden) ? 'captions' : 'active-speaker';
  const source: TalkSource =
    mentorFromMic && menteeFromTab
      ? 'audio'
      : mentorFromMic
        ? `mic-and-${fallback}`
        : menteeFromTab
          ? `tab-and-${fallback}`
          : fallback;
  const saved = mentorFromMic || menteeFromTab ? 'audio' : fallback;
  return { speakerHidden, mentorFromMic, menteeFromTab, fallback, source, saved };
}

/**
 * Adds one analyser update's segments to the two audio logs. False when the update does not
 * follow on from what the logs hold (an update was missed): the analyser must send all again.
 * `closedSeconds` is the speech the update closed, for telling talk heard from talk seen.
 */
export function appendFeeds(
  logs: Record<'mentor' | 'mentee', SegmentLog>,
  feeds: Record<'mentor' | 'mentee', SpeakerFeed>,
): { ok: boolean; closedSeconds: number } {
  let closedSeconds = 0;
  for (const who of ['mentor', 'mentee'] as const) {
    const log = logs[who];
    const feed = feeds[who];
    if (feed.from === 0 && log.closedCount > 0) log.clear();
    if (feed.from !== log.closedCount) return { ok: false, closedSeconds };
    log.append(feed.closed);
    log.setOpen(feed.open);
    closedSeconds += feed.closed.reduce((sum, s) => sum + Math.max(0, s.end - s.start), 0);
  }
  return { ok: true, closedSeconds };
}

/**
 * The run's metrics at `atSeconds` into the session: each side from its audio log (shifted from
 * the capture's clock onto the session's) where audio measures it, else from the page's log.
 * Null before anyone has spoken.
 */
export function measureRun(input: {
  audioLogs: Record<'mentor' | 'mentee', SegmentLog>;
  pageLogs: Record<'mentor' | 'mentee', SegmentLog>;
  fromAudio: Record<'mentor' | 'mentee', boolean>;
  /** Where the capture started, in seconds into the session. */
  captureOffsetSeconds: number;
  atSeconds: number;
}): TalkTimeMetrics | null {
  const side = (who: 'mentor' | 'mentee') =>
    input.fromAudio[who]
      ? shiftSegments(input.audioLogs[who].segments(), input.captureOffsetSeconds)
      : input.pageLogs[who].segments(input.atSeconds);
  const mentor = side('mentor');
  const mentee = side('mentee');
  if (mentor.length === 0 && mentee.length === 0) return null;
  return talkMetrics({ mentor, mentee }, input.atSeconds);
}
