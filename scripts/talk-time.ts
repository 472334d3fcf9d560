/**
 * npm run --silent talk-time -- --mic MIC.wav --tab TAB.wav [--segments]
 *
 * Analyses a mentor's microphone recording and the call's audio with the same streaming analyser
 * the extension runs, and prints one JSON object: talk seconds, share, monologues, turns, waits,
 * interruptions, per-minute timeline (and the talk segments with --segments). Any sample rate,
 * PCM or float WAV, the two files may differ in rate. Bad arguments or a bad file: one line on
 * stderr, exit code 2.
 */
import { readFileSync } from 'node:fs';
import { analyseRecordings } from '../utils/talk-time/analyse-recordings';
import { WavError } from '../utils/talk-time/errors';
import { readWav, type DecodedWav } from '../utils/talk-time/wav';

const USAGE = 'usage: talk-time --mic MIC.wav --tab TAB.wav [--segments]';

class UsageError extends Error {}

interface Args {
  mic: string;
  tab: string;
  segments: boolean;
}

function parseArgs(argv: string[]): Args {
  const values: Partial<Record<'mic' | 'tab', string>> = {};
  let segments = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--segments') {
      segments = true;
      continue;
    }
    const match = /^--(mic|tab)(?:=(.*))?$/.exec(arg);
    if (!match) throw new UsageError(`unknown argument "${arg}"; ${USAGE}`);
    const key = match[1] as 'mic' | 'tab';
    const value = match[2] ?? argv[(i += 1)];
    if (!value) throw new UsageError(`--${key} needs a file; ${USAGE}`);
    values[key] = value;
  }
  if (!values.mic || !values.tab) throw new UsageError(USAGE);
  return { mic: values.mic, tab: values.tab, segments };
}

function load(role: 'mic' | 'tab', path: string): DecodedWav {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(`cannot read ${role} file ${path} (${code})`);
  }
  try {
    return readWav(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    if (error instanceof WavError) throw new UsageError(`${role} file ${path}: ${error.message}`);
    throw error;
  }
}

/** Three decimals are plenty for seconds and shares, and keep the JSON readable. */
function rounded(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1000) / 1000 : value;
}

try {
  const args = parseArgs(process.argv.slice(2));
  const report = analyseRecordings(load('mic', args.mic), load('tab', args.tab));
  const output = args.segments ? { ...report.metrics, segments: report.segments } : report.metrics;
  process.stdout.write(`${JSON.stringify(output, rounded)}\n`);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`talk-time: ${message.replace(/\s+/g, ' ')}`);
  process.exit(2);
}
