import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitLongUtterance } from '@/utils/captions/split-utterance';
import { captionUtteranceSchema } from '@/utils/messaging-schema';
import { MAX_UTTERANCE_TEXT } from '@/utils/captions/limits';

const turn = (text: string) => ({ speaker: 'Priya Shah', text, startedAt: 1_000, endedAt: 61_000 });

describe('splitLongUtterance', () => {
  it('leaves a turn that fits as it is', () => {
    expect(splitLongUtterance(turn('Short and sweet.'))).toEqual([turn('Short and sweet.')]);
  });

  it('cuts a runaway turn between sentences into parts the panel accepts, the same speaker, time shared out in order', () => {
    const sentence = 'I kept rewriting the budget review at midnight because I did not trust the team. ';
    const parts = splitLongUtterance(turn(sentence.repeat(400)));
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) {
      expect(p.speaker).toBe('Priya Shah');
      expect(p.text.length).toBeLessThanOrEqual(MAX_UTTERANCE_TEXT);
      expect(p.text.endsWith('team.')).toBe(true);
      expect(
        captionUtteranceSchema.safeParse({ speaker: p.speaker, text: p.text, at: p.startedAt, endedAt: p.endedAt })
          .success,
      ).toBe(true);
    }
    expect(parts[0]?.startedAt).toBe(1_000);
    expect(parts.at(-1)?.endedAt).toBe(61_000);
    for (let i = 1; i < parts.length; i += 1) expect(parts[i]?.startedAt).toBe(parts[i - 1]?.endedAt);
  });

  it('keeps every word of any text, in order, within the limit', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 3_000 }), fc.integer({ min: 20, max: 500 }), (text, max) => {
        const parts = splitLongUtterance(turn(text), max);
        for (const p of parts) expect(p.text.length).toBeLessThanOrEqual(max);
        expect(
          parts
            .map((p) => p.text)
            .join('')
            .replace(/\s+/g, ''),
        ).toBe(text.length <= max ? text.replace(/\s+/g, '') : text.trim().replace(/\s+/g, ''));
      }),
      { numRuns: 300 },
    );
  });
});
