/**
 * Operation latency (completion − invocation) of a finished run, from either engine's history: median, p99 and max
 * per operation and overall, for ok completions. Maelstrom only plots these; the notes need the numbers.
 *
 *   node tools/scripts/run-ts.mjs tools/scripts/op-latencies.ts <run folder with history.jsonl or history.edn>
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

const dir = process.argv[2];
if (!dir) throw new Error('usage: op-latencies.ts <run folder>');
const open = new Map<unknown, Event>();
const byF = new Map<string, number[]>();
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
  byF.set(event.f, [...(byF.get(event.f) ?? []), ms]).set('all', [...(byF.get('all') ?? []), ms]);
}
console.log('op        count   median ms   p99 ms   max ms');
for (const [f, values] of [...byF].sort(([a], [b]) => a.localeCompare(b))) {
  const sorted = [...values].sort((a, b) => a - b);
  const row = [quantile(sorted, 0.5), quantile(sorted, 0.99), sorted[sorted.length - 1]].map((v) =>
    v.toFixed(1).padStart(8),
  );
  console.log(`${f.padEnd(8)} ${String(sorted.length).padStart(6)}  ${row.join('  ')}`);
}
