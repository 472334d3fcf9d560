/**
 * Talk-time analysis speed (multiples of real time per core) and accuracy on the committed corpus,
 * against an anchor measured in the same run: a plain pass computing 10 ms RMS frames over the
 * same samples, the least any level-based analysis must do.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseRecordings } from '../../utils/talk-time/analyse-recordings';
import { talkMetrics } from '../../utils/talk-time/metrics';
import { readWav, type DecodedWav } from '../../utils/talk-time/wav';
import { median, table } from './report';

const CORPUS = 'tests/fixtures/audio';
const RUNS = 7;
const BROWSER_RATE_HZ = 48000;
const FRAME_SECONDS = 0.01;

interface Scenario { name: string; mic: DecodedWav; tab: DecodedWav; truthShare: number; seconds: number }

function loadCorpus(): Scenario[] {
  return readdirSync(CORPUS, { withFileTypes: true }).filter((d) => d.isDirectory()).map(({ name }) => {
    const read = (file: string) => readWav(new Uint8Array(readFileSync(join(CORPUS, name, file))));
    const truth = JSON.parse(readFileSync(join(CORPUS, name, 'truth.json'), 'utf8')) as {
      durationSeconds: number;
      segments: Array<{ speaker: 'mentor' | 'mentee'; start: number; end: number }>;
    };
    const truthShare = talkMetrics({
      mentor: truth.segments.filter((s) => s.speaker === 'mentor'),
      mentee: truth.segments.filter((s) => s.speaker === 'mentee'),
    }, truth.durationSeconds).mentorShare;
    const mic = read('mic.wav');
    return { name, mic, tab: read('tab.wav'), truthShare, seconds: mic.samples.length / mic.sampleRate };
  });
}

/** The same audio at the rate a browser's AudioContext usually runs (linear interpolation). */
function upsample(wav: DecodedWav, rate: number): DecodedWav {
  const length = Math.floor((wav.samples.length * rate) / wav.sampleRate);
  const samples = new Float32Array(length);
  for (let i = 0; i < length; i += 1) {
    const x = (i * wav.sampleRate) / rate;
    const j = Math.floor(x);
    const a = wav.samples[j] ?? 0;
    samples[i] = a + ((wav.samples[j + 1] ?? a) - a) * (x - j);
  }
  return { ...wav, sampleRate: rate, samples };
}

/** The anchor: 10 ms RMS frames of both channels, nothing else. */
function rmsPass(mic: DecodedWav, tab: DecodedWav): number {
  let checksum = 0;
  for (const wav of [mic, tab]) {
    const frame = Math.round(wav.sampleRate * FRAME_SECONDS);
    for (let start = 0; start + frame <= wav.samples.length; start += frame) {
      let sum = 0;
      for (let i = start; i < start + frame; i += 1) sum += (wav.samples[i] ?? 0) ** 2;
      checksum += Math.sqrt(sum / frame);
    }
  }
  return checksum;
}

function cpuSeconds(work: () => unknown): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

/** Audio seconds per CPU second, median of RUNS passes over the whole corpus. */
function realTimeMultiple(scenarios: Scenario[], work: (s: Scenario) => unknown): number {
  const audio = scenarios.reduce((sum, s) => sum + s.seconds, 0);
  work(scenarios[0] as Scenario); // warm the JIT before timing
  const runs = Array.from({ length: RUNS }, () => audio / cpuSeconds(() => scenarios.forEach(work)));
  return median(runs);
}

export async function benchTalkTime(): Promise<{ id: string; title: string; markdown: string }> {
  const corpus = loadCorpus();
  const atBrowserRate = corpus.map((s) => ({ ...s, mic: upsample(s.mic, BROWSER_RATE_HZ), tab: upsample(s.tab, BROWSER_RATE_HZ) }));

  const accuracy = corpus.map((s) => {
    const share = analyseRecordings(s.mic, s.tab).metrics.mentorShare;
    return { name: s.name, truth: s.truthShare, share, errorPp: Math.abs(share - s.truthShare) * 100 };
  });
  const worst = accuracy.reduce((w, a) => (a.errorPp > w.errorPp ? a : w));

  const speed = (scenarios: Scenario[]) => ({
    analyser: realTimeMultiple(scenarios, (s) => analyseRecordings(s.mic, s.tab)),
    anchor: realTimeMultiple(scenarios, (s) => rmsPass(s.mic, s.tab)),
  });
  const native = speed(corpus);
  const browser = speed(atBrowserRate);
  const audioSeconds = corpus.reduce((sum, s) => sum + s.seconds, 0);
  const x = (n: number) => `${Math.round(n)}×`;

  return {
    id: 'talk-time',
    title: 'Talk-time analysis',
    markdown: [
      `Method: the committed corpus (\`${CORPUS}\`, ${corpus.length} scenarios, ${audioSeconds.toFixed(0)} s of two-channel audio)`,
      'run through `analyseRecordings` (the streaming analyser the extension uses, fed 100 ms blocks), once as',
      `committed (8 kHz) and once upsampled to ${BROWSER_RATE_HZ / 1000} kHz, the usual AudioContext rate. Speed is seconds of audio`,
      `(both channels together) per second of process CPU time, median of ${RUNS} passes over the corpus after a warm-up,`,
      'on one thread. Anchor, same run, same samples: a plain pass computing 10 ms RMS frames of both channels.',
      'Accuracy: the mentor\'s share against truth.json (measured on the clean voices before mixing).',
      '',
      table(['input', 'analyser', 'anchor (RMS frames)', 'analyser ÷ anchor'], [
        ['corpus at 8 kHz', x(native.analyser), x(native.anchor), (native.analyser / native.anchor).toFixed(3)],
        [`corpus at ${BROWSER_RATE_HZ / 1000} kHz`, x(browser.analyser), x(browser.anchor), (browser.analyser / browser.anchor).toFixed(3)],
      ]),
      '',
      table(['scenario', 'truth share', 'measured share', 'error (points)'], [
        ...accuracy.map((a) => [a.name, a.truth.toFixed(3), a.share.toFixed(3), a.errorPp.toFixed(1)]),
        [`**worst case** (${worst.name})`, '', '', `**${worst.errorPp.toFixed(1)}**`],
      ]),
      '',
      'Target from issue 4: worst-case share error at most 3 points; at least 200× real time for both channels on one core.',
      'Not yet measured here: the Silero VAD comparison and the in-browser CPU share.',
    ].join('\n'),
  };
}

// Run directly (npx tsx scripts/bench/talk-time.ts) to print the section without touching BENCHMARKS.md.
if (process.argv[1]?.replaceAll('\\', '/').endsWith('bench/talk-time.ts')) {
  const section = await benchTalkTime();
  console.log(`## ${section.title}\n\n${section.markdown}`);
}
