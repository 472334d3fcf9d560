import type { ModeId } from '../frameworks/types';
import { MODES } from '../frameworks/modes';
import { storedValue } from '../storage-area';

/** The mentor's share of talk that a mode aims for, 0..1 at both ends. */
export interface TalkTargetBand {
  minMentorShare: number;
  maxMentorShare: number;
}

/** The mentor's own bands, per mode, kept in storage.local under TALK_TARGETS_KEY. */
export type TalkTargetOverrides = Partial<Record<ModeId, TalkTargetBand>>;

/** Every mode's band as the gauge uses it: the mentor's own where set, else the mode's default. */
export type TalkTargets = Record<ModeId, TalkTargetBand>;

// The dashboard's settings and the panel's gauge edit the same entry.
export const TALK_TARGETS_KEY = 'modes.talkTargets';
/** Too little talk to judge a share: the gauge says "not enough talk yet" below this. */
export const MIN_JUDGED_TALK_SECONDS = 30;
/**
 * Too little talk to show a share at all: two seconds of the mentor's greeting are not "You: 100%".
 * Below this the gauge says it is listening and how much it has heard.
 */
export const MIN_SHOWN_TALK_SECONDS = 10;

export type BandVerdict = 'too-early' | 'below' | 'within' | 'above';

const isShare = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= 1;

/** A band the mentor typed: both ends 0..1 and in order, or null. */
export function validBand(raw: unknown): TalkTargetBand | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { minMentorShare, maxMentorShare } = raw as Record<string, unknown>;
  if (!isShare(minMentorShare) || !isShare(maxMentorShare) || minMentorShare > maxMentorShare) return null;
  return { minMentorShare, maxMentorShare };
}

/** Stored overrides with anything malformed (or for an unknown mode) left out. */
export function parseTargetOverrides(raw: unknown): TalkTargetOverrides {
  if (typeof raw !== 'object' || raw === null) return {};
  const out: TalkTargetOverrides = {};
  for (const mode of Object.keys(MODES) as ModeId[]) {
    const band = validBand((raw as Record<string, unknown>)[mode]);
    if (band) out[mode] = band;
  }
  return out;
}

/** The band for a relationship's mode: the mentor's own if set, else the mode's default; mentoring when not linked. */
export function targetBandFor(mode: ModeId | null, overrides: TalkTargetOverrides): TalkTargetBand {
  const id = mode ?? 'mentoring';
  return overrides[id] ?? { ...MODES[id].talkTarget };
}

/** Every mode's band (for the dashboard's trends and its settings form). */
export function bandsForEveryMode(overrides: TalkTargetOverrides): TalkTargets {
  const out = {} as TalkTargets;
  for (const mode of Object.keys(MODES) as ModeId[]) out[mode] = targetBandFor(mode, overrides);
  return out;
}

/** Where a share sits against the band, once enough has been said to judge it. */
export function shareAgainstBand(share: number, talkedSeconds: number, band: TalkTargetBand): BandVerdict {
  if (talkedSeconds < MIN_JUDGED_TALK_SECONDS) return 'too-early';
  if (share > band.maxMentorShare) return 'above';
  if (share < band.minMentorShare) return 'below';
  return 'within';
}

/** "up to 40%" or "40–60%": the band as the gauge says it. */
export function bandLabel(band: TalkTargetBand): string {
  const pct = (x: number) => Math.round(x * 100);
  if (band.minMentorShare <= 0) return `up to ${pct(band.maxMentorShare)}%`;
  return `${pct(band.minMentorShare)}–${pct(band.maxMentorShare)}%`;
}

/** storage.local: the mentor's own bands, per mode. */
export const TALK_TARGETS = storedValue(TALK_TARGETS_KEY, parseTargetOverrides);
