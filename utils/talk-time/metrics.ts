import type { ShareWindow, SpeakerSegments, TalkSegment, TalkTimeMetrics, TimelineMinute, WaitTimes } from './types';

/** Talk shorter than this that leaves the floor with the other speaker is a backchannel ("mm-hm"), not a turn. */
export const BACKCHANNEL_MAX_SECONDS = 1;
/** One speaker's segments closer than this belong to the same turn, unless the other takes the floor between. */
export const TURN_PAUSE_SECONDS = 2;
/**
 * A monologue is the mentor's talk with no pause of TURN_PAUSE_SECONDS or more and no reply from
 * the mentee in between. A reply is mentee talk of at least this long that starts while the mentor
 * is silent, however short the exchange: rapid short turns are a conversation, not a monologue.
 * Mentee talk over the mentor's (an "mm-hm" while they speak) does not end it.
 */
export const MIN_REPLY_SECONDS = 0.3;
export const LAST_WINDOW_SECONDS = 300;
const MINUTE_SECONDS = 60;

interface Turn extends TalkSegment {
  speaker: 'mentor' | 'mentee';
}

const length = (s: TalkSegment) => s.end - s.start;

/** Sorted, non-overlapping copy of the segments. */
export function mergeSegments(segments: readonly TalkSegment[]): TalkSegment[] {
  const sorted = [...segments].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const merged: TalkSegment[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

function secondsWithin(segments: readonly TalkSegment[], from: number, to: number): number {
  let total = 0;
  for (const s of segments) total += Math.max(0, Math.min(s.end, to) - Math.max(s.start, from));
  return total;
}

function intersect(a: readonly TalkSegment[], b: readonly TalkSegment[]): TalkSegment[] {
  const out: TalkSegment[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as TalkSegment;
    const y = b[j] as TalkSegment;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (end > start) out.push({ start, end });
    if (x.end < y.end) i += 1;
    else j += 1;
  }
  return out;
}

function shareWindow(
  mentor: readonly TalkSegment[],
  mentee: readonly TalkSegment[],
  from: number,
  to: number,
): ShareWindow {
  const mentorSeconds = secondsWithin(mentor, from, to);
  const menteeSeconds = secondsWithin(mentee, from, to);
  const total = mentorSeconds + menteeSeconds;
  return { mentorSeconds, menteeSeconds, mentorShare: total > 0 ? mentorSeconds / total : 0 };
}

function isSpeakingAt(segments: readonly TalkSegment[], time: number): boolean {
  return segments.some((s) => s.start < time && time < s.end);
}

/**
 * Groups one speaker's segments into stretches; the other speaker's talk of at least `minBreakSeconds`
 * starting in a gap splits them.
 */
function groupStretches(
  own: readonly TalkSegment[],
  other: readonly TalkSegment[],
  minBreakSeconds: number,
): TalkSegment[] {
  const breakers = other.filter((s) => length(s) >= minBreakSeconds);
  const groups: TalkSegment[] = [];
  for (const s of own) {
    const last = groups[groups.length - 1];
    const joinable =
      last &&
      s.start - last.end < TURN_PAUSE_SECONDS &&
      !breakers.some((b) => b.start >= last.end && b.start < s.start);
    if (last && joinable) last.end = s.end;
    else groups.push({ ...s });
  }
  return groups;
}

/** A short stretch is a backchannel when the other speaker talked just before or during it and goes on after it. */
function isBackchannel(stretch: TalkSegment, other: readonly TalkSegment[]): boolean {
  if (length(stretch) >= BACKCHANNEL_MAX_SECONDS) return false;
  const before = other.some((s) => s.start < stretch.start && s.end > stretch.start - BACKCHANNEL_MAX_SECONDS);
  const after = other.some((s) => s.end > stretch.end && s.start < stretch.end + TURN_PAUSE_SECONDS);
  return before && after;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return 0;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function waitTimes(turns: readonly Turn[]): WaitTimes {
  const waits: number[] = [];
  turns.forEach((turn, i) => {
    const next = turns[i + 1];
    if (turn.speaker === 'mentor' && next?.speaker === 'mentee') waits.push(Math.max(0, next.start - turn.end));
  });
  return {
    count: waits.length,
    meanSeconds: waits.length ? waits.reduce((s, w) => s + w, 0) / waits.length : 0,
    medianSeconds: median(waits),
    longestSeconds: waits.length ? Math.max(...waits) : 0,
    lastSeconds: waits[waits.length - 1] ?? 0,
  };
}

function timeline(
  mentor: readonly TalkSegment[],
  mentee: readonly TalkSegment[],
  overlap: readonly TalkSegment[],
  duration: number,
): TimelineMinute[] {
  const minutes: TimelineMinute[] = [];
  for (let minute = 0; minute * MINUTE_SECONDS < duration; minute += 1) {
    const from = minute * MINUTE_SECONDS;
    const to = Math.min(duration, from + MINUTE_SECONDS);
    minutes.push({
      minute,
      mentorSeconds: secondsWithin(mentor, from, to),
      menteeSeconds: secondsWithin(mentee, from, to),
      overlapSeconds: secondsWithin(overlap, from, to),
    });
  }
  return minutes;
}

/**
 * Everything the panel shows about the balance of talk, from the two speakers' segments and the
 * session's length so far. The same function scores the analyser's output and a corpus's truth.
 */
export function talkMetrics(segments: SpeakerSegments, durationSeconds: number): TalkTimeMetrics {
  const mentor = mergeSegments(segments.mentor);
  const mentee = mergeSegments(segments.mentee);
  const overlap = intersect(mentor, mentee);
  const everyone = mergeSegments([...mentor, ...mentee]);
  const duration = Math.max(durationSeconds, everyone[everyone.length - 1]?.end ?? 0);
  const whole = shareWindow(mentor, mentee, 0, duration);

  const mentorStretches = groupStretches(mentor, mentee, MIN_REPLY_SECONDS);
  const menteeStretches = groupStretches(mentee, mentor, BACKCHANNEL_MAX_SECONDS);
  const mentorTurns = mentorStretches.filter((s) => !isBackchannel(s, mentee));
  const menteeTurns = menteeStretches.filter((s) => !isBackchannel(s, mentor));
  const turns: Turn[] = [
    ...mentorTurns.map((s) => ({ ...s, speaker: 'mentor' as const })),
    ...menteeTurns.map((s) => ({ ...s, speaker: 'mentee' as const })),
  ].sort((a, b) => a.start - b.start);

  const lastTurn = turns[turns.length - 1];
  const mentorHoldsFloor = lastTurn?.speaker === 'mentor' && duration - lastTurn.end < TURN_PAUSE_SECONDS;
  const mentorWaiting = lastTurn?.speaker === 'mentor' && !mentorHoldsFloor && !isSpeakingAt(mentee, duration);

  return {
    durationSeconds: duration,
    ...whole,
    overlapSeconds: secondsWithin(overlap, 0, duration),
    silenceSeconds: Math.max(0, duration - secondsWithin(everyone, 0, duration)),
    lastFiveMinutes: shareWindow(mentor, mentee, Math.max(0, duration - LAST_WINDOW_SECONDS), duration),
    longestMentorMonologueSeconds: mentorTurns.reduce((m, t) => Math.max(m, length(t)), 0),
    currentMentorMonologueSeconds: mentorHoldsFloor && lastTurn ? length(lastTurn) : 0,
    mentorTurns: mentorTurns.length,
    menteeTurns: menteeTurns.length,
    mentorBackchannels: mentorStretches.length - mentorTurns.length,
    menteeBackchannels: menteeStretches.length - menteeTurns.length,
    interruptions: mentorTurns.filter((t) => isSpeakingAt(mentee, t.start)).length,
    waitAfterMentor: waitTimes(turns),
    currentWaitSeconds: mentorWaiting && lastTurn ? duration - lastTurn.end : 0,
    timeline: timeline(mentor, mentee, overlap, duration),
  };
}
