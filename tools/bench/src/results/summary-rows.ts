import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One line of store/summary/summary.jsonl: a challenge row's outcome on one engine. */
export interface SummaryRow {
  readonly challenge: string;
  readonly app: string;
  /** 'bench' (process engine), 'maelstrom', or another engine's name (e.g. 'sim'). */
  readonly engine: string;
  /** The run's seed, when the engine takes one (Maelstrom does not). */
  readonly seed?: number | null;
  readonly verdict: string;
  readonly 'missed-bounds': readonly string[];
  readonly 'servers-msgs-per-op': number | null;
  readonly 'all-msgs-per-op': number | null;
  readonly 'stable-latency-median-ms': number | null;
  readonly 'stable-latency-max-ms': number | null;
  readonly 'wall-time-s': number;
  readonly 'exit-code': number;
  readonly results: string | null;
  readonly date: string;
  /** The run's store folder and its report.html (absolute), when the run got that far. */
  readonly run?: string | null;
  readonly report?: string | null;
  /** One line per failing check (report/explain), for the closing table. */
  readonly failures?: readonly string[];
  /** The `nx run-many` invocation the row belongs to (GLOMERS_SUITE, set by the suite plugin). */
  readonly suite?: string | null;
  /**
   * Set on a row of a task Nx answered from its cache: the run happened elsewhere (an earlier clone, another
   * machine sharing the cache) and this store got the row back with the task's output.
   */
  readonly cached?: boolean;
}

export function summaryFile(root: string): string {
  return join(root, 'store', 'summary', 'summary.jsonl');
}

export function appendSummaryRow(root: string, row: SummaryRow): void {
  const file = summaryFile(root);
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, JSON.stringify(row) + '\n');
}

const rowKey = (row: SummaryRow) => `${row.challenge}\u0000${row.engine}\u0000${row.date}`;

/**
 * Appends, marked cached, the replayed rows this store has not recorded (`recorded`: summary.jsonl as the caller
 * read it; a run in this store has them already), so summary.jsonl, and `ci-summary` reading it, holds every row a
 * suite showed.
 */
export function recordCachedRows(
  root: string,
  rows: readonly SummaryRow[],
  recorded: readonly SummaryRow[],
): void {
  const known = new Set(recorded.map(rowKey));
  for (const row of rows) if (!known.has(rowKey(row))) appendSummaryRow(root, { ...row, cached: true });
}

/** Every row ever appended, oldest first. */
export function readSummaryRows(root: string): SummaryRow[] {
  return readRows(summaryFile(root));
}

/**
 * store/summary/last/<app>.jsonl: the rows of the app's latest `challenge` run, replaced by each run. It is the
 * `maelstrom` target's output, so when Nx answers the task from its cache it restores the rows of the run it
 * replays, and the summary shows them (`--cached`).
 */
export function lastRowsFile(root: string, app: string): string {
  return join(root, 'store', 'summary', 'last', `${app}.jsonl`);
}

export function writeLastRows(root: string, app: string, rows: readonly SummaryRow[]): void {
  const file = lastRowsFile(root, app);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, rows.map((row) => JSON.stringify(row) + '\n').join(''));
}

/** The app's latest run's rows (none when it has not run here). */
export function readLastRows(root: string, app: string): SummaryRow[] {
  return readRows(lastRowsFile(root, app));
}

function readRows(file: string): SummaryRow[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SummaryRow);
}

/** A row passes when its verdict is true and it missed no bound. */
export function rowPassed(row: SummaryRow): boolean {
  return row.verdict === 'true' && row['missed-bounds'].length === 0;
}
