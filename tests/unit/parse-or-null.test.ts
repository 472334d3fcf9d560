import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { parseOrNull } from '@/utils/parse-or-null';
import { parseSessionByHand, parseTabCallState } from '@/utils/messaging-schema';

describe('parseOrNull: ours or not', () => {
  it('gives the value when it has the shape, and null for anything else', () => {
    const parse = parseOrNull(z.object({ n: z.number() }));
    expect(parse({ n: 1 })).toEqual({ n: 1 });
    for (const raw of [null, undefined, 'n', { n: '1' }, []]) expect(parse(raw)).toBeNull();
  });

  it('reads the extension’s messages through it', () => {
    expect(parseSessionByHand({ type: 'session-by-hand', tabId: 4, action: 'start' })).toEqual({
      type: 'session-by-hand',
      tabId: 4,
      action: 'start',
    });
    expect(parseSessionByHand({ type: 'session-by-hand', tabId: 4, action: 'pause' })).toBeNull();
    expect(parseTabCallState({ tabId: 'four' })).toBeNull();
  });
});
