import type { Cue, MentoringModel, Stage } from './types';

export interface StageSpec extends Omit<Stage, 'questions'> {
  questions: string[];
}

export interface ModelSpec extends Omit<MentoringModel, 'stages' | 'cues'> {
  stages: StageSpec[];
  cues?: Cue[];
}

/** Builds a model from plain data, giving each question a stable id: `<stage>-<n>` in written order. */
export function defineModel(spec: ModelSpec): MentoringModel {
  return {
    ...spec,
    cues: spec.cues ?? [],
    stages: spec.stages.map((stage) => ({
      ...stage,
      questions: stage.questions.map((text, i) => ({ id: `${stage.id}-${i + 1}`, text })),
    })),
  };
}
