/**
 * npm run --silent listening-moves (stable: tools outside the project rely on it)
 * JSON Lines on stdin, each {"context": ["mentee turn", ...oldest first], "text": "mentor turn"};
 * one JSON object a line on stdout, in the same order: {"text": "...", "move": "restating", "evidence": [...]}.
 * A malformed line is a one-line error naming its line number on stderr, and exit code 2.
 */
import { createInterface } from 'node:readline';
import { classifyMove } from '../utils/listening/classify';
import { parseMoveRequest } from '../utils/listening/request';

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
let lineNumber = 0;
for await (const line of lines) {
  lineNumber += 1;
  if (line.trim() === '') continue;
  const request = parseMoveRequest(line);
  if (!request.ok) {
    process.stderr.write(`listening-moves: line ${lineNumber}: ${request.problem}\n`);
    process.exit(2);
  }
  const { text, context } = request.value;
  const ok = process.stdout.write(`${JSON.stringify({ text, ...classifyMove(text, context) })}\n`);
  // Large inputs: wait for stdout to drain rather than buffering everything in memory.
  if (!ok) await new Promise((resolve) => process.stdout.once('drain', resolve));
}
