/** Prints the question checker's scores on the labelled corpus and every miss (a tuning aid). */
import { readFileSync } from 'node:fs';
import { evaluate, parseLabelled } from '../utils/questions/evaluate';

const file = process.argv[2] ?? 'tests/fixtures/questions/labelled.tsv';
const result = evaluate(parseLabelled(readFileSync(file, 'utf8')));
console.log(
  `${file}: ${result.total} items, accuracy ${(result.accuracy * 100).toFixed(1)}%, stacked ${(result.stackedAccuracy * 100).toFixed(1)}%`,
);
for (const [kind, s] of Object.entries(result.perKind))
  console.log(
    `  ${kind}: precision ${(s.precision * 100).toFixed(1)}%, recall ${(s.recall * 100).toFixed(1)}% (${s.support})`,
  );
for (const e of result.errors)
  console.log(
    `  want ${e.kind}${e.stacked ? '+stacked' : ''}, got ${e.got}${e.gotStacked ? '+stacked' : ''}: ${e.text}`,
  );
