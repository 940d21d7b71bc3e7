/**
 * Operation latency (completion − invocation) of a finished run, from either engine's history: median, p99 and max
 * per operation and overall (`all`), for ok completions. Maelstrom only plots these; the notes need the numbers.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readEdn } from '../bench/src/results/edn-reader';

interface Event {
  readonly process: unknown;
  readonly type: string;
  readonly f: string;
  readonly time: number;
}

export interface LatencyStats {
  readonly count: number;
  readonly medianMs: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

function events(dir: string): Event[] {
  const jsonl = join(dir, 'history.jsonl');
  if (existsSync(jsonl)) return lines(jsonl).map((line) => JSON.parse(line) as Event);
  return lines(join(dir, 'history.edn')).map((line) => readEdn(line) as Event);
}

function lines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
}

const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];

/** Latency figures per operation name, plus `all`, of the run in `dir` (history.jsonl or history.edn). */
export function opLatencies(dir: string): Map<string, LatencyStats> {
  const open = new Map<unknown, Event>();
  const byF = new Map<string, number[]>([['all', []]]);
  for (const event of events(dir)) {
    if (event.process === 'nemesis') continue;
    if (event.type === 'invoke') {
      open.set(event.process, event);
      continue;
    }
    const invoke = open.get(event.process);
    open.delete(event.process);
    if (!invoke || event.type !== 'ok') continue;
    const ms = (event.time - invoke.time) / 1e6;
    for (const f of [event.f, 'all']) {
      const values = byF.get(f);
      if (values) values.push(ms);
      else byF.set(f, [ms]);
    }
  }
  const stats = new Map<string, LatencyStats>();
  for (const [f, values] of [...byF].sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = [...values].sort((a, b) => a - b);
    stats.set(f, {
      count: sorted.length,
      medianMs: quantile(sorted, 0.5),
      p99Ms: quantile(sorted, 0.99),
      maxMs: sorted[sorted.length - 1],
    });
  }
  return stats;
}
