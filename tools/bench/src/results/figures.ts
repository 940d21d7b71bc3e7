import type { Validity } from '../lib/history';
import type { Bounds } from '../challenges';
import { at } from './path';

/** The figures a challenge is judged on, read from either engine's results. */
export interface Figures {
  readonly valid: Validity | 'missing';
  readonly serversMsgsPerOp: number | undefined;
  readonly allMsgsPerOp: number | undefined;
  readonly stableLatencyMedianMs: number | undefined;
  readonly stableLatencyMaxMs: number | undefined;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** Takes the figures out of results.json (bench) or parsed results.edn (Maelstrom): same keys in both. */
export function figuresOf(results: unknown): Figures {
  const valid = at(results, 'valid?');
  return {
    valid: valid === true || valid === false || valid === 'unknown' ? valid : 'missing',
    serversMsgsPerOp: num(at(results, 'net', 'servers', 'msgs-per-op')),
    allMsgsPerOp: num(at(results, 'net', 'all', 'msgs-per-op')),
    stableLatencyMedianMs: num(at(results, 'workload', 'stable-latencies', '0.5')),
    stableLatencyMaxMs: num(at(results, 'workload', 'stable-latencies', '1')),
  };
}

/** Describes each bound the figures miss (a missing figure misses its bound). */
export function missedBounds(figures: Figures, bounds: Bounds | undefined): string[] {
  if (!bounds) return [];
  const missed: string[] = [];
  const check = (name: string, value: number | undefined, limit: number | undefined) => {
    if (limit === undefined) return;
    if (value === undefined || !(value < limit))
      missed.push(`${name} ${value ?? 'missing'} is not below ${limit}`);
  };
  check('net.servers.msgs-per-op', figures.serversMsgsPerOp, bounds.serversMsgsPerOp);
  check('stable-latency median (ms)', figures.stableLatencyMedianMs, bounds.stableLatencyMedianMs);
  check('stable-latency max (ms)', figures.stableLatencyMaxMs, bounds.stableLatencyMaxMs);
  return missed;
}
