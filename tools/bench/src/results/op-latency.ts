/** One history event, as either engine records it (history.jsonl, or history.edn read as EDN). */
export interface LatencyEvent {
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

const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];

/**
 * Operation latency (completion − invocation) of `ok` client ops: median, p99 and max per operation name, plus
 * `all`. Maelstrom only plots these; sweeps and notes need the numbers.
 */
export function opLatencies(events: Iterable<LatencyEvent>): Map<string, LatencyStats> {
  const open = new Map<unknown, LatencyEvent>();
  const byF = new Map<string, number[]>([['all', []]]);
  for (const event of events) {
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
    if (values.length === 0) continue;
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
