/**
 * npm run --silent classify-questions
 * One question a line on stdin; one JSON object a line on stdout, in the same order:
 * {"text": "...", "kind": "open", "stacked": false, "suggestion": "..."}
 */
import { createInterface } from 'node:readline';
import { classifyQuestion } from '../utils/questions/classify';

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  const text = line.replace(/\r$/, '');
  const verdict = classifyQuestion(text);
  const ok = process.stdout.write(`${JSON.stringify({ text, ...verdict })}\n`);
  // Large inputs: wait for stdout to drain rather than buffering everything in memory.
  if (!ok) await new Promise((resolve) => process.stdout.once('drain', resolve));
}
