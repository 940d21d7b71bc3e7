import type { Clock, JournalEvent, LatencyDist, Scheduler } from '@glomers/sim';
import type { NetStats } from '../checkers/net-stats';
import type { Op } from '../lib/history';
import type { TestOptions, Workload } from '../lib/workload';
import type { InvalidOutput, NodeLauncher } from './node-handle';

/** Everything one run needs: what to run, against what, and where its clock, log and journal go. */
export interface RunConfig {
  readonly options: TestOptions;
  readonly workload: Workload;
  readonly bin: string;
  readonly args: readonly string[];
  readonly latency: { readonly meanMs: number; readonly dist: LatencyDist };
  readonly nemesisIntervalS: number;
  readonly logStderr: boolean;
  readonly seed: number;
  /** This run's store folder (node-logs/ goes there); none for runs kept in memory (seed sweeps). */
  readonly storeDir: string | undefined;
  readonly time: Clock & Scheduler;
  /** Console log lines (the run's jepsen.log equivalent). */
  readonly log: (line: string) => void;
  /** Every network send and delivery (messages.jsonl). */
  readonly journal: (event: JournalEvent) => void;
  readonly onProgress?: (progress: Progress) => void;
  /** How nodes are started: a child process per node running `bin`, or the sim engine's in-process nodes. */
  readonly launch: NodeLauncher;
}

export interface Progress {
  readonly elapsedS: number;
  readonly timeLimitS: number;
  readonly phase: 'main' | 'recovery' | 'final';
  readonly ok: number;
  readonly fail: number;
  readonly info: number;
  readonly partition: string | undefined;
}

export interface RunResult {
  readonly history: Op[];
  readonly netStats: NetStats;
  readonly invalidOutputs: readonly InvalidOutput[];
  /** Set when the run aborted as Maelstrom would (exit 255): init failure, a node that exited early, … */
  readonly crash: string | undefined;
}

/** Ends a run as Maelstrom would end it (exit 255), with the reason Maelstrom gives. */
export class RunAborted extends Error {}
