import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_MODELS, getModel, MODES } from '@/utils/frameworks';
import { exportModelJson, parseModelJson } from '@/utils/frameworks/model-json';
import { classifyQuestion } from '@/utils/questions/classify';

const stages = BUILT_IN_MODELS.flatMap((model) => model.stages.map((stage) => [model.id, stage.id, stage] as const));

describe('the built-in mentoring models', () => {
  it('ship six-layer, GROW, mentor-coaching and the relationship stages', () => {
    expect(BUILT_IN_MODELS.map((m) => m.id)).toEqual(['six-layer', 'grow', 'mentor-coaching', 'relationship-stages']);
    expect(getModel('six-layer')?.stages.map((s) => s.id)).toEqual([
      'foundation',
      'trust',
      'define',
      'meaning',
      'commitment',
      'support',
      'review',
    ]);
    expect(getModel('relationship-stages')?.scope).toBe('relationship');
    expect(getModel('nope')).toBeNull();
  });

  it.each(stages)(
    '%s / %s is complete: purpose, signs to move on, watch-outs, 12+ unique questions',
    (_m, _s, stage) => {
      expect(stage.purpose.length).toBeGreaterThan(10);
      expect(stage.moveOnSigns.length).toBeGreaterThanOrEqual(1);
      expect(stage.watchOuts.length).toBeGreaterThanOrEqual(1);
      expect(stage.watchOuts.length).toBeLessThanOrEqual(2);
      expect(stage.questions.length).toBeGreaterThanOrEqual(12);
      expect(new Set(stage.questions.map((q) => q.text)).size).toBe(stage.questions.length);
    },
  );

  it.each(stages)('%s / %s asks only open, single questions that fit a narrow panel', (_m, _s, stage) => {
    for (const q of stage.questions) {
      expect(classifyQuestion(q.text), q.text).toEqual({ kind: 'open', stacked: false });
      expect(q.text.length, q.text).toBeLessThanOrEqual(90);
    }
  });

  it.each(BUILT_IN_MODELS.map((m) => [m.id, m] as const))(
    '%s ships as a model file a user could import: nothing in it the importer would drop',
    (id, model) => {
      const file = readFileSync(new URL(`../../../utils/frameworks/models/${id}.model.json`, import.meta.url), 'utf8');
      expect(JSON.parse(file)).toEqual(JSON.parse(exportModelJson(model)));
      expect(parseModelJson(file)).toEqual(model);
    },
  );

  it('gives every question an id unique within its model', () => {
    for (const model of BUILT_IN_MODELS) {
      const ids = model.stages.flatMap((s) => s.questions.map((q) => q.id));
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('plans a 60-minute session for each session model', () => {
    for (const model of BUILT_IN_MODELS.filter((m) => m.scope === 'session')) {
      expect(
        model.stages.reduce((sum, s) => sum + (s.defaultMinutes ?? 0), 0),
        model.id,
      ).toBe(60);
    }
  });

  it('sets talk targets from practice: coaches 20–30%, mentors at most 40%, co-coaches near half', () => {
    expect(MODES['specialist-coaching'].talkTarget).toEqual({ minMentorShare: 0.2, maxMentorShare: 0.3 });
    expect(MODES.mentoring.talkTarget.maxMentorShare).toBe(0.4);
    expect(MODES['co-coaching']).toMatchObject({
      roleSwaps: true,
      talkTarget: { minMentorShare: 0.4, maxMentorShare: 0.6 },
    });
    for (const mode of Object.values(MODES)) expect(getModel(mode.defaultModelId)?.scope).toBe('session');
  });
});
