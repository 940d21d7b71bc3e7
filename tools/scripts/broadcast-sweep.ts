/**
 * Sweeps the 3e broadcast node over batching intervals and overlays at 25 nodes, 100 ms links, rate 100 (the 3e
 * command line), on the bench (default) or the real Maelstrom, and writes a table and an SVG plot of msgs-per-op
 * (servers) against stable-latency median and max, so the chosen preset can be seen to be the best trade-off.
 *
 *   node tools/scripts/run-ts.mjs tools/scripts/broadcast-sweep.ts [--engine bench|maelstrom] [--nodes 25] [--quick]
 *
 * Needs `npx nx build broadcast-3e`. Writes store/sweep/broadcast-<nodes>.{md,svg,json}.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { flag as flagOf, repoRoot as root, runTest, type Engine } from './sweep-run';

interface Point {
  readonly label: string;
  readonly options: Record<string, unknown>;
  readonly valid: unknown;
  readonly serversMsgsPerOp: number;
  readonly allMsgsPerOp: number;
  readonly medianMs: number;
  readonly maxMs: number;
}

const args = process.argv.slice(2);
const engine = flagOf(args, '--engine', 'bench') as Engine;
const nodes = Number(flagOf(args, '--nodes', '25'));
const bin = join(root, 'dist/apps/broadcast-3e/main.js');
const outDir = join(root, 'store/sweep');

const intervals = args.includes('--quick') ? [100, 450] : [50, 100, 200, 300, 450, 600, 800];
const configs: Array<[string, Record<string, unknown>]> = [
  ...intervals.map((ms): [string, Record<string, unknown>] => [
    `star ${ms} ms`,
    { overlay: 'star', flushIntervalMs: ms },
  ]),
  ['tree4 450 ms', { overlay: 'tree', fanout: 4, flushIntervalMs: 450 }],
  ['given grid 450 ms', { overlay: 'given', flushIntervalMs: 450 }],
];

function runOnce(options: Record<string, unknown>): Record<string, unknown> {
  const testArgs = ['-w', 'broadcast', '--bin', bin, '--node-count', String(nodes), '--time-limit', '20'];
  testArgs.push('--rate', '100', '--latency', '100');
  return runTest(engine, testArgs, { GLOMERS_BROADCAST_OPTIONS: JSON.stringify(options) }).results;
}

function figures(label: string, options: Record<string, unknown>, results: Record<string, unknown>): Point {
  const net = results['net'] as Record<string, Record<string, number>>;
  const latencies = (results['workload'] as Record<string, Record<string, number>>)['stable-latencies'];
  return {
    label,
    options,
    valid: results['valid?'],
    serversMsgsPerOp: net['servers']['msgs-per-op'],
    allMsgsPerOp: net['all']['msgs-per-op'],
    medianMs: latencies['0.5'],
    maxMs: latencies['1'],
  };
}

function svg(points: readonly Point[]): string {
  const width = 640;
  const height = 400;
  const pad = 50;
  const maxX = Math.max(...points.map((p) => p.maxMs), 2000);
  const maxY = Math.max(...points.map((p) => p.serversMsgsPerOp), 4) * 1.1;
  const x = (ms: number) => pad + (ms / maxX) * (width - 2 * pad);
  const y = (m: number) => height - pad - (m / maxY) * (height - 2 * pad);
  const marks = points.map(
    (p) =>
      `<line x1="${x(p.medianMs)}" y1="${y(p.serversMsgsPerOp)}" x2="${x(p.maxMs)}" y2="${y(p.serversMsgsPerOp)}" stroke="#bbb"/>` +
      `<circle cx="${x(p.medianMs)}" cy="${y(p.serversMsgsPerOp)}" r="4" fill="${p.valid === true ? '#2a6' : '#c33'}"/>` +
      `<text x="${x(p.medianMs) + 6}" y="${y(p.serversMsgsPerOp) - 6}" font-size="11">${p.label}</text>`,
  );
  const bound = `<line x1="${x(1000)}" y1="${pad}" x2="${x(1000)}" y2="${height - pad}" stroke="#e90" stroke-dasharray="4"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">
<rect width="100%" height="100%" fill="white"/>
<line x1="${pad}" y1="${height - pad}" x2="${width - pad}" y2="${height - pad}" stroke="black"/>
<line x1="${pad}" y1="${pad}" x2="${pad}" y2="${height - pad}" stroke="black"/>
<text x="${width / 2}" y="${height - 12}" text-anchor="middle" font-size="12">stable latency (ms): dot = median, grey line to max; dashed = 3e median bound</text>
<text x="14" y="${height / 2}" transform="rotate(-90 14 ${height / 2})" text-anchor="middle" font-size="12">servers msgs-per-op</text>
${bound}
${marks.join('\n')}
</svg>
`;
}

const points: Point[] = [];
for (const [label, options] of configs) {
  const point = figures(label, options, runOnce(options));
  points.push(point);
  console.log(
    `${label.padEnd(18)} valid=${String(point.valid).padEnd(5)} servers=${point.serversMsgsPerOp.toFixed(2)} ` +
      `all=${point.allMsgsPerOp.toFixed(2)} median=${point.medianMs} ms max=${point.maxMs} ms`,
  );
}
mkdirSync(outDir, { recursive: true });
const table = [
  `# broadcast sweep: ${nodes} nodes, --latency 100, --rate 100, 20 s, engine ${engine}`,
  '',
  '| config | valid | servers msgs/op | all msgs/op | median ms | max ms |',
  '|---|---|---:|---:|---:|---:|',
  ...points.map(
    (p) =>
      `| ${p.label} | ${String(p.valid)} | ${p.serversMsgsPerOp.toFixed(2)} | ${p.allMsgsPerOp.toFixed(2)} | ${p.medianMs} | ${p.maxMs} |`,
  ),
  '',
].join('\n');
const base = join(outDir, `broadcast-${nodes}-${engine}`);
writeFileSync(`${base}.md`, table);
writeFileSync(`${base}.svg`, svg(points));
writeFileSync(`${base}.json`, JSON.stringify(points, null, 2));
console.log(`\n${table}\nwritten: ${base}.{md,svg,json}`);
