import { availableParallelism } from 'node:os';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Piscina } from 'piscina';
import { challengesFor } from '../challenges';
import { createRunDir, writeJson } from '../results/store';
import type { SeedOutcome, SweepTask } from '../sweep/sweep-task';
import { repoRoot } from '../repo-root';
import { appBundle } from './challenge-command';
import { EXIT_BAD_ARGS, replayCommand, type CommandIo } from './test-command';
import { spreadOf, type Spread } from '../results/spread';

const USAGE =
  'Usage: glomers-bench sweep <app> [--seeds A..B] [--parallel K] [--rows ROW,ROW…] [--bin FILE]\n' +
  "  Runs the app's challenge rows (or the named ones) on the sim engine once per seed, on K worker threads,\n" +
  '  against dist/apps/<app>/main.js or the given node bundle.';

interface SweepArgs {
  readonly app: string;
  readonly first: number;
  readonly last: number;
  readonly parallel: number;
  readonly rows: readonly string[] | undefined;
  readonly bin: string | undefined;
}

function parseSweepArgs(argv: readonly string[]): SweepArgs | string {
  const flags = new Map<string, string>();
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (['--seeds', '--parallel', '--rows', '--bin'].includes(argv[i])) flags.set(argv[i], argv[++i] ?? '');
    else if (argv[i].startsWith('-')) return `Unknown option: ${argv[i]}`;
    else words.push(argv[i]);
  }
  if (words.length !== 1) return 'Expected exactly one app';
  const seeds = /^(-?\d+)\.\.(-?\d+)$/.exec(flags.get('--seeds') ?? '1..20');
  if (!seeds || Number(seeds[1]) > Number(seeds[2])) return '--seeds must be A..B with A ≤ B';
  const parallel = flags.get('--parallel') ?? String(availableParallelism());
  if (!/^\d+$/.test(parallel) || Number(parallel) < 1 || Number(parallel) > 256)
    return '--parallel must be an integer from 1 to 256';
  return {
    app: words[0],
    first: Number(seeds[1]),
    last: Number(seeds[2]),
    parallel: Number(parallel),
    rows: flags.get('--rows')?.split(','),
    bin: flags.get('--bin'),
  };
}

/**
 * `glomers-bench sweep <app>`: every challenge row of the app over a range of seeds on the sim engine, spread over
 * worker threads; ends with pass/fail counts, the spread of msgs-per-op and latency, and the exact replay command
 * of every failing seed. Exit 1 when any seed failed.
 */
export async function sweepCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const args = parseSweepArgs(argv);
  if (typeof args === 'string') {
    io.err(`${args}\n${USAGE}`);
    return EXIT_BAD_ARGS;
  }
  const root = repoRoot(io.cwd);
  const rows = challengesFor(args.app).filter((r) => !args.rows || args.rows.includes(r.challenge));
  if (rows.length === 0) {
    io.err(
      `No challenge rows for ${JSON.stringify(args.app)}${args.rows ? ` named ${args.rows.join(',')}` : ''}`,
    );
    return EXIT_BAD_ARGS;
  }
  const bin = args.bin === undefined ? appBundle(root, args.app, io) : resolve(io.cwd, args.bin);
  if (!bin) return EXIT_BAD_ARGS;
  const seeds = Array.from({ length: args.last - args.first + 1 }, (_, i) => args.first + i);
  const tasks: SweepTask[] = rows.flatMap((row) =>
    seeds.map((seed) => ({
      row: row.challenge,
      args: [...row.args, '--bin', bin],
      bounds: row.bounds,
      seed,
    })),
  );
  const dir = createRunDir(join(root, 'store', 'sweeps'), args.app, new Date());
  const outcomesFile = join(dir, 'outcomes.jsonl');
  mkdirSync(dir, { recursive: true });
  io.out(
    `Sweeping ${args.app}: rows ${rows.map((r) => r.challenge).join(', ')} × seeds ${args.first}..${args.last} ` +
      `(${tasks.length} runs) on ${args.parallel} worker thread${args.parallel === 1 ? '' : 's'}; results in ${dir}`,
  );
  const pool = new Piscina<SweepTask, SeedOutcome>({
    filename: __filename,
    name: 'sweepTask',
    minThreads: args.parallel,
    maxThreads: args.parallel,
  });
  const progress = new SweepProgress(tasks.length, io);
  const started = Date.now();
  const outcomes: SeedOutcome[] = [];
  try {
    await Promise.all(
      tasks.map(async (task) => {
        const outcome = await pool.run(task).catch((error: unknown): SeedOutcome => ({
          row: task.row,
          seed: task.seed,
          passed: false,
          verdict: 'error',
          problems: [`the sweep task failed: ${(error as Error).message}`],
          serversMsgsPerOp: undefined,
          allMsgsPerOp: undefined,
          opLatencyMedianMs: undefined,
          opLatencyP99Ms: undefined,
          stableLatencyMedianMs: undefined,
          wallMs: 0,
          virtualTimeS: 0,
        }));
        outcomes.push(outcome);
        appendFileSync(outcomesFile, JSON.stringify(outcome) + '\n');
        progress.done(outcome.passed);
      }),
    );
  } finally {
    progress.stop();
    await pool.destroy();
  }
  const wallS = (Date.now() - started) / 1000;
  const summary = rows.map((row) => {
    const task = tasks.find((t) => t.row === row.challenge);
    return summarize(
      row.challenge,
      outcomes.filter((o) => o.row === row.challenge),
      task?.args ?? [],
    );
  });
  writeJson(join(dir, 'summary.json'), {
    app: args.app,
    seeds: [args.first, args.last],
    wallS,
    rows: summary,
  });
  printSummary(summary, wallS, io);
  return summary.some((s) => s.failed.length > 0) ? 1 : 0;
}

