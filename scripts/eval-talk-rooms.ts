/**
 * Runs the talk-time analyser over the room-condition scenarios of issue 15 (built in memory by
 * scripts/talk-corpus/room-scenarios.ts) and prints, per scenario, the mentor's share and the
 * longest mentor monologue against the truth from the clean tracks.
 * Run: npx tsx scripts/eval-talk-rooms.ts [--long] [--write DIR] [name…]
 *   --long     adds the two 30-minute sessions, synthesised and recorded voices (about a minute each);
 *   --write    also writes DIR/<scenario>/mic.wav, tab.wav and truth.json, to listen or to feed the CLI.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseRecordings } from '../utils/talk-time/analyse-recordings';
import { talkMetrics } from '../utils/talk-time/metrics';
import type { DecodedWav } from '../utils/talk-time/wav';
import { encodeWav } from '../utils/talk-time/wav-encode';
import { longSession, longVoicesSession, ROOM_SCENARIOS, type RoomScenario } from './talk-corpus/room-scenarios';

export interface RoomResult {
  name: string;
  truthShare: number;
  share: number;
  shareErrorPp: number;
  truthMonologue: number;
  monologue: number;
  monologueError: number;
  /** Share error over the last five minutes (drift shows here in a long session). */
  lastFiveErrorPp: number;
  seconds: number;
}

export const asWav = (samples: Float32Array, sampleRate: number): DecodedWav => ({
  samples,
  sampleRate,
  channelCount: 1,
  bitsPerSample: 32,
  encoding: 'float',
});

export function evaluateRoom(scenario: RoomScenario): RoomResult {
  const expected = talkMetrics(scenario.truth, scenario.durationSeconds);
  const { metrics } = analyseRecordings(
    asWav(scenario.mic, scenario.sampleRate),
    asWav(scenario.tab, scenario.sampleRate),
  );
  return {
    name: scenario.name,
    truthShare: expected.mentorShare,
    share: metrics.mentorShare,
    shareErrorPp: (metrics.mentorShare - expected.mentorShare) * 100,
    truthMonologue: expected.longestMentorMonologueSeconds,
    monologue: metrics.longestMentorMonologueSeconds,
    monologueError: metrics.longestMentorMonologueSeconds - expected.longestMentorMonologueSeconds,
    lastFiveErrorPp: (metrics.lastFiveMinutes.mentorShare - expected.lastFiveMinutes.mentorShare) * 100,
    seconds: scenario.durationSeconds,
  };
}

if (process.argv[1]?.replaceAll('\\', '/').endsWith('eval-talk-rooms.ts')) {
  const args = process.argv.slice(2);
  const writeAt = args.indexOf('--write');
  const writeDir = writeAt >= 0 ? args[writeAt + 1] : undefined;
  const names = args.filter((a, i) => !a.startsWith('--') && (writeAt < 0 || i !== writeAt + 1));
  const builders: Array<[string, () => RoomScenario]> = Object.entries(ROOM_SCENARIOS).filter(
    ([name]) => names.length === 0 || names.includes(name),
  );
  if (args.includes('--long')) {
    builders.push(['session-30-min', () => longSession(30)]);
    builders.push(['session-30-min-voices', () => longVoicesSession(30)]);
  }
  const rows: RoomResult[] = [];
  for (const [, make] of builders) {
    const scenario = make();
    if (writeDir) {
      const dir = join(writeDir, scenario.name);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'mic.wav'), encodeWav([scenario.mic], scenario.sampleRate));
      writeFileSync(join(dir, 'tab.wav'), encodeWav([scenario.tab], scenario.sampleRate));
      writeFileSync(
        join(dir, 'truth.json'),
        JSON.stringify(
          {
            scenario: scenario.name,
            description: scenario.description,
            durationSeconds: scenario.durationSeconds,
            segments: scenario.truth,
          },
          null,
          2,
        ) + '\n',
      );
    }
    const r = evaluateRoom(scenario);
    rows.push(r);
    console.log(
      [
        r.name.padEnd(26),
        `${r.seconds.toFixed(0)} s`.padStart(7),
        `share ${r.truthShare.toFixed(3)} → ${r.share.toFixed(3)}`,
        `error ${r.shareErrorPp >= 0 ? '+' : ''}${r.shareErrorPp.toFixed(1)} pp`.padEnd(16),
        `monologue ${r.truthMonologue.toFixed(1)} → ${r.monologue.toFixed(1)} s (${r.monologueError >= 0 ? '+' : ''}${r.monologueError.toFixed(1)})`,
        r.seconds > 300 ? `last 5 min ${r.lastFiveErrorPp >= 0 ? '+' : ''}${r.lastFiveErrorPp.toFixed(1)} pp` : '',
      ].join('  '),
    );
  }
  const worst = Math.max(...rows.map((r) => Math.abs(r.shareErrorPp)));
  const worstMono = Math.max(...rows.map((r) => Math.abs(r.monologueError)));
  console.log(`worst share error ${worst.toFixed(1)} pp, worst monologue error ${worstMono.toFixed(1)} s`);
}
