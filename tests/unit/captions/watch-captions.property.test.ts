// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { watchCaptions } from '@/utils/captions/watch-captions';
import { MEET_CAPTIONS } from '@/utils/captions/meet';
import { TEAMS_CAPTIONS } from '@/utils/captions/teams';
import { ZOOM_CAPTIONS } from '@/utils/captions/zoom';
import type { CaptionSelectorTable } from '@/utils/captions/selectors';
import type { Utterance } from '@/utils/captions/types';
import { captionUpdates, sampleWords, type Turn } from '../../support/caption-driver';
import { captionPage, settleObservers } from './caption-page';

const PAGES: Array<['meet-2025' | 'meet-2023' | 'teams-2025' | 'teams-classic' | 'zoom-2025', CaptionSelectorTable]> = [
  ['meet-2025', MEET_CAPTIONS],
  ['meet-2023', MEET_CAPTIONS],
  ['teams-2025', TEAMS_CAPTIONS],
  ['teams-classic', TEAMS_CAPTIONS],
  ['zoom-2025', ZOOM_CAPTIONS],
];

const conversation = fc.array(
  fc.record({ speaker: fc.constantFrom('You', 'Priya Shah', 'Sam'), length: fc.integer({ min: 1, max: 70 }) }),
  { minLength: 1, maxLength: 8 },
);

describe('watchCaptions on any conversation', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] }));
  afterEach(() => vi.useRealTimers());

  it('gives out every turn once, whole and in order, however the page rewrites and trims it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PAGES),
        conversation,
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom(0, 3, 5, 7),
        fc.integer({ min: 50, max: 3_000 }),
        async ([fixture, table], shape, wordsPerUpdate, correctEvery, msPerUpdate) => {
          const turns: Turn[] = shape.map(({ speaker, length }, i) => ({
            speaker,
            words: sampleWords(length, i * 97 + length),
          }));
          const { driver, markup } = captionPage(fixture);
          let now = 0;
          const said: Utterance[] = [];
          const stop = watchCaptions(table, {
            onUtterances: (u) => said.push(...u),
            onStatus: () => {},
            now: () => now,
            pollMs: 1_000,
          });
          for (const update of captionUpdates(driver, markup, turns, { wordsPerUpdate, correctEvery })) {
            update();
            await settleObservers();
            now += msPerUpdate;
            vi.advanceTimersByTime(msPerUpdate);
          }
          stop();
          expect(said.map((u) => [u.speaker, u.text])).toEqual(turns.map((t) => [t.speaker, t.words.join(' ')]));
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);

  it('gives out every word once and in order even when speakers pause mid-turn', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PAGES),
        conversation,
        fc.array(fc.constantFrom(200, 800, 2_500, 6_000), { minLength: 1, maxLength: 12 }),
        async ([fixture, table], shape, gaps) => {
          const turns: Turn[] = shape.map(({ speaker, length }, i) => ({
            speaker,
            words: sampleWords(length, i * 31 + length),
          }));
          const { driver, markup } = captionPage(fixture);
          let now = 0;
          const said: Utterance[] = [];
          const stop = watchCaptions(table, {
            onUtterances: (u) => said.push(...u),
            onStatus: () => {},
            now: () => now,
            pollMs: 1_000,
          });
          const updates = captionUpdates(driver, markup, turns, { wordsPerUpdate: 2 });
          for (const [i, update] of updates.entries()) {
            update();
            await settleObservers();
            const gap = gaps[i % gaps.length] ?? 200;
            now += gap;
            vi.advanceTimersByTime(gap);
          }
          stop();
          const spokenWords = said.flatMap((u) => u.text.split(' ').map((w) => `${u.speaker}:${w}`));
          expect(spokenWords).toEqual(turns.flatMap((t) => t.words.map((w) => `${t.speaker}:${w}`)));
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);
});
