/**
 * The page side of the captions benchmark, bundled by captions.ts into the fixture page: plays a
 * storm of caption updates, one per task, and times each mutation callback: the watcher's, an
 * empty one (the anchor) on the same region with the same options, or one that busy-waits a fixed
 * time without allocating (a control for how often the machine itself interrupts a callback).
 */
import { findCaptionRegion } from '../../utils/captions/read-captions';
import { watchCaptions } from '../../utils/captions/watch-captions';
import { MEET_CAPTIONS } from '../../utils/captions/meet';
import { TEAMS_CAPTIONS } from '../../utils/captions/teams';
import { ZOOM_CAPTIONS } from '../../utils/captions/zoom';
import type { CaptionSelectorTable } from '../../utils/captions/selectors';
import type { Utterance } from '../../utils/captions/types';
import {
  captionUpdates,
  createCaptionDriver,
  FIXTURE_MARKUP,
  sampleWords,
  type CaptionDriver,
  type CaptionMarkup,
  type Turn,
} from '../../tests/support/caption-driver';

export const TABLES: Record<string, CaptionSelectorTable> = {
  'meet-2025': MEET_CAPTIONS,
  'teams-2025': TEAMS_CAPTIONS,
  'zoom-2025': ZOOM_CAPTIONS,
};
const STORM_UPDATES = 1_000;
const CORRECT_EVERY = 6;
// The same options the watcher observes with.
/** The control's busy wait, about the watcher's p95. */
export const SPIN_MS = 0.05;
const OBSERVE: MutationObserverInit = {
  subtree: true,
  childList: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['alt'],
};

export interface StormResult {
  updates: number;
  batches: number[];
  utterances: number;
  /** The utterances given out were exactly the turns played (always true for the others). */
  correct: boolean;
  isolated: boolean;
}

/** A task boundary without setTimeout's 4 ms clamp: each update lands in its own task. */
function nextTask(): Promise<void> {
  const channel = new MessageChannel();
  return new Promise((resolve) => {
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
}

/** Turns of 30–60 words, alternating speakers, that make exactly STORM_UPDATES updates. */
function stormTurns(driver: CaptionDriver, markup: CaptionMarkup): { turns: Turn[]; updates: Array<() => void> } {
  const speakers = ['You', 'Priya Shah'];
  const turns: Turn[] = [];
  const count = (t: Turn[]) => captionUpdates(driver, markup, t, { correctEvery: CORRECT_EVERY }).length;
  while (count(turns) < STORM_UPDATES)
    turns.push({
      speaker: speakers[turns.length % 2] ?? 'You',
      words: sampleWords(30 + ((turns.length * 7) % 31), turns.length + 1),
    });
  const last = turns.pop() as Turn;
  for (let n = last.words.length; n >= 1; n -= 1) {
    const attempt = [...turns, { ...last, words: last.words.slice(0, n) }];
    const missing = STORM_UPDATES - count(attempt);
    if (missing === 0)
      return { turns: attempt, updates: captionUpdates(driver, markup, attempt, { correctEvery: CORRECT_EVERY }) };
    if (missing >= 2 && missing <= CORRECT_EVERY) {
      // A short closing turn (no corrections) fills the count exactly.
      const filler = { speaker: speakers[attempt.length % 2] ?? 'You', words: sampleWords(missing - 1, 999) };
      const all = [...attempt, filler];
      if (count(all) === STORM_UPDATES)
        return { turns: all, updates: captionUpdates(driver, markup, all, { correctEvery: CORRECT_EVERY }) };
    }
  }
  throw new Error('cannot make a storm of exactly 1,000 updates');
}

export type StormMode = 'watcher' | 'anchor' | 'spin';

/** Busy-waits `ms` without allocating. */
function spin(ms: number): void {
  const start = performance.now();
  while (performance.now() - start < ms);
}

export async function runStorm(fixture: string, mode: StormMode): Promise<StormResult> {
  const table = TABLES[fixture];
  const markup = FIXTURE_MARKUP[fixture];
  if (!table || !markup) throw new Error(`no fixture ${fixture}`);
  const driver = createCaptionDriver(document, markup);
  const { turns, updates } = stormTurns(driver, markup);
  const batches: number[] = [];
  class TimedObserver extends MutationObserver {
    constructor(callback: MutationCallback) {
      super((records, observer) => {
        const start = performance.now();
        callback(records, observer);
        batches.push(performance.now() - start);
      });
    }
  }

  const said: Utterance[] = [];
  let stop: () => void;
  if (mode !== 'watcher') {
    const region = findCaptionRegion(table, document);
    if (!region) throw new Error('no caption region');
    const observer = new TimedObserver(mode === 'spin' ? () => spin(SPIN_MS) : () => {});
    observer.observe(region.element, OBSERVE);
    stop = () => observer.disconnect();
  } else {
    stop = watchCaptions(table, {
      MutationObserver: TimedObserver,
      onUtterances: (u) => said.push(...u),
      onStatus: () => {},
    });
  }
  for (const update of updates) {
    update();
    await nextTask();
  }
  stop();
  const expected = turns.map((t) => `${t.speaker}: ${t.words.join(' ')}`);
  const got = said.map((u) => `${u.speaker}: ${u.text}`);
  return {
    updates: updates.length,
    batches,
    utterances: said.length,
    correct: mode !== 'watcher' || JSON.stringify(got) === JSON.stringify(expected),
    isolated: globalThis.crossOriginIsolated === true,
  };
}

(globalThis as unknown as { attuneCaptionBench: unknown }).attuneCaptionBench = { runStorm };
