import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function runCli(input: string): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(
      'npx',
      ['tsx', 'scripts/listening-moves.ts'],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input);
  });
}

const line = (text: string, context: string[] = []) => JSON.stringify({ context, text });

describe('listening-moves CLI', () => {
  it('answers one JSON object a line with the text and its move, in the order given', async () => {
    const input = [
      line('So the cost is your weekends.', ["I've worked every weekend since June."]),
      line('Mm-hm.'),
      '',
      line('Have you tried just saying no?', ['They keep giving me more work.']),
    ].join('\n');
    const { code, stdout } = await runCli(`${input}\n`);
    expect(code).toBe(0);
    const rows = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toEqual([
      { text: 'So the cost is your weekends.', move: 'restating', evidence: ['weekend'] },
      { text: 'Mm-hm.', move: 'encouraging', evidence: expect.any(Array) },
      { text: 'Have you tried just saying no?', move: 'leading', evidence: expect.any(Array) },
    ]);
  }, 30_000);

  it.each([
    ['{"text": "Go on."', 2, /line 2: not valid JSON/],
    ['{"context": ["hi"]}', 2, /line 2: "text" must be a string/],
    ['{"text": "So you are tired.", "context": "I am tired"}', 2, /line 2: "context" must be a list of strings/],
    ['["Go on."]', 2, /line 2: expected a JSON object/],
  ])(
    'stops with exit 2 and a one-line error naming the line for %s',
    async (bad, lineNo, message) => {
      const { code, stderr } = await runCli(`${line('Hello!')}\n${bad}\n${line('Mm.')}\n`);
      expect(code).toBe(2);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(message);
      expect(stderr).toContain(`line ${lineNo}`);
    },
    30_000,
  );

  it('keeps up with a large input without losing a line', async () => {
    const input = Array.from({ length: 20_000 }, (_, i) =>
      line(`turn ${i}: what did you learn?`, ['I went to a course.']),
    ).join('\n');
    const rows = (await runCli(input)).stdout.trim().split('\n');
    expect(rows).toHaveLength(20_000);
    expect(JSON.parse(rows[19_999] ?? '{}')).toMatchObject({ text: 'turn 19999: what did you learn?', move: 'open' });
  }, 60_000);
});
