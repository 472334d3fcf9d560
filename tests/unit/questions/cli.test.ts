import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function runCli(input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'npx',
      ['tsx', 'scripts/classify-questions.ts'],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
    child.stdin?.end(input);
  });
}

describe('classify-questions CLI', () => {
  it('answers one JSON object a line, in the order asked', async () => {
    const out = await runCli("so what happened next\ndid you tell her\n\nthat went well, didn't it\n");
    const rows = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toEqual([
      { text: 'so what happened next', kind: 'open', stacked: false },
      { text: 'did you tell her', kind: 'closed', stacked: false, suggestion: expect.any(String) },
      { text: '', kind: 'statement', stacked: false },
      { text: "that went well, didn't it", kind: 'leading', stacked: false, suggestion: expect.any(String) },
    ]);
  }, 30_000);

  it('keeps up with a large input without losing a line', async () => {
    const input = Array.from({ length: 20_000 }, (_, i) => `question ${i}: what did you learn?`).join('\n');
    const rows = (await runCli(input)).trim().split('\n');
    expect(rows).toHaveLength(20_000);
    expect(JSON.parse(rows[19_999] ?? '{}')).toMatchObject({ text: 'question 19999: what did you learn?' });
  }, 60_000);
});
