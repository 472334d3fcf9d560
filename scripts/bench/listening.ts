import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { classifyMove } from '../../utils/listening/classify';
import {
  evaluateMoves,
  parseLabelledTurns,
  type LabelledTurn,
  type MoveEvaluation,
} from '../../utils/listening/evaluate';
import { LISTENING_MOVES, type ListeningMove } from '../../utils/listening/types';
import { classifyQuestion } from '../../utils/questions/classify';
import { median, table, type BenchSection } from './report';

const RUNS = 9;
const REPEAT = 20;

// Anchor: the keyword rules anyone would write first. The question checker decides questions;
// a statement's move is the first keyword list it hits, in this order.
const ANCHOR_RULES: Array<[ListeningMove, RegExp]> = [
  ['summarising', /\b(so far|sum up|summar|recap)\b/i],
  ['restating', /^(so you|it sounds like|sounds like|you feel|you're)\b/i],
  ['advice', /\b(you should|you need to|if i were you|i'd suggest|my advice)\b/i],
  ['sharing', /\b(when i|in my experience|i remember|i had|i used to)\b/i],
  ['encouraging', /^(mm|mhm|uh huh|go on|i see|right|okay|yeah|take your time)\W*$/i],
];

export function anchorMove(text: string): { move: ListeningMove } {
  const kind = classifyQuestion(text).kind;
  if (kind !== 'statement') return { move: kind };
  for (const [move, re] of ANCHOR_RULES) if (re.test(text)) return { move };
  return { move: 'other' };
}

function turnsPerSecond(items: LabelledTurn[], fn: (text: string, context: readonly string[]) => unknown): number {
  // One untimed pass first, so neither side pays for the JIT's warm-up in its figures.
  for (const item of items) fn(item.text, item.context);
  const samples: number[] = [];
  for (let r = 0; r < RUNS; r += 1) {
    const start = performance.now();
    for (let k = 0; k < REPEAT; k += 1) for (const item of items) fn(item.text, item.context);
    samples.push(performance.now() - start);
  }
  return (items.length * REPEAT) / (median(samples) / 1000);
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function scoreRow(name: string, set: string, e: MoveEvaluation): Array<string | number> {
  return [
    name,
    set,
    e.total,
    pct(e.accuracy),
    e.macroF1.toFixed(3),
    ...LISTENING_MOVES.map((m) => `${pct(e.perMove[m].precision)} / ${pct(e.perMove[m].recall)}`),
  ];
}

/** The listening-move classifier's accuracy and speed beside a keyword-rule anchor, same run. */
export function benchListening(): BenchSection {
  const dev = parseLabelledTurns(readFileSync('tests/fixtures/listening/labelled.tsv', 'utf8'));
  const heldOut = parseLabelledTurns(readFileSync('tests/fixtures/listening/held-out.tsv', 'utf8'));
  const all = [...dev, ...heldOut];
  const anchorSpeed = turnsPerSecond(all, anchorMove);
  const speed = turnsPerSecond(all, classifyMove);
  return {
    id: 'listening',
    title: 'Listening moves: accuracy and speed',
    markdown: [
      'Method: `classifyMove` over the labelled mentor turns in `tests/fixtures/listening/` (see its README;',
      'the held-out set was written before the classifier and never tuned on). Cells are precision / recall.',
      "Macro-F1 averages the nine moves' F1. Throughput: every turn with its context classified",
      `${REPEAT} times per run after one untimed warm-up pass, median of ${RUNS} runs, one core. Anchor: the question checker for questions,`,
      'then one keyword list per move, measured the same way in the same run.',
      '',
      table(
        ['classifier', 'set', 'turns', 'accuracy', 'macro-F1', ...LISTENING_MOVES],
        [
          scoreRow('classifyMove', 'written with the rules', evaluateMoves(dev)),
          scoreRow('classifyMove', 'held out', evaluateMoves(heldOut)),
          scoreRow('*anchor:* keywords', 'written with the rules', evaluateMoves(dev, anchorMove)),
          scoreRow('*anchor:* keywords', 'held out', evaluateMoves(heldOut, anchorMove)),
        ],
      ),
      '',
      table(
        ['', 'turns per second', 'µs per turn'],
        [
          ['classifyMove', Math.round(speed).toLocaleString('en'), (1e6 / speed).toFixed(1)],
          ['*anchor:* keywords', Math.round(anchorSpeed).toLocaleString('en'), (1e6 / anchorSpeed).toFixed(1)],
        ],
      ),
    ].join('\n'),
  };
}
