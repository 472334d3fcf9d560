/** Who a stretch of talk belongs to: the microphone is the mentor, the call tab everyone else. */
export type Speaker = 'mentor' | 'mentee';

/** A stretch of one speaker's talk, in seconds from the start of the session. */
export interface TalkSegment {
  start: number;
  end: number;
}

export interface SpeakerSegments {
  mentor: TalkSegment[];
  mentee: TalkSegment[];
}

export interface ShareWindow {
  mentorSeconds: number;
  menteeSeconds: number;
  /** mentor ÷ (mentor + mentee), 0 when nobody spoke; overlaps count for both. */
  mentorShare: number;
}

export interface TimelineMinute {
  minute: number;
  mentorSeconds: number;
  menteeSeconds: number;
  overlapSeconds: number;
}

export interface WaitTimes {
  /** Replies by the mentee after a mentor turn. */
  count: number;
  meanSeconds: number;
  medianSeconds: number;
  longestSeconds: number;
  /** The wait before the latest reply, or 0 when there has been none. */
  lastSeconds: number;
}

export interface TalkTimeMetrics extends ShareWindow {
  durationSeconds: number;
  overlapSeconds: number;
  silenceSeconds: number;
  lastFiveMinutes: ShareWindow;
  longestMentorMonologueSeconds: number;
  /** The mentor's turn under way now (0 when the mentor does not hold the floor). */
  currentMentorMonologueSeconds: number;
  mentorTurns: number;
  menteeTurns: number;
  mentorBackchannels: number;
  menteeBackchannels: number;
  /** Mentor turns that started while the mentee was speaking. */
  interruptions: number;
  waitAfterMentor: WaitTimes;
  /** Silence since the mentor's last turn ended, while the mentee has not yet replied (0 otherwise). */
  currentWaitSeconds: number;
  timeline: TimelineMinute[];
}
