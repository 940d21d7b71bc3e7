/**
 * Prints the operation latencies of a finished run (either engine): median, p99 and max per operation and overall.
 *
 *   node tools/scripts/run-ts.mjs tools/scripts/op-latencies.ts <run folder with history.jsonl or history.edn>
 */
import { opLatencies } from './op-latency-stats';

const dir = process.argv[2];
if (!dir) throw new Error('usage: op-latencies.ts <run folder>');
console.log('op        count   median ms   p99 ms   max ms');
for (const [f, { count, medianMs, p99Ms, maxMs }] of opLatencies(dir)) {
  const row = [medianMs, p99Ms, maxMs].map((v) => v.toFixed(1).padStart(8));
  console.log(`${f.padEnd(8)} ${String(count).padStart(6)}  ${row.join('  ')}`);
}
