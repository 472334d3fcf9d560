import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { launchIsolated } from './isolated-browser';
import { readWav } from '../../utils/talk-time/wav';
import { resampleLinear } from './resample';
import { median } from './report';

const RATE = 48_000;
const ROUNDS = 7;
const ORIGIN = 'https://attune.invalid/';

export interface BrowserTalkTime {
  scenario: string;
  audioSeconds: number;
  /** Percent of one core: processing time ÷ audio time, medians of the rounds. */
  analyserPercent: number;
  anchorPercent: number;
}

const base64 = (samples: Float32Array) =>
  Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength).toString('base64');

/** The AudioWorklet's analysis in headless Chromium, on one scenario of the corpus at 48 kHz. */
export async function measureInBrowser(scenario = 'headphones'): Promise<BrowserTalkTime> {
  const script =
    (
      await build({
        entryPoints: [resolve('scripts/bench/talk-time-page.ts')],
        bundle: true,
        format: 'iife',
        target: 'chrome120',
        write: false,
        minify: true,
      })
    ).outputFiles[0]?.text ?? '';
  const read = (file: string) =>
    resampleLinear(readWav(new Uint8Array(readFileSync(`tests/fixtures/audio/${scenario}/${file}`))), RATE).samples;
  const { browser, context } = await launchIsolated(ORIGIN, () => '<!doctype html><title>talk-time bench</title>');
  try {
    const page = await context.newPage();
    await page.goto(ORIGIN);
    await page.addScriptTag({ content: script });
    const result = await page.evaluate(
      ([mic, tab, rate, rounds]) =>
        (
          globalThis as unknown as {
            talkTimeBench(
              m: string,
              t: string,
              r: number,
              n: number,
            ): { seconds: number; analyser: number[]; anchor: number[] };
          }
        ).talkTimeBench(mic, tab, rate, rounds),
      [base64(read('mic.wav')), base64(read('tab.wav')), RATE, ROUNDS] as const,
    );
    const percent = (ms: number[]) => (median(ms) / 1000 / result.seconds) * 100;
    return {
      scenario,
      audioSeconds: result.seconds,
      analyserPercent: percent(result.analyser),
      anchorPercent: percent(result.anchor),
    };
  } finally {
    await browser.close();
  }
}
