import { classifyMove } from './classify';
import { LISTENING_MOVES, type ListeningMove } from './types';

export interface LabelledTurn {
  move: ListeningMove;
  text: string;
  context: string[];
}

export interface MoveScore {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface MoveEvaluation {
  total: number;
  accuracy: number;
  macroF1: number;
  perMove: Record<ListeningMove, MoveScore>;
  errors: Array<LabelledTurn & { got: ListeningMove }>;
}

export type Classifier = (text: string, context: readonly string[]) => { move: ListeningMove };

/** Parses the labelled set: a header line, then `move<TAB>text<TAB>mentee turns joined by " || "`. */
export function parseLabelledTurns(tsv: string): LabelledTurn[] {
  return tsv
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [move, text, context] = line.split('\t');
      if (!LISTENING_MOVES.includes(move as ListeningMove) || !text) throw new Error(`Bad labelled line: ${line}`);
      return { move: move as ListeningMove, text, context: context ? context.split(' || ') : [] };
    });
}

/** Accuracy, per-move precision, recall and F1, macro-F1 over the nine moves, and the misses. */
export function evaluateMoves(items: LabelledTurn[], classify: Classifier = classifyMove): MoveEvaluation {
  const got = items.map((item) => classify(item.text, item.context).move);
  const errors = items.flatMap((item, i) => (got[i] === item.move ? [] : [{ ...item, got: got[i] ?? 'other' }]));
  const perMove = Object.fromEntries(
    LISTENING_MOVES.map((move) => {
      const tp = items.filter((it, i) => it.move === move && got[i] === move).length;
      const predicted = got.filter((g) => g === move).length;
      const support = items.filter((it) => it.move === move).length;
      const precision = predicted ? tp / predicted : support ? 0 : 1;
      const recall = support ? tp / support : 1;
      const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
      return [move, { precision, recall, f1, support }];
    }),
  ) as Record<ListeningMove, MoveScore>;
  const macroF1 = LISTENING_MOVES.reduce((sum, m) => sum + perMove[m].f1, 0) / LISTENING_MOVES.length;
  return {
    total: items.length,
    accuracy: items.length ? (items.length - errors.length) / items.length : 1,
    macroF1,
    perMove,
    errors,
  };
}
