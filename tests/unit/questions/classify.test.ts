import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyQuestion } from '@/utils/questions/classify';
import { evaluate, parseLabelled } from '@/utils/questions/evaluate';

const corpus = (file: string) => parseLabelled(readFileSync(`tests/fixtures/questions/${file}`, 'utf8'));

describe('classifyQuestion', () => {
  it.each([
    ['What would you like to focus on today?', 'open'],
    ['so um what would you like to focus on today', 'open'],
    ['Could you say more about that?', 'open'],
    ['Tell me about a recent example.', 'open'],
    ['Did the meeting go well?', 'closed'],
    ['how many people report to you', 'closed'],
    ['Is it the budget or the timeline?', 'closed'],
    ["Don't you think you should ask your manager?", 'leading'],
    ["that went well didn't it", 'leading'],
    ["Why don't you just delegate it?", 'leading'],
    ['Wouldn’t it be better to wait?', 'leading'],
    ['That sounds really hard.', 'statement'],
    ['What you said earlier stuck with me.', 'statement'],
  ])('calls "%s" %s', (text, kind) => {
    expect(classifyQuestion(text).kind).toBe(kind);
  });

  it('flags two questions in one turn and reports the kind of the first', () => {
    expect(classifyQuestion('What happened, and did you tell anyone?')).toMatchObject({ kind: 'open', stacked: true });
    expect(classifyQuestion('did you talk to him and how did he react')).toMatchObject({
      kind: 'closed',
      stacked: true,
    });
  });

  it('reads the question after statements in an unpunctuated caption', () => {
    expect(classifyQuestion("you mentioned feeling overlooked what's that about")).toEqual({
      kind: 'open',
      stacked: false,
    });
  });

  it('offers an open rephrasing for closed and leading questions only', () => {
    expect(classifyQuestion('Did the meeting go well?').suggestion).toBe('How did the meeting go?');
    expect(classifyQuestion('Are you happy with the outcome?').suggestion).toBe('How do you feel about the outcome?');
    expect(classifyQuestion("Don't you think you should ask your manager?").suggestion).toMatch(/^What/);
    expect(classifyQuestion('What matters most?').suggestion).toBeUndefined();
  });

  it('never throws and always answers with a kind, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const verdict = classifyQuestion(text);
        expect(['open', 'closed', 'leading', 'statement']).toContain(verdict.kind);
        expect(typeof verdict.stacked).toBe('boolean');
      }),
      { numRuns: 2_000 },
    );
  });

  it('copes with non-strings from untyped callers', () => {
    expect(classifyQuestion(undefined as unknown as string)).toEqual({ kind: 'statement', stacked: false });
  });
});

describe('accuracy on the labelled corpus', () => {
  const all = [...corpus('labelled.tsv'), ...corpus('held-out.tsv')];

  it('holds at least 400 labelled turns', () => {
    expect(all.length).toBeGreaterThanOrEqual(400);
  });

  it('is at least 95% accurate overall, with at least 90% recall on leading questions', () => {
    const result = evaluate(all);
    expect(result.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(result.perKind.leading.recall).toBeGreaterThanOrEqual(0.9);
    expect(result.stackedAccuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('stays above 90% on the held-out lines written after the rules', () => {
    expect(evaluate(corpus('held-out.tsv')).accuracy).toBeGreaterThanOrEqual(0.9);
  });
});
