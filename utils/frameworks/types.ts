export interface PromptQuestion {
  /** Stable: prompts used in a session are recorded by id. Append new questions; never renumber. */
  id: string;
  text: string;
  /** Written by the user rather than shipped with Attune. */
  custom?: boolean;
}

export interface Stage {
  id: string;
  name: string;
  /** One line: what this part of the conversation is for. */
  purpose: string;
  /** Signs that the conversation is ready to move on. */
  moveOnSigns: string[];
  /** One or two reminders of what tends to go wrong here. */
  watchOuts: string[];
  questions: PromptQuestion[];
  /** Minutes in a 60-minute session plan; null for stages of a relationship rather than a session. */
  defaultMinutes: number | null;
}

/** A gentle reminder at the right moment of a session. */
export interface Cue {
  id: string;
  text: string;
  at: 'start' | 'every-minutes' | 'before-end';
  /** For 'every-minutes', the interval; for 'before-end', how long before the planned end. */
  minutes?: number;
}

export interface MentoringModel {
  id: string;
  name: string;
  summary: string;
  /** Where the model's facts come from. */
  source: string;
  /** Whether its stages run within one session or across the whole relationship. */
  scope: 'session' | 'relationship';
  stages: Stage[];
  cues: Cue[];
}

export type ModeId = 'mentoring' | 'specialist-coaching' | 'co-coaching';

export interface ModeProfile {
  id: ModeId;
  name: string;
  description: string;
  defaultModelId: string;
  /** The mentor's share of talk time that practice aims for, 0..1. */
  talkTarget: { minMentorShare: number; maxMentorShare: number };
  /** Co-coaches take turns as coach and learner within a session. */
  roleSwaps: boolean;
}
