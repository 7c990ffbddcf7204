import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

const resultsPath = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
const header = [
  '# Benchmark results',
  '',
  'Newest first. Written by `npm run bench` (bench/*.bench.ts); it never fails CI and tests never assert times.',
  '',
  'How to read this: each section is one run, headed by its date and machine. Absolute times on this shared 2-core machine are noisy (some sections record the load average); the figures to trust are the ratios, measured against a baseline in the same run, interleaved so both see the same load. Median and p95 are given as "median / p95". The goal column is what the issue asks for; a ratio below 1 is faster than the baseline.',
  '',
  '',
].join('\n');

/** "AMD EPYC, 2 cores, 24 GiB, linux …, Node v20…" */
export function machine(extra = ''): string {
  const cpu = cpus();
  return `${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ${platform()} ${release()}, Node ${process.version}${extra}`;
}

/** Adds one run's section, headed by date and machine, at the top of bench/RESULTS.md. */
export function recordResults(title: string, machineLine: string, body: string): string {
  const section = `## ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${title}\n\n${machineLine}\n\n${body.trim()}\n`;
  let previous = '';
  try {
    previous = readFileSync(resultsPath, 'utf8');
  } catch {
    // first run
  }
  const rest = previous.startsWith('# Benchmark results') ? previous.slice(previous.indexOf('\n## ') + 1) : previous;
  writeFileSync(resultsPath, `${header}${section}\n${rest.startsWith('## ') ? rest : ''}`);
  return section;
}

export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

export const ms = (value: number) => (value < 1 ? `${value.toFixed(2)} ms` : `${value.toFixed(1)} ms`);
