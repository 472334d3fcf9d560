import type { TalkTimeMinute, TalkTimeSummary } from '../db/types';
import type { TalkSegment, TalkTimeMetrics } from './types';

/** The session's saved talk: the summary and per-minute timeline kept in IndexedDB. */
export interface SavedTalk {
  summary: TalkTimeSummary | null;
  timeline: TalkTimeMinute[];
}

export const NOTHING_SAVED: SavedTalk = { summary: null, timeline: [] };

/**
 * One speaker's talk as it arrives: closed segments appended, the one under way replaced.
 * Times are seconds from the session's start.
 */
export function createSegmentLog() {
  const closed: TalkSegment[] = [];
  let open: TalkSegment | null = null;
  return {
    get closedCount(): number {
      return closed.length;
    },
    append(segments: readonly TalkSegment[]): void {
      for (const s of segments) if (s.end > s.start) closed.push({ start: s.start, end: s.end });
    },
    setOpen(segment: TalkSegment | null): void {
      open = segment && segment.end > segment.start ? { ...segment } : null;
    },
    /** Opens a segment at `at` unless one is open; closes it at `at` when `speaking` is false. */
    mark(speaking: boolean, at: number): void {
      if (speaking && !open) open = { start: at, end: at };
      if (!speaking && open) {
        if (at > open.start) closed.push({ start: open.start, end: at });
        open = null;
      }
    },
    /** Everything so far, the open segment running to `until` when it is a live mark. */
    segments(until?: number): TalkSegment[] {
      if (!open) return [...closed];
      const end = until === undefined ? open.end : Math.max(open.end, until);
      return end > open.start ? [...closed, { start: open.start, end }] : [...closed];
    },
    clear(): void {
      closed.length = 0;
      open = null;
    },
  };
}

export type SegmentLog = ReturnType<typeof createSegmentLog>;

/** Moves segments measured from a capture's start onto the session's clock. */
export function shiftSegments(segments: readonly TalkSegment[], offsetSeconds: number): TalkSegment[] {
  return segments.map((s) => ({ start: s.start + offsetSeconds, end: s.end + offsetSeconds }));
}

/**
 * The session's talk so far: what earlier runs saved (before a panel reopened or the source
 * changed) plus the run under way, whose metrics are on the session's clock. Seconds add up,
 * the share is worked out again, the longest monologue is the longer of the two, and the
 * per-minute timeline adds minute by minute, and turn-taking counts add up.
 */
export function foldTalk(saved: SavedTalk, run: TalkTimeMetrics, source: TalkTimeSummary['source']): SavedTalk {
  const before = saved.summary;
  const earlier = before?.turns;
  const mentorSeconds = (before?.mentorSeconds ?? 0) + run.mentorSeconds;
  const menteeSeconds = (before?.menteeSeconds ?? 0) + run.menteeSeconds;
  const total = mentorSeconds + menteeSeconds;
  const minutes = new Map<number, TalkTimeMinute>();
  for (const m of [...saved.timeline, ...run.timeline]) {
    const at = minutes.get(m.minute) ?? { minute: m.minute, mentorSeconds: 0, menteeSeconds: 0 };
    at.mentorSeconds += m.mentorSeconds;
    at.menteeSeconds += m.menteeSeconds;
    minutes.set(m.minute, at);
  }
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    summary: {
      // A session measured partly by audio keeps the better label only while audio measured most of it.
      source:
        before &&
        before.source !== source &&
        before.mentorSeconds + before.menteeSeconds > run.mentorSeconds + run.menteeSeconds
          ? before.source
          : source,
      mentorSeconds: round(mentorSeconds),
      menteeSeconds: round(menteeSeconds),
      mentorShare: total > 0 ? round(mentorSeconds / total) : 0,
      longestMentorMonologueSeconds: round(
        Math.max(before?.longestMentorMonologueSeconds ?? 0, run.longestMentorMonologueSeconds),
      ),
      turns: {
        mentorTurns: (earlier?.mentorTurns ?? 0) + run.mentorTurns,
        menteeTurns: (earlier?.menteeTurns ?? 0) + run.menteeTurns,
        interruptions: (earlier?.interruptions ?? 0) + run.interruptions,
        waitsAfterMentor: (earlier?.waitsAfterMentor ?? 0) + run.waitAfterMentor.count,
        totalWaitSeconds: round(
          (earlier?.totalWaitSeconds ?? 0) + run.waitAfterMentor.meanSeconds * run.waitAfterMentor.count,
        ),
        longestWaitSeconds: round(Math.max(earlier?.longestWaitSeconds ?? 0, run.waitAfterMentor.longestSeconds)),
      },
    },
    timeline: [...minutes.values()]
      .sort((a, b) => a.minute - b.minute)
      .map((m) => ({ minute: m.minute, mentorSeconds: round(m.mentorSeconds), menteeSeconds: round(m.menteeSeconds) })),
  };
}
