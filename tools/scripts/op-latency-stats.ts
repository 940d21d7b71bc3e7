/**
 * Operation latencies of a finished run folder, from either engine's history (history.jsonl or history.edn); the
 * figures themselves are the bench's (tools/bench/src/results/op-latency.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { opLatencies as latenciesOf, readEdn, type LatencyEvent, type LatencyStats } from '@glomers/bench';

export type { LatencyStats };

function events(dir: string): LatencyEvent[] {
  const jsonl = join(dir, 'history.jsonl');
  if (existsSync(jsonl)) return lines(jsonl).map((line) => JSON.parse(line) as LatencyEvent);
  return lines(join(dir, 'history.edn')).map((line) => readEdn(line) as LatencyEvent);
}

function lines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
}

/** Latency figures per operation name, plus `all`, of the run in `dir`. */
export function opLatencies(dir: string): Map<string, LatencyStats> {
  return latenciesOf(events(dir));
}
