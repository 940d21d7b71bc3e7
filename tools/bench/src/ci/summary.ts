import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { challengesFor } from '../challenges';
import type { CiMatrix } from './matrix';
import { replayCommand } from '../cli/test-command';
import type { SeedOutcome } from '../sweep/sweep-task';
import { spreadOf } from '../results/spread';
import { rowPassed, type SummaryRow } from '../results/summary-rows';
import { rowCells, suiteVerdict, TABLE_HEADER, verdictCell } from '../results/summary-table';

/** One nemesis row's sweep, gathered from all its shards: the newest outcome of every seed. */
export interface SweepRow {
  readonly app: string;
  readonly row: string;
  readonly outcomes: readonly SeedOutcome[];
  /** Seeds the matrix asked for that left no outcome (their shard failed before writing, or never ran). */
  readonly missingSeeds: readonly number[];
}

/** A challenge row the matrix expected on Maelstrom that left no summary row. */
export interface MissingChallenge {
  readonly app: string;
  readonly challenge: string;
}

export interface CiResults {
  readonly rows: readonly SummaryRow[];
  readonly sweeps: readonly SweepRow[];
  readonly missing: readonly MissingChallenge[];
}

/** Every file under `dir` (symbolic links skipped: the store's `latest` links would count runs twice). */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const files: string[] = [];
  const visit = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile()) files.push(full);
    }
  };
  if (!lstatSync(dir).isSymbolicLink()) visit(dir);
  return files;
}

function jsonLines<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

const byName = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/**
 * Gathers what CI jobs left under `dir` (downloaded artifacts, or one store/): every challenge row's newest result
 * per engine (`summary/summary.jsonl`) and every swept seed's newest outcome per row (`<app>/<run>/outcomes.jsonl`,
 * as a sweep writes it under store/sweeps/). With the matrix the jobs ran, also what it asked for and did not get.
 */
export function gatherCiResults(dir: string, matrix?: CiMatrix): CiResults {
  const files = filesUnder(dir);
  const latest = new Map<string, SummaryRow>();
  const rows = files
    .filter((f) => basename(f) === 'summary.jsonl' && basename(dirname(f)) === 'summary')
    .flatMap((f) => jsonLines<SummaryRow>(f))
    .sort((a, b) => a.date.localeCompare(b.date));
  for (const row of rows) latest.set(`${row.challenge}\u0000${row.engine}`, row);

  const sweeps = new Map<string, { app: string; seeds: Map<number, SeedOutcome> }>();
  const runs = files
    .filter((f) => basename(f) === 'outcomes.jsonl')
    .sort((a, b) => byName(basename(dirname(a)), basename(dirname(b))));
  for (const file of runs) {
    const app = basename(dirname(dirname(file)));
    for (const outcome of jsonLines<SeedOutcome>(file)) {
      const sweep = sweeps.get(outcome.row) ?? { app, seeds: new Map<number, SeedOutcome>() };
      sweep.seeds.set(outcome.seed, outcome);
      sweeps.set(outcome.row, sweep);
    }
  }
  const expectedSeeds = new Map<string, { app: string; seeds: number[] }>();
  for (const shard of matrix?.sweep.include ?? []) {
    const entry = expectedSeeds.get(shard.row) ?? { app: shard.app, seeds: [] };
    for (let seed = shard.first; seed <= shard.last; seed++) entry.seeds.push(seed);
    expectedSeeds.set(shard.row, entry);
  }
  const sweepRows = [...new Set([...sweeps.keys(), ...expectedSeeds.keys()])].sort(byName).map((row) => {
    const got = sweeps.get(row);
    const expected = expectedSeeds.get(row);
    return {
      app: got?.app ?? expected?.app ?? '',
      row,
      outcomes: [...(got?.seeds.values() ?? [])].sort((a, b) => a.seed - b.seed),
      missingSeeds: (expected?.seeds ?? []).filter((seed) => !got?.seeds.has(seed)),
    };
  });

  const missing = (matrix?.maelstrom.include ?? []).flatMap(({ app }) =>
    challengesFor(app)
      .filter((c) => !latest.has(`${c.challenge}\u0000maelstrom`))
      .map((c) => ({ app, challenge: c.challenge })),
  );
  return {
    rows: [...latest.values()].sort((a, b) => byName(a.challenge, b.challenge) || byName(a.engine, b.engine)),
    sweeps: sweepRows,
    missing,
  };
}

function sweepPassed(sweep: SweepRow): boolean {
  return sweep.missingSeeds.length === 0 && sweep.outcomes.every((o) => o.passed);
}

