import type { NodeApp } from '@glomers/runtime';
import { SystemTime } from '../adapters/system-time';
import type { Bounds } from '../challenges';
import { parseTestArgs } from '../cli/test-options';
import { analyze, failingChecks } from '../results/analyze';
import { figuresOf, missedBounds } from '../results/figures';
import { opLatencies } from '../results/op-latency';
import { loadNodeApp } from '../sim/node-app-loader';
import { runOnSim } from '../sim/sim-engine';
import { WORKLOADS } from '../workloads';

/** One seed of one challenge row, as a worker thread receives it. */
export interface SweepTask {
  readonly row: string;
  /** The row's `test` arguments, --bin included. */
  readonly args: readonly string[];
  readonly bounds?: Bounds;
  readonly seed: number;
}

/** What a worker sends back: the verdict and the figures a sweep spreads across seeds. */
export interface SeedOutcome {
  readonly row: string;
  readonly seed: number;
  readonly passed: boolean;
  readonly verdict: string;
  /** Failing checks and missed bounds, or the crash. */
  readonly problems: readonly string[];
  readonly serversMsgsPerOp: number | undefined;
  readonly allMsgsPerOp: number | undefined;
  readonly opLatencyMedianMs: number | undefined;
  readonly opLatencyP99Ms: number | undefined;
  readonly stableLatencyMedianMs: number | undefined;
  readonly wallMs: number;
  readonly virtualTimeS: number;
}

const apps = new Map<string, NodeApp>();
const wall = new SystemTime();

/**
 * Runs one seed on the sim engine and keeps nothing on disk (a failing seed is replayed with `test` to get its
 * files). Exported by the bench bundle so that the sweep's worker threads can call it by name.
 */
export async function sweepTask(task: SweepTask): Promise<SeedOutcome> {
  const started = wall.now();
  const parsed = parseTestArgs([...task.args, '--seed', String(task.seed)], [...WORKLOADS.keys()]);
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const test = parsed.parsed;
  const workload = WORKLOADS.get(test.options.workload);
  if (!workload) throw new Error(`unknown workload ${test.options.workload}`);
  const app = apps.get(test.bin) ?? loadNodeApp(test.bin);
  apps.set(test.bin, app);
  const run = await runOnSim(
    {
      options: test.options,
      workload,
      bin: test.bin,
      args: test.args,
      latency: test.latency,
      nemesisIntervalS: test.nemesisIntervalS,
      logStderr: false,
      seed: task.seed,
      storeDir: undefined,
      log: () => undefined,
      journal: () => undefined,
    },
    { app, processingMs: test.processingDelayMs, logFloor: 'error' },
  );
  const base = { row: task.row, seed: task.seed, virtualTimeS: run.virtualTimeMs / 1000 };
  if (run.crash !== undefined) {
    return {
      ...base,
      passed: false,
      verdict: 'crashed',
      problems: [run.crash.split('\n')[0]],
      serversMsgsPerOp: undefined,
      allMsgsPerOp: undefined,
      opLatencyMedianMs: undefined,
      opLatencyP99Ms: undefined,
      stableLatencyMedianMs: undefined,
      wallMs: wall.now() - started,
    };
  }
  const results = await analyze(run.history, run.netStats, workload, test.options, undefined, wall);
  const figures = figuresOf(results);
  const problems = [...failingChecks(results), ...missedBounds(figures, task.bounds)];
  const latency = opLatencies(run.history).get('all');
  return {
    ...base,
    passed: figures.valid === true && problems.length === 0,
    verdict: String(figures.valid),
    problems,
    serversMsgsPerOp: figures.serversMsgsPerOp,
    allMsgsPerOp: figures.allMsgsPerOp,
    opLatencyMedianMs: latency?.medianMs,
    opLatencyP99Ms: latency?.p99Ms,
    stableLatencyMedianMs: figures.stableLatencyMedianMs,
    wallMs: wall.now() - started,
  };
}
