import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  challengeFile,
  challengesFor,
  ROW_SELECTIONS,
  selectRows,
  type ChallengeRun,
  type RowSelection,
} from '../challenges';
import { CHALLENGE_FILE, runFailures } from '../report/build-model';
import { readRunFolder } from '../report/run-folder';
import { writeReport } from '../report/write-report';
import { readEdn } from '../results/edn-reader';
import { figuresOf, missedBounds, type Figures } from '../results/figures';
import { keepRuns, pruneRuns } from '../results/retention';
import { writeJson } from '../results/store';
import {
  appendSummaryRow,
  readSummaryRows,
  rowPassed,
  writeLastRows,
  type SummaryRow,
} from '../results/summary-rows';
import { chooseEngine, ENGINE_CHOICES, type Engine, type EngineChoice } from './engine';
import { runTest, EXIT_BAD_ARGS, type CommandIo } from './test-command';
import { repoRoot } from '../repo-root';

/** dist/apps/<app>/main.js, the app's built node; undefined (and a hint on stderr) when it is not built. */
export function appBundle(root: string, app: string, io: CommandIo): string | undefined {
  const bin = join(root, 'dist', 'apps', app, 'main.js');
  if (existsSync(bin)) return bin;
  io.err(`${bin} does not exist: build the app first (npx nx build ${app})`);
  return undefined;
}

const CHALLENGE_USAGE = `Usage: glomers-bench challenge <app> [--engine ${ENGINE_CHOICES.join('|')}] [--seed N]`;

/**
 * `glomers-bench challenge <app> [--engine …] [--seed N]`: runs the app's rows; non-zero on any failure.
 * GLOMERS_ROWS=official leaves out the rows a challenges.json marks `variantOf` (CI judges those on the sim only).
 */
export async function challengeCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const flags = new Map<string, string>();
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--engine' || argv[i] === '--seed') flags.set(argv[i], argv[++i] ?? '');
    else words.push(argv[i]);
  }
  const [app, ...extra] = words;
  const choice = (flags.get('--engine') ?? 'auto') as EngineChoice;
  const seed = flags.get('--seed');
  if (
    !app ||
    extra.length > 0 ||
    !ENGINE_CHOICES.includes(choice) ||
    (seed !== undefined && !/^-?\d+$/.test(seed))
  ) {
    io.err(CHALLENGE_USAGE);
    return EXIT_BAD_ARGS;
  }
  const env = io.env ?? process.env;
  const selection = (env['GLOMERS_ROWS'] || 'all') as RowSelection;
  if (!ROW_SELECTIONS.includes(selection)) {
    io.err(`GLOMERS_ROWS must be one of ${ROW_SELECTIONS.join(', ')}, not ${JSON.stringify(selection)}`);
    return EXIT_BAD_ARGS;
  }
  const rows = selectRows(challengesFor(app), selection);
  if (rows.length === 0) {
    io.err(`No challenge runs for app ${JSON.stringify(app)} (${challengeFile(app)} declares them)`);
    return EXIT_BAD_ARGS;
  }
  const root = repoRoot(io.cwd);
  const bin = appBundle(root, app, io);
  if (!bin) return EXIT_BAD_ARGS;
  let engine: Engine;
  try {
    engine = chooseEngine(choice, env);
  } catch (error) {
    io.err((error as Error).message);
    return EXIT_BAD_ARGS;
  }
  let failed = false;
  const done: SummaryRow[] = [];
  for (const row of rows) {
    io.out(
      `\n=== challenge ${row.challenge} (${app}) on engine: ${engine.kind}${engine.kind === 'maelstrom' ? ` (${engine.bin})` : ''}`,
    );
    const summary = await runRow(row, bin, engine, seed, root, io);
    appendSummaryRow(root, summary);
    done.push(summary);
    pruneOlderRuns(root, summary, env);
    const ok = rowPassed(summary);
    io.out(
      `=== challenge ${row.challenge}: ${ok ? 'PASS' : 'FAIL'} (engine ${engine.kind}, valid? ${summary.verdict})`,
    );
    if (!ok) for (const line of summary.failures ?? []) io.out(`    ${line}`);
    if (summary.report) io.out(`    report: ${relative(io.cwd, summary.report)}`);
    failed ||= !ok;
  }
  writeLastRows(root, app, done);
  return failed ? 1 : 0;
}

