import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SCENARIO = 'tests/fixtures/audio/headphones';

/** Runs scripts/talk-time.ts as `npm run talk-time` does (tsx), without npm's own chatter. */
function talkTime(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/talk-time.ts', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the talk-time CLI', () => {
  it('prints one JSON object with the stable fields', () => {
    const { code, stdout } = talkTime('--mic', `${SCENARIO}/mic.wav`, '--tab', `${SCENARIO}/tab.wav`);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(result).toMatchObject({
      mentorSeconds: expect.any(Number),
      menteeSeconds: expect.any(Number),
      mentorShare: expect.any(Number),
      longestMentorMonologueSeconds: expect.any(Number),
      mentorTurns: expect.any(Number),
      interruptions: expect.any(Number),
    });
    expect(result.mentorShare).toBeGreaterThan(0.35);
    expect(result.mentorShare).toBeLessThan(0.5);
  });

  it('adds the talk segments when asked', () => {
    const { stdout } = talkTime(`--mic=${SCENARIO}/mic.wav`, `--tab=${SCENARIO}/tab.wav`, '--segments');
    const result = JSON.parse(stdout) as { segments: { mentor: unknown[]; mentee: unknown[] } };
    expect(result.segments.mentor.length).toBeGreaterThan(0);
  });

  it('fails with one line on stderr and exit code 2 for a file that is not a WAV', () => {
    const dir = mkdtempSync(join(tmpdir(), 'talk-time-cli-'));
    const bad = join(dir, 'bad.wav');
    writeFileSync(bad, 'RIFF....not really');
    const { code, stdout, stderr } = talkTime('--mic', bad, '--tab', `${SCENARIO}/tab.wav`);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^talk-time: mic file .*bad\.wav: This is not a WAV file/);
  });

  it.each([
    ['a missing file', ['--mic', 'no-such.wav', '--tab', `${SCENARIO}/tab.wav`], /cannot read mic file/],
    ['a missing argument', ['--mic', `${SCENARIO}/mic.wav`], /usage/],
    [
      'an unknown argument',
      ['--mic', `${SCENARIO}/mic.wav`, '--tab', `${SCENARIO}/tab.wav`, '--verbose'],
      /unknown argument/,
    ],
  ])('fails with one line and exit code 2 for %s', (_name, args, message) => {
    const { code, stderr } = talkTime(...args);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });
});
