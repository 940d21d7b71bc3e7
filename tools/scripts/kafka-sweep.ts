/**
 * Sweeps the 5c kafka node over replication lingers on the official 5c command line (apps/kafka-5c/challenges.json),
 * with 5b once as the baseline, and writes a table of msgs-per-op and operation latencies, so the chosen
 * linger can be seen against the trade-off it makes (fewer messages, slower sends).
 *
 *   node tools/scripts/run-ts.mjs tools/scripts/kafka-sweep.ts [--engine bench|maelstrom] [--lingers 0,3,5]
 *
 * Needs `npx nx run-many -t build -p kafka-5b kafka-5c`. Writes store/sweep/kafka-<engine>.{md,json}.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { challengesFor } from '@glomers/bench';
import { opLatencies } from './op-latency-stats';
import { flag, repoRoot, runTest, type Engine } from './sweep-run';

interface Row {
  readonly label: string;
  readonly valid: unknown;
  readonly allMsgsPerOp: number;
  readonly serversMsgsPerOp: number;
  readonly ops: number;
  readonly medianMs: number;
  readonly p99Ms: number;
  readonly sendMedianMs: number;
  readonly pollMedianMs: number;
}

const args = process.argv.slice(2);
const engine = flag(args, '--engine', 'bench') as Engine;
const lingers = flag(args, '--lingers', '0,1,2,3,4,5,7,10').split(',').map(Number);
const [official] = challengesFor('kafka-5c');

function run(label: string, app: string, env: Record<string, string>): Row {
  const bin = join(repoRoot, `dist/apps/${app}/main.js`);
  const { results, dir } = runTest(engine, ['--bin', bin, ...official.args], env);
  const net = results['net'] as Record<string, Record<string, number>>;
  const latencies = opLatencies(dir);
  const of = (f: string) => latencies.get(f) ?? { count: 0, medianMs: NaN, p99Ms: NaN, maxMs: NaN };
  const row: Row = {
    label,
    valid: results['valid?'],
    allMsgsPerOp: net['all']['msgs-per-op'],
    serversMsgsPerOp: net['servers']['msgs-per-op'],
    ops: of('all').count,
    medianMs: of('all').medianMs,
    p99Ms: of('all').p99Ms,
    sendMedianMs: of('send').medianMs,
    pollMedianMs: of('poll').medianMs,
  };
  console.log(JSON.stringify(row));
  return row;
}

const rows = [run('5b (lin-kv)', 'kafka-5b', {})];
for (const lingerMs of lingers) {
  rows.push(
    run(`5c linger ${lingerMs} ms`, 'kafka-5c', {
      GLOMERS_REPLICATED_LOG_TIMING: JSON.stringify({ lingerMs }),
    }),
  );
}
const baseline = rows[0].allMsgsPerOp;
const ms = (value: number) => value.toFixed(1);
const table = [
  `# kafka sweep: 2 nodes, --rate 1000, --concurrency 2n, 20 s, engine ${engine}`,
  '',
  '| run | valid | msgs/op all | msgs/op servers | 5b ÷ this (all) | ok ops | median ms | p99 ms | send median ms | poll median ms |',
  '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${r.label} | ${String(r.valid)} | ${r.allMsgsPerOp.toFixed(2)} | ${r.serversMsgsPerOp.toFixed(2)} | ` +
      `${(baseline / r.allMsgsPerOp).toFixed(2)} | ${r.ops} | ${ms(r.medianMs)} | ${ms(r.p99Ms)} | ` +
      `${ms(r.sendMedianMs)} | ${ms(r.pollMedianMs)} |`,
  ),
  '',
].join('\n');
const outDir = join(repoRoot, 'store/sweep');
mkdirSync(outDir, { recursive: true });
const base = join(outDir, `kafka-${engine}`);
writeFileSync(`${base}.md`, table);
writeFileSync(`${base}.json`, JSON.stringify(rows, null, 2));
console.log(`\n${table}\nwritten: ${base}.{md,json}`);
