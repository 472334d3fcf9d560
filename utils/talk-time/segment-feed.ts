import type { TalkTimeAnalyser } from './analyser';
import type { Speaker, TalkSegment } from './types';

/** One speaker's news since the last update: closed segments from index `from` on, and the one under way. */
export interface SpeakerFeed {
  from: number;
  closed: TalkSegment[];
  open: TalkSegment | null;
}

/** What leaves the analyser: speech flags and segment times in seconds from the capture's start. No audio. */
export interface FeedUpdate {
  analysedSeconds: number;
  speaking: { mentor: boolean; mentee: boolean };
  /** Others in the mentor's room are as loud as the mentor: the mentor's share cannot be measured. */
  roomTooLoud?: boolean;
  mentor: SpeakerFeed;
  mentee: SpeakerFeed;
}

/**
 * Turns a running analyser into small updates for the panel: each carries only the segments
 * closed since the previous one (plus the open one), so an hour's call costs no more per update
 * than a minute's. `full()` starts over from the first segment, for a panel that missed some; the
 * mentor's segments also start over when the analyser has judged them again (`from` 0 replaces them).
 */
export function createSegmentFeed(
  analyser: Pick<TalkTimeAnalyser, 'segments' | 'speaking' | 'analysedSeconds' | 'closedCounts'> & {
    revision?: number;
    roomTooLoud?: boolean;
  },
) {
  const sent: Record<Speaker, number> = { mentor: 0, mentee: 0 };
  let revision = analyser.revision ?? 0;

  function feedOf(all: TalkSegment[], speaker: Speaker, closedCount: number): SpeakerFeed {
    const from = sent[speaker];
    sent[speaker] = closedCount;
    return {
      from,
      closed: all.slice(from, closedCount),
      open: all.length > closedCount ? (all[closedCount] ?? null) : null,
    };
  }

  return {
    next(): FeedUpdate {
      // The analyser judged the mentor's earlier talk again (it learned the room): send it all anew.
      if ((analyser.revision ?? 0) !== revision) {
        revision = analyser.revision ?? 0;
        sent.mentor = 0;
      }
      const segments = analyser.segments();
      const closedCounts = analyser.closedCounts;
      return {
        analysedSeconds: analyser.analysedSeconds,
        speaking: { ...analyser.speaking },
        roomTooLoud: analyser.roomTooLoud ?? false,
        mentor: feedOf(segments.mentor, 'mentor', closedCounts.mentor),
        mentee: feedOf(segments.mentee, 'mentee', closedCounts.mentee),
      };
    },
    full(): void {
      sent.mentor = 0;
      sent.mentee = 0;
    },
  };
}
