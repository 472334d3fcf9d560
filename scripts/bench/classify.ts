import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { classifyQuestion } from '../../utils/questions/classify';
import { evaluate, parseLabelled, type Evaluation } from '../../utils/questions/evaluate';
import { median, table, type BenchSection } from './report';

const RUNS = 9;
const REPEAT = 20;

function timeOver(texts: string[], fn: (t: string) => unknown): number {
  const samples: number[] = [];
  for (let r = 0; r < RUNS; r += 1) {
    const start = performance.now();
    for (let k = 0; k < REPEAT; k += 1) for (const t of texts) fn(t);
    samples.push(performance.now() - start);
  }
  return (texts.length * REPEAT) / (median(samples) / 1000);
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function scoreRows(name: string, e: Evaluation): Array<Array<string | number>> {
  return [
    [
      name,
      e.total,
      pct(e.accuracy),
      pct(e.stackedAccuracy),
      ...(['open', 'closed', 'leading', 'statement'] as const).map(
        (k) => `${pct(e.perKind[k].precision)} / ${pct(e.perKind[k].recall)}`,
      ),
    ],
  ];
}

/** The question checker's accuracy on the labelled corpus and its throughput against a regex anchor. */
export function benchClassify(): BenchSection {
  const dev = parseLabelled(readFileSync('tests/fixtures/questions/labelled.tsv', 'utf8'));
  const heldOut = parseLabelled(readFileSync('tests/fixtures/questions/held-out.tsv', 'utf8'));
  const all = [...dev, ...heldOut];
  const texts = all.map((q) => q.text);
  // Anchor: the least any checker must do, lower-casing the text and testing it once against a
  // regular expression of question words.
  const anchorRe = /^(what|how|why|where|when|who|which|do|does|did|is|are|can|could|would|will)\b/;
  const anchor = timeOver(texts, (t) => anchorRe.test(t.toLowerCase()));
  const checker = timeOver(texts, classifyQuestion);
  return {
    id: 'classify',
    title: 'Question checker: accuracy and speed',
    markdown: [
      'Method: `classifyQuestion` over the labelled turns in `tests/fixtures/questions/` (see its README).',
      'Accuracy counts the `kind`; stacked accuracy the `stacked` flag. Throughput: all turns classified',
      `${REPEAT} times per run, median of ${RUNS} runs, one core. Anchor: lower-casing each turn and one`,
      'regular-expression test for a question word, timed the same way in the same run.',
      '',
      table(
        ['set', 'turns', 'accuracy', 'stacked', 'open P / R', 'closed P / R', 'leading P / R', 'statement P / R'],
        [
          ...scoreRows('written with the rules', evaluate(dev)),
          ...scoreRows('held out', evaluate(heldOut)),
          ...scoreRows('all', evaluate(all)),
        ],
      ),
      '',
      table(
        ['', 'turns per second', 'µs per turn'],
        [
          ['classifyQuestion', Math.round(checker).toLocaleString('en'), (1e6 / checker).toFixed(1)],
          ['*anchor:* lower-case + one regex', Math.round(anchor).toLocaleString('en'), (1e6 / anchor).toFixed(2)],
        ],
      ),
      '',
      `Checker ÷ anchor (time per turn): ${(anchor / checker).toFixed(1)}×.`,
    ].join('\n'),
  };
}
