/**
 * Talk-time analysis speed (multiples of real time per core) and accuracy on the committed corpus,
 * against an anchor measured in the same run: a plain pass computing 10 ms RMS frames over the
 * same samples, the least any level-based analysis must do; side by side with Silero VAD run on
 * each channel; and the share of a core the analysis takes in Chromium.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseRecordings } from '../../utils/talk-time/analyse-recordings';
import { talkMetrics } from '../../utils/talk-time/metrics';
import { readWav, type DecodedWav } from '../../utils/talk-time/wav';
import { ROOM_SCENARIOS } from '../talk-corpus/room-scenarios';
import { asWav } from '../eval-talk-rooms';
import { median, table } from './report';
import { resampleLinear } from './resample';
import { createSileroVad, SILERO_MODEL } from './silero';
import { measureInBrowser } from './talk-time-browser';

const CORPUS = 'tests/fixtures/audio';
const RUNS = 7;
const BROWSER_RATE_HZ = 48000;
const SILERO_RATE_HZ = 16000;
const FRAME_SECONDS = 0.01;

interface Scenario {
  name: string;
  mic: DecodedWav;
  tab: DecodedWav;
  truthShare: number;
  seconds: number;
}

function loadCorpus(): Scenario[] {
  return readdirSync(CORPUS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map(({ name }) => {
      const read = (file: string) => readWav(new Uint8Array(readFileSync(join(CORPUS, name, file))));
      const truth = JSON.parse(readFileSync(join(CORPUS, name, 'truth.json'), 'utf8')) as {
        durationSeconds: number;
        segments: Array<{ speaker: 'mentor' | 'mentee'; start: number; end: number }>;
      };
      const truthShare = talkMetrics(
        {
          mentor: truth.segments.filter((s) => s.speaker === 'mentor'),
          mentee: truth.segments.filter((s) => s.speaker === 'mentee'),
        },
        truth.durationSeconds,
      ).mentorShare;
      const mic = read('mic.wav');
      return { name, mic, tab: read('tab.wav'), truthShare, seconds: mic.samples.length / mic.sampleRate };
    });
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
  const atSileroRate = corpus.map((s) => ({
    ...s,
    mic: resampleLinear(s.mic, SILERO_RATE_HZ),
    tab: resampleLinear(s.tab, SILERO_RATE_HZ),
  }));
  const atBrowserRate = corpus.map((s) => ({
    ...s,
    mic: resampleLinear(s.mic, BROWSER_RATE_HZ),
    tab: resampleLinear(s.tab, BROWSER_RATE_HZ),
  }));

  const accuracy = corpus.map((s) => {
    const share = analyseRecordings(s.mic, s.tab).metrics.mentorShare;
    return { name: s.name, truth: s.truthShare, share, errorPp: Math.abs(share - s.truthShare) * 100 };
  });
  const worst = accuracy.reduce((w, a) => (a.errorPp > w.errorPp ? a : w));

  // Silero on each channel alone: the mic's speech is the mentor's, the tab's the mentee's.
  const silero = await createSileroVad();
  const sileroRuns: Array<{ name: string; share: number; errorPp: number; cpu: number }> = [];
  for (const s of corpus) {
    const before = process.cpuUsage();
    const mentor = await silero.segments(s.mic);
    const mentee = await silero.segments(s.tab);
    const used = process.cpuUsage(before);
    const share = talkMetrics({ mentor, mentee }, s.seconds).mentorShare;
    sileroRuns.push({
      name: s.name,
      share,
      errorPp: Math.abs(share - s.truthShare) * 100,
      cpu: (used.user + used.system) / 1e6,
    });
  }
  const sileroWorst = sileroRuns.reduce((w, a) => (a.errorPp > w.errorPp ? a : w));

  // Issue 15's room conditions, built in memory from the seeded synthesiser; Silero beside each.
  const rooms = [];
  for (const make of Object.values(ROOM_SCENARIOS)) {
    const room = make();
    const mic = asWav(room.mic, room.sampleRate);
    const tab = asWav(room.tab, room.sampleRate);
    const truth = talkMetrics(room.truth, room.durationSeconds);
    const found = analyseRecordings(mic, tab).metrics;
    const sileroFound = talkMetrics(
      { mentor: await silero.segments(mic), mentee: await silero.segments(tab) },
      room.durationSeconds,
    );
    rooms.push({
      name: room.name,
      seconds: room.durationSeconds,
      truth: truth.mentorShare,
      share: found.mentorShare,
      errorPp: (found.mentorShare - truth.mentorShare) * 100,
      sileroShare: sileroFound.mentorShare,
      sileroErrorPp: (sileroFound.mentorShare - truth.mentorShare) * 100,
      truthMonologue: truth.longestMentorMonologueSeconds,
      monologue: found.longestMentorMonologueSeconds,
      monologueError: found.longestMentorMonologueSeconds - truth.longestMentorMonologueSeconds,
    });
  }
  const roomWorst = rooms.reduce((w, a) => (Math.abs(a.errorPp) > Math.abs(w.errorPp) ? a : w));
  const roomWorstMonologue = rooms.reduce((w, a) => (Math.abs(a.monologueError) > Math.abs(w.monologueError) ? a : w));
  const signed = (n: number, digits: number) => `${n >= 0 ? '+' : ''}${n.toFixed(digits)}`;
  const sileroSpeed = corpus.reduce((sum, s) => sum + s.seconds, 0) / sileroRuns.reduce((sum, r) => sum + r.cpu, 0);
  const inBrowser = await measureInBrowser();

  const speed = (scenarios: Scenario[]) => ({
    analyser: realTimeMultiple(scenarios, (s) => analyseRecordings(s.mic, s.tab)),
    anchor: realTimeMultiple(scenarios, (s) => rmsPass(s.mic, s.tab)),
  });
  const native = speed(corpus);
  const atSilero = speed(atSileroRate);
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
      "Accuracy: the mentor's share against truth.json (measured on the clean voices before mixing).",
      '',
      `Silero VAD, same run: the model shipped in \`@ricky0123/vad-web\` (\`${SILERO_MODEL.split('/').pop()}\`), run with`,
      'onnxruntime-web (WebAssembly, one thread) on each channel resampled to 16 kHz, 512-sample frames with 64 samples',
      "of context, segments by the defaults of Silero's own speech-timestamp helper (on at 0.5, off below 0.35 for",
      '100 ms, at least 250 ms of speech, 30 ms padding). Silero judges each channel alone: what the mic hears is the',
      'mentor, what the call plays is the mentee; it has no way to tell the mentee leaking into the mic, or a colleague',
      "in the room, from the mentor, which is what the analyser's cross-channel attribution is for. Its speed is one",
      'pass (CPU time of the process, model loading excluded).',
      '',
      table(
        ['input', 'analyser', 'anchor (RMS frames)', 'analyser ÷ anchor', 'Silero VAD'],
        [
          ['corpus at 8 kHz', x(native.analyser), x(native.anchor), (native.analyser / native.anchor).toFixed(3), ''],
          [
            `corpus at ${SILERO_RATE_HZ / 1000} kHz (Silero's rate)`,
            x(atSilero.analyser),
            x(atSilero.anchor),
            (atSilero.analyser / atSilero.anchor).toFixed(3),
            x(sileroSpeed),
          ],
          [
            `corpus at ${BROWSER_RATE_HZ / 1000} kHz`,
            x(browser.analyser),
            x(browser.anchor),
            (browser.analyser / browser.anchor).toFixed(3),
            '',
          ],
        ],
      ),
      '',
      table(
        [
          'scenario',
          'truth share',
          'analyser share',
          'analyser error (points)',
          'Silero share',
          'Silero error (points)',
        ],
        [
          ...accuracy.map((a, i) => [
            a.name,
            a.truth.toFixed(3),
            a.share.toFixed(3),
            a.errorPp.toFixed(1),
            sileroRuns[i]?.share.toFixed(3) ?? '',
            sileroRuns[i]?.errorPp.toFixed(1) ?? '',
          ]),
          [
            '**worst case**',
            '',
            worst.name,
            `**${worst.errorPp.toFixed(1)}**`,
            sileroWorst.name,
            `**${sileroWorst.errorPp.toFixed(1)}**`,
          ],
        ],
      ),
      '',
      `Room conditions (issue 15), same run: ${rooms.length} scenarios built in memory by \`scripts/talk-corpus/room-scenarios.ts\``,
      `(${rooms.reduce((sum, r) => sum + r.seconds, 0).toFixed(0)} s, 8 kHz; voices from a seeded formant synthesiser, which can make a true whisper,`,
      'and, in the `voices-*` and `chatter-languages-*` rows, from the committed clips of `tests/fixtures/voices` (espeak-ng in',
      'eight languages, male and female, 64–235 Hz, and the recorded alsa-utils voice)), truth from the clean tracks',
      'before mixing; errors signed (analyser minus truth). Monologue: the',
      "longest mentor monologue as `talkMetrics` defines it, on the analyser's segments and on the truth's.",
      '`npx tsx scripts/eval-talk-rooms.ts --long` adds the 30-minute session (too long for every bench run).',
      '',
      table(
        [
          'scenario',
          'truth share',
          'analyser share',
          'analyser error (points)',
          'Silero share',
          'Silero error (points)',
          'monologue truth / analyser (s)',
        ],
        [
          ...rooms.map((r) => [
            r.name,
            r.truth.toFixed(3),
            r.share.toFixed(3),
            signed(r.errorPp, 1),
            r.sileroShare.toFixed(3),
            signed(r.sileroErrorPp, 1),
            `${r.truthMonologue.toFixed(1)} / ${r.monologue.toFixed(1)} (${signed(r.monologueError, 1)})`,
          ]),
          [
            '**worst case**',
            '',
            roomWorst.name,
            `**${signed(roomWorst.errorPp, 1)}**`,
            '',
            '',
            `${roomWorstMonologue.name} **${signed(roomWorstMonologue.monologueError, 1)}**`,
          ],
        ],
      ),
      '',
      `In Chromium (headless, same run): the analyser as the offscreen AudioWorklet runs it, fed the \`${inBrowser.scenario}\` scenario`,
      `at ${BROWSER_RATE_HZ / 1000} kHz in 128-sample render quanta with an update every 250 ms, timed with \`performance.now()\` in a`,
      `cross-origin-isolated page, median of 7 rounds after a warm-up: **${inBrowser.analyserPercent.toFixed(2)}% of one core**`,
      `(${inBrowser.audioSeconds.toFixed(1)} s of audio). Anchor, same page: a sum over the same quanta, ${inBrowser.anchorPercent.toFixed(3)}% of a core.`,
      '',
      `Targets from issue 4: worst-case share error at most 3 points — ${worst.errorPp <= 3 ? 'met' : '**missed**'}; at least 200× real time for both`,
      `channels on one core in Node — ${Math.min(native.analyser, browser.analyser) >= 200 ? 'met' : '**missed**'}; in the browser under 1% of a core — ${inBrowser.analyserPercent < 1 ? 'met' : '**missed**'}.`,
      `Targets from issue 15: every room scenario within 2 points — ${Math.abs(roomWorst.errorPp) <= 2 ? 'met' : `**missed** (${roomWorst.name})`}; longest monologue within 2 s —`,
      `${Math.abs(roomWorstMonologue.monologueError) <= 2 ? 'met' : '**missed**'}; at least 500× real time for both channels at 16 kHz in Node — ${atSilero.analyser >= 500 ? 'met' : '**missed**'}.`,
    ].join('\n'),
  };
}

// Run directly (npx tsx scripts/bench/talk-time.ts) to print the section without touching BENCHMARKS.md.
if (process.argv[1]?.replaceAll('\\', '/').endsWith('bench/talk-time.ts')) {
  const section = await benchTalkTime();
  console.log(`## ${section.title}\n\n${section.markdown}`);
}
