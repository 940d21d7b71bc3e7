import { envelopeJson, type JournalEvent } from '@glomers/sim';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomSeed } from '../adapters/entropy';
import { SystemTime } from '../adapters/system-time';
import { launchProcess } from '../core/node-process';
import { Runner } from '../core/runner';
import type { RunConfig, RunResult } from '../core/run-config';
import { shellQuote } from '../lib/shell-quote';
import { analyze, closingLine, exitCodeFor, failingChecks } from '../results/analyze';
import { consoleResults } from '../results/console-results';
import { createRunDir, JsonLines, writeJson } from '../results/store';
import { firstInvokeNs } from '../report/journal';
import { JournalDigestThread } from '../report/journal-digest-thread';
import { writeReport, type FreshRun } from '../report/write-report';
import { loadNodeApp, NotASimNode } from '../sim/node-app-loader';
import { runOnSim } from '../sim/sim-engine';
import { LOG_LEVELS, type LogLevel } from '../sim/sim-node';
import { WORKLOADS } from '../workloads';
import { progressSink } from './progress';
import { parseTestArgs, usage, TEST_ENGINES, type ParsedTest, type TestEngine } from './test-options';

export interface CommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** True when stderr is a terminal: the progress line is then redrawn in place (else printed every few seconds). */
  readonly errIsTty: boolean;
  /** Where store/ lives (default: the current directory). */
  readonly cwd: string;
  /** The environment (GLOMERS_ENGINE, GLOMERS_LOG); default: this process's. */
  readonly env?: NodeJS.ProcessEnv;
  /**
   * The journal digest thread's script (dist/tools/bench/journal-digest.js), when the bench runs from its bundle:
   * a run then digests its journal for the report on a second thread.
   */
  readonly journalDigestScript?: string;
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
  readonly engine?: TestEngine;
  readonly seed?: number;
}

/** The engine a `test` runs on: --engine, else GLOMERS_ENGINE when it names one of test's engines, else bench. */
export function testEngine(test: ParsedTest, env: NodeJS.ProcessEnv): TestEngine {
  const fromEnv = env['GLOMERS_ENGINE'];
  return test.engine ?? (TEST_ENGINES.find((e) => e === fromEnv) || 'bench');
}

