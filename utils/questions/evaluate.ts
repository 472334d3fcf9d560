import { classifyQuestion } from './classify';
import type { QuestionKind } from './types';

export interface LabelledQuestion {
  kind: QuestionKind;
  stacked: boolean;
  text: string;
}

export interface KindScore {
  precision: number;
  recall: number;
  support: number;
}

export interface Evaluation {
  total: number;
  accuracy: number;
  stackedAccuracy: number;
  perKind: Record<QuestionKind, KindScore>;
  errors: Array<LabelledQuestion & { got: QuestionKind; gotStacked: boolean }>;
}

const KINDS: QuestionKind[] = ['open', 'closed', 'leading', 'statement'];

/** Parses the labelled corpus: a header line, then `kind<TAB>stacked<TAB>text` lines. */
export function parseLabelled(tsv: string): LabelledQuestion[] {
  return tsv
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [kind, stacked, ...rest] = line.split('\t');
      if (!KINDS.includes(kind as QuestionKind) || (stacked !== 'true' && stacked !== 'false'))
        throw new Error(`Bad corpus line: ${line}`);
      return { kind: kind as QuestionKind, stacked: stacked === 'true', text: rest.join('\t') };
    });
}

/** Accuracy, per-kind precision and recall, and the misclassified lines. */
export function evaluate(items: LabelledQuestion[]): Evaluation {
  const errors: Evaluation['errors'] = [];
  const predicted = items.map((item) => classifyQuestion(item.text));
  let right = 0;
  let stackedRight = 0;
  predicted.forEach((p, i) => {
    const item = items[i];
    if (!item) return;
    if (p.kind === item.kind) right += 1;
    if (p.stacked === item.stacked) stackedRight += 1;
    if (p.kind !== item.kind || p.stacked !== item.stacked)
      errors.push({ ...item, got: p.kind, gotStacked: p.stacked });
  });
  const perKind = Object.fromEntries(
    KINDS.map((kind) => {
      const tp = items.filter((it, i) => it.kind === kind && predicted[i]?.kind === kind).length;
      const predictedCount = predicted.filter((p) => p.kind === kind).length;
      const support = items.filter((it) => it.kind === kind).length;
      return [
        kind,
        { precision: predictedCount ? tp / predictedCount : 1, recall: support ? tp / support : 1, support },
      ];
    }),
  ) as Record<QuestionKind, KindScore>;
  return {
    total: items.length,
    accuracy: right / items.length,
    stackedAccuracy: stackedRight / items.length,
    perKind,
    errors,
  };
}
