import type { Bounds } from '../challenges';
import { rowPassed, type SummaryRow } from './summary-rows';

/** A challenge app whose task ended without a row (its build failed, or the bench itself broke). */
export interface MissingRow {
  readonly app: string;
  readonly status: string;
}

const fmt = (n: number | null | undefined, digits = 2) =>
  n === null || n === undefined ? '-' : Number.isInteger(n) ? String(n) : n.toFixed(digits);

/** "3.40 (< 30)", "31.20 ✗ (< 30)", or the value alone when the challenge sets no bound. */
function against(value: string, bound: string | undefined, missed: boolean): string {
  if (bound === undefined) return value;
  return `${value}${missed ? ' ✗' : ''} (< ${bound})`;
}

/** The cells of one row: figures next to the challenge's bounds, a missed bound marked. */
export function rowCells(row: SummaryRow, bounds: Bounds | undefined): string[] {
  const missed = (name: string) => row['missed-bounds'].some((m) => m.startsWith(name));
  const latencyBound =
    bounds?.stableLatencyMedianMs !== undefined
      ? `${bounds.stableLatencyMedianMs}/${bounds.stableLatencyMaxMs ?? '-'}`
      : undefined;
  const latency =
    row['stable-latency-median-ms'] === null
      ? '-'
      : against(
          `${fmt(row['stable-latency-median-ms'])}/${fmt(row['stable-latency-max-ms'])}`,
          latencyBound,
          missed('stable-latency'),
        );
  return [
    rowPassed(row) ? '' : '✗',
    row.challenge,
    row.cached ? `${row.engine} (cached)` : row.engine,
    row.seed === null || row.seed === undefined ? '-' : String(row.seed),
    verdictCell(row),
    against(
      fmt(row['servers-msgs-per-op']),
      bounds?.serversMsgsPerOp === undefined ? undefined : String(bounds.serversMsgsPerOp),
      missed('net.servers.msgs-per-op'),
    ),
    latency,
    fmt(row['wall-time-s'], 1),
  ];
}

export function verdictCell(row: SummaryRow): string {
  const verdict = row.verdict === 'true' ? 'valid' : row.verdict === 'false' ? 'INVALID' : row.verdict;
  return row['missed-bounds'].length > 0 ? `${verdict}, missed bounds` : verdict;
}

export const TABLE_HEADER = [
  '',
  'challenge',
  'engine',
  'seed',
  'verdict',
  'msgs-per-op (servers)',
  'latency median/max (ms)',
  'wall time (s)',
];

/** Lines of a plain-text table, columns padded, a rule under the header. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => [...r[i]].length)));
  const line = (r: readonly string[]) =>
    r
      .map((cell, j) => cell + ' '.repeat(widths[j] - [...cell].length))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

/** "2 of 17 rows failed", "All 17 rows passed", "The one row passed". */
export function suiteVerdict(failed: number, total: number): string {
  if (failed > 0) return `${failed} of ${total} rows failed`;
  return total === 1 ? 'The one row passed' : `All ${total} rows passed`;
}
