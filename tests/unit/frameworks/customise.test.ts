import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GROW } from '@/utils/frameworks';
import {
  addQuestion,
  applyCustomisation,
  CustomisationError,
  emptyCustomisation,
  hideQuestion,
  setStageMinutes,
} from '@/utils/frameworks/customise';
import { exportModelJson, ModelImportError, parseModelJson } from '@/utils/frameworks/model-json';

describe('customising a model', () => {
  it('adds the user’s own question to a stage and hides one they dislike', () => {
    let custom = addQuestion(emptyCustomisation(), 'goal', '  What would make today a good hour for you? ', 'mine-1');
    custom = hideQuestion(custom, 'goal-1');
    const goal = applyCustomisation(GROW, custom).stages[0];
    expect(goal?.questions.at(-1)).toEqual({
      id: 'mine-1',
      text: 'What would make today a good hour for you?',
      custom: true,
    });
    expect(goal?.questions.some((q) => q.id === 'goal-1')).toBe(false);
    expect(GROW.stages[0]?.questions.some((q) => q.id === 'goal-1')).toBe(true);
  });

  it('plans the session with the user’s minutes', () => {
    const model = applyCustomisation(GROW, setStageMinutes(emptyCustomisation(), 'reality', 25));
    expect(model.stages.map((s) => s.defaultMinutes)).toEqual([10, 25, 15, 15]);
  });

  it.each([
    [() => addQuestion(emptyCustomisation(), 'goal', '   ', 'x'), /Type the question/],
    [() => addQuestion(emptyCustomisation(), 'goal', 'w'.repeat(201), 'x'), /under 200/],
    [() => setStageMinutes(emptyCustomisation(), 'goal', -5), /between 0 and 240/],
  ])('refuses bad input with a sentence (%#)', (act, message) => {
    expect(act).toThrow(CustomisationError);
    expect(act).toThrow(message);
  });
});

describe('model files', () => {
  it('round-trips a model through JSON', () => {
    expect(parseModelJson(exportModelJson(GROW))).toEqual(GROW);
  });

  const good = JSON.parse(exportModelJson(GROW)) as {
    model: { stages: Array<{ id: string; questions: Array<{ id: string }> }> };
  };
  const variant = (change: (m: typeof good) => void) => {
    const copy = structuredClone(good);
    change(copy);
    return JSON.stringify(copy);
  };

  it.each([
    ['an empty file', '', /empty/],
    ['a truncated file', exportModelJson(GROW).slice(0, 200), /not valid JSON/],
    ['another kind of file', JSON.stringify({ hello: 'world' }), /not an Attune model/],
    ['a newer version', variant((m) => Object.assign(m, { version: 99 })), /newer version of Attune/],
    [
      'a stage without a name',
      variant((m) => Object.assign(m.model.stages[0]!, { name: '' })),
      /at “model\.stages\.0\.name”/,
    ],
    [
      'duplicate stage ids',
      variant((m) => Object.assign(m.model.stages[1]!, { id: m.model.stages[0]!.id })),
      /Two stages share/,
    ],
    [
      'duplicate question ids',
      variant((m) => Object.assign(m.model.stages[1]!.questions[0]!, { id: m.model.stages[0]!.questions[0]!.id })),
      /Two questions share/,
    ],
    ['an oversized file', `{"format":"attune.model","pad":"${'x'.repeat(1_000_001)}"}`, /larger than 1 MB/],
  ])('refuses %s with a clear sentence', (_name, file, message) => {
    expect(() => parseModelJson(file)).toThrow(ModelImportError);
    expect(() => parseModelJson(file)).toThrow(message);
  });

  it.each([
    [
      'an empty name',
      (m: typeof good) => Object.assign(m.model.stages[0]!, { name: '' }),
      'model.stages.0.name',
      'it is empty',
    ],
    [
      'a name over its length',
      (m: typeof good) => Object.assign(m.model.stages[0]!, { name: 'x'.repeat(81) }),
      'model.stages.0.name',
      'the text is longer than 80 characters',
    ],
    [
      'a missing purpose',
      (m: typeof good) => delete (m.model.stages[0] as { purpose?: string }).purpose,
      'model.stages.0.purpose',
      'it is missing',
    ],
    [
      'questions that are not a list',
      (m: typeof good) => Object.assign(m.model.stages[0]!, { questions: 'none' }),
      'model.stages.0.questions',
      'it should be a list',
    ],
    [
      'a scope Attune does not know',
      (m: typeof good) => Object.assign(m.model, { scope: 'team' }),
      'model.scope',
      'it should be "session" or "relationship"',
    ],
    ['no stages', (m: typeof good) => Object.assign(m.model, { stages: [] }), 'model.stages', 'the list is empty'],
    [
      'minutes out of range',
      (m: typeof good) => Object.assign(m.model.stages[0]!, { defaultMinutes: 999 }),
      'model.stages.0.defaultMinutes',
      'the number is too large',
    ],
  ])('says where and what is wrong with %s, in plain words', (_name, change, where, reason) => {
    expect(() => parseModelJson(variant(change))).toThrow(
      `The model file has a problem at “${where}”: ${reason}. Nothing was imported.`,
    );
  });

  it('ends every refusal the same way as the other files do', () => {
    for (const file of ['', JSON.stringify({ ...good, version: 99 })])
      expect(() => parseModelJson(file)).toThrow(/ Nothing was imported\.$/);
  });

  it('never throws anything but its own error on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (input) => {
        try {
          parseModelJson(input);
        } catch (error) {
          expect(error).toBeInstanceOf(ModelImportError);
        }
      }),
      { numRuns: 1_000 },
    );
  });
});