/** Like testCommand, and also says where the run's results went. */
export async function runTest(argv: readonly string[], io: CommandIo): Promise<TestRun> {
  const env = io.env ?? process.env;
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
  const engine = testEngine(test, env);
  let app;
  if (engine === 'sim') {
    try {
      app = loadNodeApp(test.bin);
    } catch (error) {
      if (!(error instanceof NotASimNode)) throw error;
      io.err(`glomers-bench: ${error.message}`);
      return { code: EXIT_BAD_ARGS };
    }
  }
  const seed = test.seed ?? randomSeed();
  const started = Date.now();
  const dir = createRunDir(join(io.cwd, 'store'), workload.name, new Date(started));
  const logFile = join(dir, 'jepsen.log');
  // The sim's console lines carry no wall-clock stamp: a seed's jepsen.log is the same on every replay.
  const stamp = engine === 'sim' ? () => '' : () => `${new Date().toISOString()} `;
  const log = (line: string) => {
    const stamped = `${stamp()}${line}`;
    appendFileSync(logFile, stamped + '\n');
    io.out(stamped);
  };
  const replay = replayCommand(argv, seed, engine);
  log(`glomers-bench seed ${seed} on engine ${engine} (replay: ${replay})`);
  log(
    `Test options: ${JSON.stringify({ ...test.options, bin: test.bin, args: test.args, latency: test.latency, 'nemesis-interval': test.nemesisIntervalS, seed, engine, ...(engine === 'sim' ? { 'processing-delay': test.processingDelayMs } : {}) })}`,
  );
  log(`Store: ${dir}`);

  const digester =
    io.journalDigestScript === undefined ? undefined : new JournalDigestThread(io.journalDigestScript);
  const messages = new JsonLines(join(dir, 'messages.jsonl'), digester && ((text) => digester.add(text)));
  const progress = progressSink(io.err, io.errIsTty, Math.round(test.options.rate * test.options.timeLimitS));
  const config: Omit<RunConfig, 'time' | 'launch'> = {
    options: test.options,
    workload,
    bin: test.bin,
    args: test.args,
    latency: test.latency,
    nemesisIntervalS: test.nemesisIntervalS,
    logStderr: test.logStderr,
    seed,
    storeDir: dir,
    log,
    journal: (event) => {
      messages.writeLine(journalLine(event));
      if (event.type === 'send' ? test.logNetSend : test.logNetRecv)
        log(`${event.type} ${JSON.stringify(event.message)}`);
    },
    onProgress: progress.update,
  };
  let run: RunResult;
  let virtualTimeMs: number | undefined;
  if (app) {
    const logFloor = LOG_LEVELS.find((level) => level === env['GLOMERS_LOG']) ?? 'info';
    const simRun = await runOnSim(config, {
      app,
      processingMs: test.processingDelayMs,
      logFloor: logFloor as LogLevel,
    });
    run = simRun;
    virtualTimeMs = simRun.virtualTimeMs;
  } else {
    run = await new Runner({ ...config, time: new SystemTime(), launch: launchProcess }).run();
  }
  progress.finish();
  messages.close();
  const journal = digester?.digest(firstInvokeNs(run.history));
  const history = new JsonLines(join(dir, 'history.jsonl'));
  for (const op of run.history) history.write(op);
  history.close();
  const cost = process.resourceUsage();
  const facts = () => ({
    seed,
    engine,
    'command-line': argv,
    ...(engine === 'sim'
      ? { 'processing-delay-ms': test.processingDelayMs, 'virtual-time-s': (virtualTimeMs ?? 0) / 1000 }
      : {}),
    'wall-time-s': (Date.now() - started) / 1000,
    // The bench's own cost (this process; with the process engine the nodes are children), for measurements.
    'bench-cpu-user-s': cost.userCPUTime / 1e6,
    'bench-cpu-system-s': cost.systemCPUTime / 1e6,
    'bench-max-rss-mb': Math.round(cost.maxRSS / 1024),
    'invalid-output': run.invalidOutputs,
    crash: run.crash ?? null,
    replay,
  });

  if (run.crash !== undefined) {
    writeJson(join(dir, 'bench.json'), facts());
    log('Test crashed!');
    log(run.crash);
    await reportRun(dir, io, { history: run.history, journal });
    io.err(`glomers-bench: the run crashed (exit ${EXIT_CRASH}); see ${dir}`);
    io.err(`glomers-bench: replay it with: ${replay}`);
    return { code: EXIT_CRASH, dir, engine, seed };
  }
  log('Analyzing...');
  const results = await analyze(run.history, run.netStats, workload, test.options, dir, new SystemTime());
  writeJson(join(dir, 'results.json'), results);
  writeJson(join(dir, 'bench.json'), facts());
  log('Analysis complete');
  io.out(consoleResults(results));
  for (const problem of run.invalidOutputs) {
    io.out(
      `\nHARD ERROR: node ${problem.node} printed an invalid stdout line (${problem.reason}):\n  ${problem.line}\n` +
        '  Maelstrom stops reading a node after such a line; the bench did the same, so later replies were lost.',
    );
  }
  const failing = failingChecks(results);
  if (failing.length > 0) io.out(`\nFailing checks: ${failing.join(', ')}`);
  await reportRun(dir, io, { history: run.history, journal });
  const code = exitCodeFor(results['valid?']);
  if (code !== 0)
    io.out(`\n${engine === 'sim' ? 'Replay this run exactly' : 'Rerun with the same seed'}: ${replay}`);
  io.out(`\n\n${closingLine(results['valid?'])}`);
  return { code, dir, engine, seed };
}

/** The command line that repeats a run: the same arguments with its seed and engine pinned. */
export function replayCommand(argv: readonly string[], seed: number, engine: TestEngine): string {
  const kept: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (word === '--') {
      kept.push(...argv.slice(i));
      break;
    }
    if (word === '--seed' || word === '--engine') i++;
    else if (!word.startsWith('--seed=') && !word.startsWith('--engine=')) kept.push(word);
  }
  const dashes = kept.indexOf('--');
  const pinned = ['--engine', engine, '--seed', String(seed)];
  if (dashes >= 0) kept.splice(dashes, 0, ...pinned);
  else kept.push(...pinned);
  return ['npx', 'glomers-bench', 'test', ...kept].map(shellQuote).join(' ');
}

/**
 * One messages.jsonl line: `JSON.stringify(event)`, with the message's JSON made once for all its uses (`type` is
 * send or recv and `time` a finite number, which print the same without JSON.stringify).
 */
function journalLine({ type, time, message }: JournalEvent): string {
  return `{"type":"${type}","time":${time},"message":${envelopeJson(message)}}`;
}

/** Writes the run's report.html; a report that cannot be written is said, and does not change the verdict. */
async function reportRun(dir: string, io: CommandIo, fresh: FreshRun): Promise<void> {
  try {
    io.out(`Report: ${(await writeReport(dir, fresh)).path}`);
  } catch (error) {
    io.err(`glomers-bench: could not write the report: ${(error as Error).stack ?? String(error)}`);
  }
}
