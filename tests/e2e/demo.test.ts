import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'attune-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('npm run demo', () => {
  it('joins the demo call headless and saves the call and the panel side by side', async () => {
    const file = join(dir, 'demo.png');
    const { stdout } = await run('npx', ['tsx', 'scripts/demo/run.ts', '--headless', '--screenshot', file], {
      timeout: 90_000,
    });
    expect(stdout).toContain(`Saved ${file}`);
    expect(pngSize(file)).toEqual({ width: 1381, height: 680 });
  }, 120_000);

  it('says how to run it when --screenshot has no file name', async () => {
    const error = await run('npx', ['tsx', 'scripts/demo/run.ts', '--headless', '--screenshot'], {
      timeout: 60_000,
    }).catch((e: { code: number; stderr: string }) => e);
    expect(error).toMatchObject({ code: 1 });
    expect(
      (error as { stderr: string }).stderr
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith('npm warn')),
    ).toEqual(['--screenshot needs a file name, e.g. --screenshot demo.png']);
  });
});
