import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { findChromium } from '../chromium';

export interface BenchSection {
  /** Stable id: the section's markers in BENCHMARKS.md. */
  id: string;
  title: string;
  markdown: string;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export function table(header: string[], rows: Array<Array<string | number>>): string {
  const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** nproc, CPU, Node and Chromium versions: printed with every run. */
export function machineLine(): string {
  const chromium = findChromium();
  let chromiumVersion = 'not found';
  if (chromium) {
    try {
      chromiumVersion = execFileSync(chromium, ['--version']).toString().trim();
    } catch {
      chromiumVersion = 'unknown';
    }
  }
  return `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, ${chromiumVersion}`;
}

/** Replaces each section between its markers in BENCHMARKS.md, appending sections that are new. */
export function writeSections(file: string, sections: BenchSection[], runLine: string): void {
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  for (const section of sections) {
    const start = `<!-- bench:${section.id} -->`;
    const end = `<!-- /bench:${section.id} -->`;
    const block = `${start}\n## ${section.title}\n\n${runLine}\n\n${section.markdown.trim()}\n${end}`;
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    text =
      from >= 0 && to > from
        ? text.slice(0, from) + block + text.slice(to + end.length)
        : `${text.trimEnd()}\n\n${block}\n`;
  }
  writeFileSync(file, text.endsWith('\n') ? text : `${text}\n`);
}
