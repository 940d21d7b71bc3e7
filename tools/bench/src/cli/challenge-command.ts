import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { challengesFor, type ChallengeRun } from '../challenges';
import { readEdn } from '../results/edn-reader';
import { figuresOf, missedBounds, type Figures } from '../results/figures';
import { chooseEngine, ENGINE_CHOICES, type Engine, type EngineChoice } from './engine';
import { runTest, EXIT_BAD_ARGS, type CommandIo } from './test-command';

/** One line of store/summary/summary.jsonl. */
export interface SummaryRow {
  readonly challenge: string;
  readonly app: string;
  readonly engine: Engine['kind'];
  /** The seed of a bench or sim run (Maelstrom takes none). */
  readonly seed: number | null;
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
}

/** Finds the repository root: the nearest folder above `from` holding nx.json. */
export function repoRoot(from: string): string {
  let dir = resolve(from);
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = resolve(dir, '..');
    if (parent === dir) return resolve(from);
    dir = parent;
  }
  return dir;
}

/** dist/apps/<app>/main.js, the app's built node; undefined (and a hint on stderr) when it is not built. */
export function appBundle(root: string, app: string, io: CommandIo): string | undefined {
  const bin = join(root, 'dist', 'apps', app, 'main.js');
  if (existsSync(bin)) return bin;
  io.err(`${bin} does not exist: build the app first (npx nx build ${app})`);
  return undefined;
}

const CHALLENGE_USAGE = `Usage: glomers-bench challenge <app> [--engine ${ENGINE_CHOICES.join('|')}] [--seed N]`;

/** `glomers-bench challenge <app> [--engine …] [--seed N]`: runs the app's rows; non-zero on any failure. */
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
  const rows = challengesFor(app);
  if (rows.length === 0) {
    io.err(`No challenge runs for app ${JSON.stringify(app)} (see tools/bench/src/challenges.ts)`);
    return EXIT_BAD_ARGS;
  }
  const root = repoRoot(io.cwd);
  const bin = appBundle(root, app, io);
  if (!bin) return EXIT_BAD_ARGS;
  let engine: Engine;
  try {
    engine = chooseEngine(choice, io.env ?? process.env);
  } catch (error) {
    io.err((error as Error).message);
    return EXIT_BAD_ARGS;
  }
  let failed = false;
  for (const row of rows) {
    io.out(
      `\n=== challenge ${row.challenge} (${app}) on engine: ${engine.kind}${engine.kind === 'maelstrom' ? ` (${engine.bin})` : ''}`,
    );
    const summary = await runRow(row, bin, engine, seed, root, io);
    mkdirSync(join(root, 'store', 'summary'), { recursive: true });
    appendFileSync(join(root, 'store', 'summary', 'summary.jsonl'), JSON.stringify(summary) + '\n');
    const ok = summary.verdict === 'true' && summary['missed-bounds'].length === 0;
    io.out(
      `=== challenge ${row.challenge}: ${ok ? 'PASS' : 'FAIL'} (engine ${engine.kind}, valid? ${summary.verdict}` +
        `${summary['missed-bounds'].length > 0 ? `; missed bounds: ${summary['missed-bounds'].join('; ')}` : ''})`,
    );
    failed ||= !ok;
  }
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
  let resultsFile: string | undefined;
  let results: unknown;
  let runSeed: number | undefined;
  if (engine.kind !== 'maelstrom') {
    const pinned = ['--engine', engine.kind, ...(seed === undefined ? [] : ['--seed', seed])];
    const run = await runTest([...args, ...pinned], { ...io, cwd: root });
    code = run.code;
    runSeed = run.seed;
    resultsFile = run.dir && join(run.dir, 'results.json');
    results =
      resultsFile && writtenSince(resultsFile, started)
        ? JSON.parse(readFileSync(resultsFile, 'utf8'))
        : undefined;
  } else {
    // Each row runs from its own folder under store/, so Maelstrom's ./store lands in the repo's ignored store/.
    const cwd = join(root, 'store', 'maelstrom', `${row.app}-${row.challenge}`);
    mkdirSync(cwd, { recursive: true });
    code = await new Promise<number>((done) => {
      const child = spawn(engine.bin, ['test', ...args], { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
      child.on('close', (status) => done(status ?? 255));
      child.on('error', () => done(255));
    });
    resultsFile = join(cwd, 'store', 'latest', 'results.edn');
    results = writtenSince(resultsFile, started) ? readEdn(readFileSync(resultsFile, 'utf8')) : undefined;
  }
  const figures: Figures = figuresOf(results);
  return {
    challenge: row.challenge,
    app: row.app,
    engine: engine.kind,
    seed: runSeed ?? null,
    verdict: results === undefined ? `crashed (exit ${code})` : String(figures.valid),
    'missed-bounds': results === undefined ? [] : missedBounds(figures, row.bounds),
    'servers-msgs-per-op': figures.serversMsgsPerOp ?? null,
    'all-msgs-per-op': figures.allMsgsPerOp ?? null,
    'stable-latency-median-ms': figures.stableLatencyMedianMs ?? null,
    'stable-latency-max-ms': figures.stableLatencyMaxMs ?? null,
    'wall-time-s': (Date.now() - started) / 1000,
    'exit-code': code,
    // A crashed run wrote no results: the row must not point at a file that is missing, or at an older run's.
    results: results === undefined ? null : (resultsFile ?? null),
    date: new Date(started).toISOString(),
  };
}
