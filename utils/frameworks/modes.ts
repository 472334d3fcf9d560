import type { ModeId, ModeProfile } from './types';

// Seed 001 describes three related practices; the talk targets follow coaching practice
// (coaches aim to talk 20–30% of the time) and are editable in Settings.
export const MODES: Record<ModeId, ModeProfile> = {
  mentoring: {
    id: 'mentoring',
    name: 'Mentoring',
    description: 'Supporting someone through a significant career transition: guidance as well as questions.',
    defaultModelId: 'six-layer',
    talkTarget: { minMentorShare: 0, maxMentorShare: 0.4 },
    roleSwaps: false,
  },
  'specialist-coaching': {
    id: 'specialist-coaching',
    name: 'Specialist coaching',
    description: 'Developing one specific aspect of practice through non-judgemental questioning.',
    defaultModelId: 'grow',
    talkTarget: { minMentorShare: 0.2, maxMentorShare: 0.3 },
    roleSwaps: false,
  },
  'co-coaching': {
    id: 'co-coaching',
    name: 'Co-coaching',
    description: 'Two peers coaching each other in turn, relating specialist input to daily practice.',
    defaultModelId: 'grow',
    talkTarget: { minMentorShare: 0.4, maxMentorShare: 0.6 },
    roleSwaps: true,
  },
};

/** The kinds of relationship as a form offers them, in the order of the seeds. */
export const MODE_CHOICES: ReadonlyArray<{ value: ModeId; label: string }> = Object.values(MODES).map((m) => ({
  value: m.id,
  label: m.name,
}));