/** "4.12 (3.90–4.51)": the median over seeds, least, greatest (as `sweep` computes them). */
function spread(values: ReadonlyArray<number | undefined>, digits: number): string {
  const s = spreadOf(values);
  return s === undefined
    ? '-'
    : `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
}

function seedRanges(seeds: readonly number[]): string {
  const ranges: string[] = [];
  for (let i = 0; i < seeds.length;) {
    let j = i;
    while (j + 1 < seeds.length && seeds[j + 1] === seeds[j] + 1) j++;
    ranges.push(i === j ? String(seeds[i]) : `${seeds[i]}..${seeds[j]}`);
    i = j + 1;
  }
  return ranges.join(', ');
}

/** "1000 seeds passed", "2 of 750 seeds failed, 250 without a result". */
function sweepVerdict(sweep: SweepRow): string {
  const failed = sweep.outcomes.filter((o) => !o.passed).length;
  return [
    failed > 0
      ? `${failed} of ${sweep.outcomes.length} seeds failed`
      : `${sweep.outcomes.length} seeds passed`,
    ...(sweep.missingSeeds.length > 0 ? [`${sweep.missingSeeds.length} without a result`] : []),
  ].join(', ');
}

function sweepCells(sweep: SweepRow): string[] {
  const seeds = [...sweep.outcomes.map((o) => o.seed), ...sweep.missingSeeds].sort((a, b) => a - b);
  return [
    sweepPassed(sweep) ? '' : '✗',
    sweep.row,
    'sim sweep',
    seedRanges(seeds),
    sweepVerdict(sweep),
    spread(
      sweep.outcomes.map((o) => o.serversMsgsPerOp),
      2,
    ),
    spread(
      sweep.outcomes.map((o) => o.stableLatencyMedianMs),
      0,
    ),
    (sweep.outcomes.reduce((sum, o) => sum + o.wallMs, 0) / 1000).toFixed(1),
  ];
}

/** The report's path from its `store/` folder on, the same on the runner, in the artifact and in a local clone. */
function storePath(path: string): string {
  return /(?:^|\/)(store\/.*)$/.exec(path)?.[1] ?? path;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** At most this many failing seeds of one row are listed (with their replay command); the rest are counted. */
const LISTED_SEEDS = 10;

/**
 * The job summary: one Markdown table of every challenge row and every swept nemesis row, then each failure again
 * with its failing checks and how to see it (a report's path, a seed's replay command). `failed` counts what failed
 * or is missing.
 */
export function ciSummaryMarkdown(results: CiResults): { readonly lines: string[]; readonly failed: number } {
  const bounds = (r: SummaryRow) => challengesFor(r.app).find((c) => c.challenge === r.challenge)?.bounds;
  const table = [
    ...results.rows.map((r) => rowCells(r, bounds(r))),
    ...results.missing.map((m) => ['✗', m.challenge, 'maelstrom', '-', 'no result', '-', '-', '-']),
    ...results.sweeps.map(sweepCells),
  ];
  const total = table.length;
  if (total === 0) return { lines: ['No challenge or sweep results were found.'], failed: 0 };
  const lines = [
    `| ${TABLE_HEADER.map(cell).join(' | ')} |`,
    `|${TABLE_HEADER.map(() => ' --- ').join('|')}|`,
    ...table.map((cells) => `| ${cells.map(cell).join(' | ')} |`),
  ];
  if (results.sweeps.length > 0)
    lines.push(
      '',
      'Sweep rows: msgs-per-op and latency are the median over seeds (least–greatest), latency the stable ' +
        'latency median in ms; wall time is the sum over runs.',
    );
  const failedRows = results.rows.filter((r) => !rowPassed(r));
  const failedSweeps = results.sweeps.filter((s) => !sweepPassed(s));
  const failed = failedRows.length + results.missing.length + failedSweeps.length;
  lines.push('', `**${suiteVerdict(failed, total)}${failed > 0 ? ':' : '.'}**`);
  if (failed > 0) lines.push('');
  for (const r of failedRows) {
    const seed = r.seed != null ? `, seed ${r.seed}` : '';
    lines.push(`- ✗ ${r.challenge} (${r.app}, ${r.engine}${seed}): ${verdictCell(r)}`);
    for (const line of r.failures ?? r['missed-bounds']) lines.push(`  - ${line}`);
    if (r.report) lines.push(`  - report: \`${storePath(r.report)}\``);
  }
  for (const m of results.missing)
    lines.push(`- ✗ ${m.challenge} (${m.app}, maelstrom): no result; the job's log says why`);
  for (const s of failedSweeps) {
    const failing = s.outcomes.filter((o) => !o.passed);
    lines.push(`- ✗ ${s.row} (${s.app}, sim sweep): ${sweepVerdict(s)}`);
    const args = challengesFor(s.app).find((c) => c.challenge === s.row)?.args;
    for (const o of failing.slice(0, LISTED_SEEDS)) {
      const replay = args
        ? ` — replay: \`${replayCommand([...args, '--bin', `dist/apps/${s.app}/main.js`], o.seed, 'sim')}\``
        : '';
      lines.push(`  - seed ${o.seed}: ${o.problems.join('; ')}${replay}`);
    }
    if (failing.length > LISTED_SEEDS)
      lines.push(`  - … ${failing.length - LISTED_SEEDS} more failing seeds`);
    if (s.missingSeeds.length > 0) lines.push(`  - no result for seeds ${seedRanges(s.missingSeeds)}`);
  }
  return { lines, failed };
}
