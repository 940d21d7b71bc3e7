import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { Runner, type Progress } from '../core/runner';
import { randomSeed } from '../core/random-streams';
import { SystemTime } from '../core/system-time';
import { analyze, closingLine, exitCodeFor, failingChecks } from '../results/analyze';
import { createRunDir, JsonLines, writeJson } from '../results/store';
import { WORKLOADS } from '../workloads';
import { parseTestArgs, usage } from './test-options';

export interface CommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** True when stderr is a terminal (the progress line is shown only then). */
  readonly errIsTty: boolean;
  /** Where store/ lives (default: the current directory). */
  readonly cwd: string;
}

export const EXIT_BAD_ARGS = 254;
export const EXIT_CRASH = 255;

/** `glomers-bench test …`: one run; returns Maelstrom's exit code (0 valid, 1 invalid, 2 unknown, 254, 255). */
export async function testCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  return (await runTest(argv, io)).code;
}

export interface TestRun {
  readonly code: number;
  /** The run's store folder, when the run started. */
  readonly dir?: string;
}

/** Like testCommand, and also says where the run's results went. */
export async function runTest(argv: readonly string[], io: CommandIo): Promise<TestRun> {
  const parsed = parseTestArgs(argv, [...WORKLOADS.keys()]);
  if (!parsed.ok) {
    for (const error of parsed.errors) io.err(error);
    io.err('Run `glomers-bench test --help` for the options.');
    return { code: EXIT_BAD_ARGS };
  }
  const test = parsed.parsed;
  if (test.help) {
    io.out(usage());
    return { code: 0 };
  }
  const workload = WORKLOADS.get(test.options.workload);
  if (!workload) return { code: EXIT_BAD_ARGS };
  const seed = test.seed ?? randomSeed();
  const started = Date.now();
  const dir = createRunDir(join(io.cwd, 'store'), workload.name, new Date(started));
  const logFile = join(dir, 'jepsen.log');
  const log = (line: string) => {
    const stamped = `${new Date().toISOString()} ${line}`;
    appendFileSync(logFile, stamped + '\n');
    io.out(stamped);
  };
  log(`glomers-bench seed ${seed} (rerun with --seed ${seed})`);
  log(
    `Test options: ${JSON.stringify({ ...test.options, bin: test.bin, args: test.args, latency: test.latency, 'nemesis-interval': test.nemesisIntervalS, seed })}`,
  );
  log(`Store: ${dir}`);

  const messages = new JsonLines(join(dir, 'messages.jsonl'));
  const showProgress = io.errIsTty;
  const runner = new Runner({
    options: test.options,
    workload,
    bin: test.bin,
    args: test.args,
    latency: test.latency,
    nemesisIntervalS: test.nemesisIntervalS,
    logStderr: test.logStderr,
    seed,
    storeDir: dir,
    time: new SystemTime(),
    log,
    journal: (event) => {
      messages.write(event);
      if (event.type === 'send' ? test.logNetSend : test.logNetRecv)
        log(`${event.type} ${JSON.stringify(event.message)}`);
    },
    onProgress: showProgress ? (p) => io.err(`\r${progressLine(p)}\u001b[K`) : undefined,
  });
  const run = await runner.run();
  if (showProgress) io.err('');
  await messages.close();
  const history = new JsonLines(join(dir, 'history.jsonl'));
  for (const op of run.history) history.write(op);
  await history.close();
  const cost = process.resourceUsage();
  const facts = {
    seed,
    engine: 'bench',
    'wall-time-s': (Date.now() - started) / 1000,
    // The bench's own cost (this process; the nodes are children), for overhead measurements.
    'bench-cpu-user-s': cost.userCPUTime / 1e6,
    'bench-cpu-system-s': cost.systemCPUTime / 1e6,
    'bench-max-rss-mb': Math.round(cost.maxRSS / 1024),
    'invalid-output': run.invalidOutputs,
    crash: run.crash ?? null,
  };

  if (run.crash !== undefined) {
    writeJson(join(dir, 'bench.json'), facts);
    log('Test crashed!');
    log(run.crash);
    io.err(`glomers-bench: the run crashed (exit ${EXIT_CRASH}); see ${dir}`);
    return { code: EXIT_CRASH, dir };
  }
  log('Analyzing...');
  const results = await analyze(run.history, run.netStats, workload, test.options, dir);
  writeJson(join(dir, 'results.json'), results);
  writeJson(join(dir, 'bench.json'), { ...facts, 'wall-time-s': (Date.now() - started) / 1000 });
  log('Analysis complete');
  io.out(JSON.stringify(results, null, 2));
  for (const problem of run.invalidOutputs) {
    io.out(
      `\nHARD ERROR: node ${problem.node} printed an invalid stdout line (${problem.reason}):\n  ${problem.line}\n` +
        '  Maelstrom stops reading a node after such a line; the bench did the same, so later replies were lost.',
    );
  }
  const failing = failingChecks(results);
  if (failing.length > 0) io.out(`\nFailing checks: ${failing.join(', ')}`);
  io.out(`\n\n${closingLine(results['valid?'])}`);
  return { code: exitCodeFor(results['valid?']), dir };
}

function progressLine(p: Progress): string {
  const phase = p.phase === 'main' ? `${p.elapsedS.toFixed(1)}/${p.timeLimitS} s` : p.phase;
  const partition = p.partition ? `  partition: ${p.partition}` : '';
  return `[glomers-bench] ${phase}  ok ${p.ok}  fail ${p.fail}  info ${p.info}${partition}`;
}
