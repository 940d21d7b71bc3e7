import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHALLENGES } from '../challenges';
import { repoRoot, type SummaryRow } from './challenge-command';
import type { CommandIo } from './test-command';

const fmt = (n: number | null, digits = 2) =>
  n === null ? '-' : Number.isInteger(n) ? String(n) : n.toFixed(digits);

/** `glomers-bench summary`: the latest result of every challenge on every engine, as one table. */
export async function summaryCommand(_argv: readonly string[], io: CommandIo): Promise<number> {
  const file = join(repoRoot(io.cwd), 'store', 'summary', 'summary.jsonl');
  if (!existsSync(file)) {
    io.out('No challenge results yet (run `glomers-bench challenge <app>`).');
    return 0;
  }
  const latest = new Map<string, SummaryRow>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as SummaryRow;
    latest.set(`${row.challenge}\u0000${row.engine}`, row);
  }
  const order = CHALLENGES.map((c) => c.challenge);
  const rows = [...latest.values()].sort(
    (a, b) => order.indexOf(a.challenge) - order.indexOf(b.challenge) || a.engine.localeCompare(b.engine),
  );
  const table = [
    [
      'challenge',
      'engine',
      'seed',
      'verdict',
      'msgs-per-op (servers)',
      'latency median/max (ms)',
      'wall time (s)',
    ],
    ...rows.map((r) => [
      r.challenge,
      r.engine,
      r.seed === null || r.seed === undefined ? '-' : String(r.seed),
      r['missed-bounds'].length > 0 ? `${r.verdict}, missed bounds` : r.verdict,
      fmt(r['servers-msgs-per-op']),
      r['stable-latency-median-ms'] === null
        ? '-'
        : `${fmt(r['stable-latency-median-ms'])}/${fmt(r['stable-latency-max-ms'])}`,
      fmt(r['wall-time-s'], 1),
    ]),
  ];
  const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
  for (const [i, r] of table.entries()) {
    io.out(
      r
        .map((cell, j) => cell.padEnd(widths[j]))
        .join('  ')
        .trimEnd(),
    );
    if (i === 0) io.out(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  return rows.some((r) => r.verdict !== 'true' || r['missed-bounds'].length > 0) ? 1 : 0;
}