/**
 * True when `file` exists and was written since `since` (ms), i.e. by this run and not an earlier one (with a
 * second's slack for file systems that keep whole seconds; a run lasts longer than that).
 */
function writtenSince(file: string, since: number): boolean {
  return existsSync(file) && statSync(file).mtimeMs >= since - 1000;
}

async function runRow(
  row: ChallengeRun,
  bin: string,
  engine: Engine,
  seed: string | undefined,
  root: string,
  io: CommandIo,
): Promise<SummaryRow> {
  const started = Date.now();
  const args = [...row.args, '--bin', bin];
  let code: number;
  let dir: string | undefined;
  let runSeed: number | undefined;
  if (engine.kind !== 'maelstrom') {
    const pinned = ['--engine', engine.kind, ...(seed === undefined ? [] : ['--seed', seed])];
    const run = await runTest([...args, ...pinned], { ...io, cwd: root });
    code = run.code;
    runSeed = run.seed;
    dir = run.dir;
  } else {
    // Each row runs from its own folder under store/, so Maelstrom's ./store lands in the repo's ignored store/.
    const cwd = join(root, 'store', 'maelstrom', `${row.app}-${row.challenge}`);
    mkdirSync(cwd, { recursive: true });
    code = await new Promise<number>((done) => {
      const child = spawn(engine.bin, ['test', ...args], { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
      child.on('close', (status) => done(status ?? 255));
      child.on('error', () => done(255));
    });
    const latest = join(cwd, 'store', 'latest');
    // Maelstrom's latest link may still name an older run when this one crashed before writing a store folder.
    dir = writtenSince(latest, started) ? realpathSync(latest) : undefined;
  }
  // A crashed run wrote no results: the row must not point at a missing file, or at an older run's.
  const resultsFile =
    dir && [join(dir, 'results.json'), join(dir, 'results.edn')].find((f) => writtenSince(f, started));
  const results = resultsFile ? readResults(resultsFile) : undefined;
  const figures: Figures = figuresOf(results);
  const missed = results === undefined ? [] : missedBounds(figures, row.bounds);
  let report: string | undefined;
  if (dir) {
    writeJson(join(dir, CHALLENGE_FILE), { challenge: row.challenge, app: row.app, 'missed-bounds': missed });
    // A bench or sim run wrote its report already, without the challenge's bounds; Maelstrom writes none of ours.
    const stale = engine.kind === 'maelstrom' || missed.length > 0 || !existsSync(join(dir, 'report.html'));
    report = stale ? (await writeReport(dir)).path : join(dir, 'report.html');
  }
  return {
    challenge: row.challenge,
    app: row.app,
    engine: engine.kind,
    seed: runSeed ?? null,
    verdict: results === undefined ? `crashed (exit ${code})` : String(figures.valid),
    'missed-bounds': missed,
    'servers-msgs-per-op': figures.serversMsgsPerOp ?? null,
    'all-msgs-per-op': figures.allMsgsPerOp ?? null,
    'stable-latency-median-ms': figures.stableLatencyMedianMs ?? null,
    'stable-latency-max-ms': figures.stableLatencyMaxMs ?? null,
    'wall-time-s': (Date.now() - started) / 1000,
    'exit-code': code,
    // A crashed run wrote no results: the row must not point at a file that is missing, or at an older run's.
    results: results === undefined ? null : (resultsFile ?? null),
    date: new Date(started).toISOString(),
    run: dir ?? null,
    report: report ?? null,
    failures: dir ? runFailures(readRunFolder(dir)).map((f) => f.headline) : [`no run folder (exit ${code})`],
    suite: (io.env ?? process.env)['GLOMERS_SUITE'] ?? null,
  };
}

function readResults(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  return file.endsWith('.edn') ? readEdn(text) : JSON.parse(text);
}

/** store/ keeps the newest GLOMERS_KEEP_RUNS runs of each challenge row and engine; older run folders go. */
function pruneOlderRuns(root: string, latest: SummaryRow, env: NodeJS.ProcessEnv): void {
  const runs = readSummaryRows(root)
    .filter((r) => r.challenge === latest.challenge && r.engine === latest.engine && r.run)
    .map((r) => r.run as string);
  pruneRuns(join(root, 'store'), runs, keepRuns(env));
}
