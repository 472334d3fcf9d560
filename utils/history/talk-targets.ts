import { MODES } from '../frameworks/modes';
import type { ModeId } from '../frameworks/types';
import { parseTargetOverrides } from '../talk-time/target-band';
import type { TalkTarget } from './types';
import { UserFacingError } from '../errors';

/** storage.local: the user's own talk targets per mode, where they differ from Attune's. */
export { TALK_TARGETS_KEY } from '../talk-time/target-band';

export type TalkTargets = Record<ModeId, TalkTarget>;

export class TalkTargetError extends UserFacingError {
  override readonly name = 'TalkTargetError';
}

export function defaultTalkTargets(): TalkTargets {
  return {
    mentoring: { ...MODES.mentoring.talkTarget },
    'specialist-coaching': { ...MODES['specialist-coaching'].talkTarget },
    'co-coaching': { ...MODES['co-coaching'].talkTarget },
  };
}

function isShare(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;
}

/** A target the user typed as percentages; throws a TalkTargetError with a sentence otherwise. */
export function talkTargetFromPercent(minPercent: number, maxPercent: number): TalkTarget {
  const target = { minMentorShare: minPercent / 100, maxMentorShare: maxPercent / 100 };
  if (!isShare(target.minMentorShare) || !isShare(target.maxMentorShare))
    throw new TalkTargetError('A talk target is a percentage from 0 to 100.');
  if (target.minMentorShare > target.maxMentorShare)
    throw new TalkTargetError('The lower end of a talk target cannot be above the upper end.');
  return target;
}

/**
 * Every mode's target as the gauge uses it: the mentor's own (the stored overrides, read by the
 * one parser the panel uses too) over Attune's defaults; anything malformed falls back to the default.
 */
export function parseTalkTargets(raw: unknown): TalkTargets {
  return { ...defaultTalkTargets(), ...parseTargetOverrides(raw) };
}