interface RowSummary {
  readonly row: string;
  readonly seeds: number;
  readonly passed: number;
  readonly failed: ReadonlyArray<{
    readonly seed: number;
    readonly problems: readonly string[];
    readonly replay: string;
  }>;
  readonly serversMsgsPerOp: Spread | undefined;
  readonly opLatencyMedianMs: Spread | undefined;
  readonly stableLatencyMedianMs: Spread | undefined;
  readonly meanRunWallS: number;
}

function summarize(row: string, outcomes: readonly SeedOutcome[], args: readonly string[]): RowSummary {
  const failed = outcomes
    .filter((o) => !o.passed)
    .sort((a, b) => a.seed - b.seed)
    .map((o) => ({ seed: o.seed, problems: o.problems, replay: replayCommand(args, o.seed, 'sim') }));
  return {
    row,
    seeds: outcomes.length,
    passed: outcomes.length - failed.length,
    failed,
    serversMsgsPerOp: spreadOf(outcomes.map((o) => o.serversMsgsPerOp)),
    opLatencyMedianMs: spreadOf(outcomes.map((o) => o.opLatencyMedianMs)),
    stableLatencyMedianMs: spreadOf(outcomes.map((o) => o.stableLatencyMedianMs)),
    meanRunWallS: outcomes.reduce((sum, o) => sum + o.wallMs, 0) / Math.max(1, outcomes.length) / 1000,
  };
}

function printSummary(rows: readonly RowSummary[], wallS: number, io: CommandIo): void {
  const fmt = (s: Spread | undefined, digits = 2) =>
    s === undefined ? '-' : [s.min, s.median, s.max].map((v) => v.toFixed(digits)).join(' / ');
  const table = [
    [
      'row',
      'seeds',
      'passed',
      'failed',
      'servers msgs-per-op min/med/max',
      'op latency median ms min/med/max',
      's per run',
    ],
    ...rows.map((r) => [
      r.row,
      String(r.seeds),
      String(r.passed),
      String(r.failed.length),
      fmt(r.serversMsgsPerOp),
      fmt(r.opLatencyMedianMs, 1),
      r.meanRunWallS.toFixed(2),
    ]),
  ];
  const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
  io.out('');
  for (const [i, r] of table.entries()) {
    io.out(
      r
        .map((cell, j) => cell.padEnd(widths[j]))
        .join('  ')
        .trimEnd(),
    );
    if (i === 0) io.out(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  io.out(`\nSweep wall time: ${wallS.toFixed(1)} s`);
  for (const r of rows) {
    for (const f of r.failed) {
      io.out(`\nFAILED ${r.row} seed ${f.seed}: ${f.problems.join('; ')}\n  replay: ${f.replay}`);
    }
  }
}

/** A progress bar on a terminal; without one, a line every few seconds. */
class SweepProgress {
  private completed = 0;
  private failed = 0;
  private readonly started = Date.now();
  private readonly timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly total: number,
    private readonly io: CommandIo,
  ) {
    if (!io.errIsTty) this.timer = setInterval(() => this.io.err(this.line()), 5000);
  }

  done(passed: boolean): void {
    this.completed++;
    if (!passed) this.failed++;
    if (this.io.errIsTty) this.io.err(`\r${this.line()}\u001b[K`);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.io.errIsTty) this.io.err('');
  }

  private line(): string {
    const width = 30;
    const filled = Math.round((this.completed / this.total) * width);
    const elapsedS = (Date.now() - this.started) / 1000;
    const etaS = this.completed === 0 ? 0 : (elapsedS / this.completed) * (this.total - this.completed);
    return (
      `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.completed}/${this.total} runs, ` +
      `${this.failed} failed, ${elapsedS.toFixed(0)} s elapsed, ~${etaS.toFixed(0)} s left`
    );
  }
}
