export type QuestionKind = 'open' | 'closed' | 'leading' | 'statement';

export interface QuestionVerdict {
  kind: QuestionKind;
  /** Two or more questions asked in one turn (ICF PCC 7.6: one question at a time). */
  stacked: boolean;
  /** An open way to ask the same thing, for closed and leading questions. */
  suggestion?: string;
}
