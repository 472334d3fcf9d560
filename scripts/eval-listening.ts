/**
 * Prints the listening-move classifier's scores on the labelled set. `--errors` also lists the
 * misses: use it on the development set only, never on the held-out one.
 */
import { readFileSync } from 'node:fs';
import { evaluateMoves, parseLabelledTurns } from '../utils/listening/evaluate';

const showErrors = process.argv.includes('--errors');
const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const targets =
  files.length > 0 ? files : ['tests/fixtures/listening/labelled.tsv', 'tests/fixtures/listening/held-out.tsv'];
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
for (const file of targets) {
  const result = evaluateMoves(parseLabelledTurns(readFileSync(file, 'utf8')));
  console.log(
    `${file}: ${result.total} turns, accuracy ${pct(result.accuracy)}, macro-F1 ${result.macroF1.toFixed(3)}`,
  );
  for (const [move, s] of Object.entries(result.perMove))
    console.log(`  ${move}: precision ${pct(s.precision)}, recall ${pct(s.recall)} (${s.support})`);
  if (showErrors) for (const e of result.errors) console.log(`  want ${e.move}, got ${e.got}: ${e.text}`);
}
