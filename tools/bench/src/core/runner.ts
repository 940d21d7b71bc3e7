import {
  grudgeFor,
  grudgeToJson,
  latencySampler,
  Network,
  PARTITION_SHAPES,
  pick,
  RandomStreams,
  startServices,
  type Clock,
  type JournalEvent,
  type LatencyDist,
  type Random,
  sleep,
  type Scheduler,
} from '@glomers/sim';
import type { Op } from '../lib/history';
import { outcomeOf } from '../lib/outcome';
import type { GeneratedOp, OpGenerator, TestOptions, Workload, WorkloadClient } from '../lib/workload';
import { NetStats } from '../checkers/net-stats';
import { ClientConnection, ClientFactory } from './client-connection';
import { HistoryRecorder } from './history-recorder';
import type { InvalidOutput, NodeExit, NodeHandle, NodeLauncher } from './node-handle';

export const INIT_TIMEOUT_MS = 10_000;
export const RECOVERY_SLEEP_MS = 10_000;

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

interface Worker {
  readonly thread: number;
  readonly node: string;
  process: number;
  busy: boolean;
  conn: ClientConnection | undefined;
  client: WorkloadClient | undefined;
  /** Set after an info op on a non-reusable client: the next invoke opens a new client. */
  replaceClient: boolean;
}

class RunAborted extends Error {}

/**
 * Runs one test the way Maelstrom does (§1.5, §4): network and services, one process per node, init, setup,
 * the main phase under the global release clock with the partition nemesis alongside, the final phase, teardown.
 * All timing goes through `config.time`, all randomness through streams derived from `config.seed`.
 */
export class Runner {
  private readonly streams: RandomStreams;
  private readonly network: Network;
  private readonly clients: ClientFactory;
  private readonly recorder: HistoryRecorder;
  private readonly netStats = new NetStats();
  private readonly invalidOutputs: InvalidOutput[] = [];
  private readonly earlyExits: NodeExit[] = [];
  private readonly nodes: NodeHandle[] = [];
  private readonly setupConns: ClientConnection[] = [];
  private readonly workers: Worker[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly startMs: number;
  private originMs: number;
  private cursor = 0;
  private partition: string | undefined;
  private phase: Progress['phase'] = 'main';
  private firstExit: (() => void) | undefined;

  constructor(private readonly config: RunConfig) {
    this.streams = new RandomStreams(config.seed);
    this.startMs = config.time.now();
    this.originMs = this.startMs;
    this.network = new Network({
      clock: config.time,
      scheduler: config.time,
      latency: latencySampler(config.latency.dist, config.latency.meanMs, this.streams.stream('latency')),
      journal: (event) => {
        this.netStats.record(event);
        config.journal(event);
      },
      startMs: this.startMs,
    });
    this.clients = new ClientFactory(this.network, config.time);
    this.recorder = new HistoryRecorder(() => this.nanos());
  }

  async run(): Promise<RunResult> {
    let crash: string | undefined;
    try {
      startServices(this.network, {
        seqKv: this.streams.stream('seq-kv'),
        lwwKv: this.streams.stream('lww-kv'),
      });
      this.startNodes();
      await this.initNodes();
      await this.setup();
      await this.mainPhase();
      if (this.config.workload.final) await this.finalPhase();
    } catch (error) {
      crash =
        error instanceof RunAborted ? error.message : `Internal error: ${(error as Error).stack ?? error}`;
    }
    await this.teardown();
    crash ??= this.crashReport();
    return {
      history: this.recorder.ops,
      netStats: this.netStats,
      invalidOutputs: this.invalidOutputs,
      crash,
    };
  }

  // ---- lifecycle ------------------------------------------------------------------------------------

  private startNodes(): void {
    const { bin, args, storeDir, logStderr, log } = this.config;
    for (const id of this.config.options.nodeIds) {
      log(`launching ${bin} ${JSON.stringify(args)} as ${id}`);
      this.nodes.push(
        this.config.launch({
          id,
          bin,
          args,
          network: this.network,
          logFile: storeDir === undefined ? undefined : `${storeDir}/node-logs/${id}.log`,
          echoStderr: logStderr ? (node, line) => log(`${node} stderr: ${line}`) : undefined,
          onInvalidOutput: (problem) => {
            this.invalidOutputs.push(problem);
            log(
              `ERROR node ${problem.node} wrote an invalid line to stdout (${problem.reason}): ${problem.line}`,
            );
            log(
              `ERROR as Maelstrom does, the bench reads nothing more from ${problem.node}'s stdout (the node is mute)`,
            );
          },
          onEarlyExit: (exit) => {
            this.earlyExits.push(exit);
            this.firstExit?.();
            log(`WARN node ${exit.node} exited early (status ${exit.code ?? exit.signal})`);
          },
          now: () => this.nanos(),
        }),
      );
    }
  }

  private async initNodes(): Promise<void> {
    const nodeIds = this.config.options.nodeIds;
    // A node that dies before answering init cannot answer it: stop waiting (Maelstrom waits out the 10 s).
    const died = new Promise<never>((_, reject) => {
      this.firstExit = () => reject(new RunAborted(this.crashReport() ?? 'a node exited during init'));
      if (this.earlyExits.length > 0) this.firstExit();
    });
    died.catch(() => undefined);
    const inits = Promise.all(
      nodeIds.map(async (node) => {
        const conn = this.clients.open(node);
        try {
          const reply = await conn.request(
            { type: 'init', node_id: node, node_ids: nodeIds },
            node,
            INIT_TIMEOUT_MS,
          );
          if (reply.type !== 'init_ok') {
            throw new RunAborted(
              `Expected an init_ok message, but node responded with ${JSON.stringify(reply)}`,
            );
          }
        } catch (error) {
          if (error instanceof RunAborted) throw error;
          throw new RunAborted(
            `Expected node ${node} to respond to an init message, but node did not respond.`,
          );
        } finally {
          conn.close();
        }
      }),
    );
    try {
      await Promise.race([inits, died]);
    } finally {
      inits.catch(() => undefined);
      this.firstExit = undefined;
    }
  }

  private async setup(): Promise<void> {
    const { workload, options } = this.config;
    const conns = options.nodeIds.map((node) => this.clients.open(node));
    this.setupConns.push(...conns);
    if (!workload.setup) return;
    const setup = workload.setup.bind(workload);
    await Promise.all(
      conns.map((conn) =>
        setup({ conn, options, random: this.streams.stream(`setup-${conn.node}`) }).catch(
          (error: unknown) => {
            throw new RunAborted(`Setup failed on ${conn.node}: ${(error as Error).message}`);
          },
        ),
      ),
    );
  }

  private async teardown(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
    for (const w of this.workers) w.conn?.close();
    for (const conn of this.setupConns) conn.close();
    await Promise.all(this.nodes.map((n) => n.kill()));
  }

  private crashReport(): string | undefined {
    const exit = this.earlyExits[0];
    if (!exit) return undefined;
    const node = this.nodes.find((n) => n.id === exit.node);
    return (
      `Node ${exit.node} crashed with exit status ${exit.code ?? exit.signal}. Before crashing, it wrote to STDOUT:\n\n` +
      `${node?.recentStdout.join('\n') ?? ''}\n\nAnd to STDERR:\n\n${node?.recentStderr.join('\n') ?? ''}\n\n` +
      (this.config.storeDir === undefined
        ? ''
        : `Full STDERR logs are available in ${this.config.storeDir}/node-logs/${exit.node}.log`)
    );
  }

  // ---- main phase -----------------------------------------------------------------------------------

  private async mainPhase(): Promise<void> {
    const { options, workload, time, log } = this.config;
    this.originMs = time.now();
    log('Relative time begins now');
    for (let thread = 0; thread < options.concurrency; thread++) {
      const node = options.nodeIds[thread % options.nodeIds.length];
      this.workers.push({
        thread,
        node,
        process: thread,
        busy: false,
        conn: undefined,
        client: undefined,
        replaceClient: false,
      });
    }
    const cutoffMs = options.timeLimitS * 1000;
    const generator = workload.generator({ options, random: this.streams.stream('generator') });
    const unlisten = this.listen(generator);
    const stopProgress = this.startProgress();
    try {
      const nemesis = options.nemesis.includes('partition') ? this.nemesisLoop(cutoffMs) : Promise.resolve();
      await this.releaseLoop(generator, cutoffMs);
      await nemesis;
      await this.drain();
    } finally {
      unlisten();
      stopProgress();
    }
  }

  /** One global release clock: uniform [0, 2/rate) s gaps, ops only to free workers (Jepsen's stagger). */
  private async releaseLoop(generator: OpGenerator, cutoffMs: number): Promise<void> {
    const { rate } = this.config.options;
    if (rate <= 0) return sleep(this.config.time, cutoffMs);
    const gaps = this.streams.stream('release');
    const meanGapMs = 1000 / rate;
    let nextRelease: number | undefined;
    for (;;) {
      let worker = this.freeWorker();
      if (!worker) {
        await Promise.race(this.inFlight);
        continue;
      }
      const now = this.elapsedMs();
      const releaseAt = Math.max(nextRelease ?? now, now);
      if (releaseAt >= cutoffMs) return;
      // Timers have 1 ms granularity: a release due within 1 ms goes now, so high rates are not slowed down.
      if (releaseAt - now >= 1) {
        await sleep(this.config.time, releaseAt - now);
        worker = this.freeWorker() ?? worker;
      }
      const op = generator.next({ time: this.nanos(), thread: worker.thread, process: worker.process });
      if (!op) return;
      nextRelease = releaseAt + gaps.next() * 2 * meanGapMs;
      this.cursor = (worker.thread + 1) % this.workers.length;
      this.start(worker, op);
    }
  }

  /** Jepsen's some-free-process: the first free worker at or after a cursor that moves on every dispatch. */
  private freeWorker(): Worker | undefined {
    for (let i = 0; i < this.workers.length; i++) {
      const worker = this.workers[(this.cursor + i) % this.workers.length];
      if (!worker.busy) return worker;
    }
    return undefined;
  }

  private start(worker: Worker, op: GeneratedOp): void {
    worker.busy = true;
    const done = this.perform(worker, op).finally(() => {
      worker.busy = false;
      this.inFlight.delete(done);
    });
    this.inFlight.add(done);
  }

  private async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Invokes one op on a worker's client and records it; maps errors with the §1.6 outcome table. */
  private async perform(worker: Worker, op: GeneratedOp): Promise<void> {
    const { workload, options } = this.config;
    if (worker.replaceClient) {
      // As Jepsen's ClientWorker: the old client is closed only when the new process invokes, so a late reply
      // that arrives in between still reaches a registered id (and is discarded).
      worker.conn?.close();
      worker.conn = undefined;
      worker.client = undefined;
      worker.replaceClient = false;
    }
    if (!worker.client) {
      const conn = this.clients.open(worker.node);
      worker.conn = conn;
      worker.client = workload.client({
        conn,
        options,
        thread: worker.thread,
        random: this.streams.stream(`client-${conn.id}`),
      });
    }
    const invoke = this.recorder.record({
      process: worker.process,
      type: 'invoke',
      f: op.f,
      value: op.value,
      ...(op.final ? { final: true } : {}),
      ...(op.extra ? { extra: op.extra } : {}),
    }) as Op & { type: 'invoke' };
    let completion: Omit<Op, 'index' | 'time'>;
    const base = {
      process: invoke.process,
      f: invoke.f,
      ...(op.final ? { final: true } : {}),
      ...(op.extra ? { extra: op.extra } : {}),
    };
    try {
      const result = await worker.client.invoke(invoke);
      completion = {
        ...base,
        type: result.type,
        value: result.value === undefined ? invoke.value : result.value,
        ...(result.error !== undefined ? { error: result.error } : {}),
      };
    } catch (error) {
      const outcome = outcomeOf(workload, op.f, error);
      completion = {
        ...base,
        type: outcome.type,
        value: invoke.value,
        error: outcome.error,
        ...(outcome.exception !== undefined ? { exception: outcome.exception } : {}),
      };
    }
    this.recorder.record(completion);
    if (completion.type === 'info') {
      worker.process += options.concurrency;
      if (!workload.reusableClient) worker.replaceClient = true;
    }
  }

  // ---- nemesis --------------------------------------------------------------------------------------

  /** start, stop, start… with uniform [0, 2T) gaps, the first start at the beginning of the main phase. */
  private async nemesisLoop(cutoffMs: number): Promise<void> {
    const random = this.streams.stream('nemesis');
    const intervalMs = this.config.nemesisIntervalS * 1000;
    let next = this.elapsedMs();
    let starting = true;
    for (;;) {
      const at = Math.max(next, this.elapsedMs());
      if (at >= cutoffMs) return;
      if (at > this.elapsedMs()) await sleep(this.config.time, at - this.elapsedMs());
      if (starting) this.startPartition(random);
      else this.stopPartition();
      starting = !starting;
      next = at + random.next() * 2 * intervalMs;
    }
  }

  private startPartition(random: Random): void {
    const shape = pick(random, PARTITION_SHAPES);
    this.recorder.record({ process: 'nemesis', type: 'info', f: 'start-partition', value: shape });
    const grudge = grudgeFor(shape, this.config.options.nodeIds, random);
    this.network.partition(grudge);
    this.partition = shape;
    this.recorder.record({
      process: 'nemesis',
      type: 'info',
      f: 'start-partition',
      value: ['isolated', grudgeToJson(grudge)],
    });
  }

  private stopPartition(): void {
    this.recorder.record({ process: 'nemesis', type: 'info', f: 'stop-partition', value: null });
    this.network.heal();
    this.partition = undefined;
    this.recorder.record({ process: 'nemesis', type: 'info', f: 'stop-partition', value: 'network-healed' });
  }

  // ---- final phase ----------------------------------------------------------------------------------

  private async finalPhase(): Promise<void> {
    const { workload, options, time, log } = this.config;
    const final = workload.final;
    if (!final) return;
    if (options.nemesis.includes('partition')) this.stopPartition();
    this.phase = 'recovery';
    log('Waiting for recovery...');
    const stopProgress = this.startProgress();
    try {
      await sleep(time, RECOVERY_SLEEP_MS);
      this.phase = 'final';
      const cutoff = final.timeLimitS === undefined ? Infinity : this.elapsedMs() + final.timeLimitS * 1000;
      await Promise.all(
        this.workers.map(async (worker) => {
          const generator = final.generator({
            options,
            thread: worker.thread,
            random: this.streams.stream(`final-${worker.thread}`),
          });
          const unlisten = this.listen(generator);
          try {
            for (;;) {
              if (this.elapsedMs() >= cutoff) return;
              const op = generator.next({
                time: this.nanos(),
                thread: worker.thread,
                process: worker.process,
              });
              if (!op) return;
              if (op.delayMs) await sleep(time, op.delayMs);
              if (this.elapsedMs() >= cutoff) return;
              worker.busy = true;
              await this.perform(worker, op).finally(() => (worker.busy = false));
            }
          } finally {
            unlisten();
          }
        }),
      );
    } finally {
      stopProgress();
    }
  }

  // ---- helpers --------------------------------------------------------------------------------------

  private listen(generator: OpGenerator): () => void {
    const update = generator.update?.bind(generator);
    return update ? this.recorder.listen(update) : () => undefined;
  }

  private startProgress(): () => void {
    const report = this.config.onProgress;
    if (!report) return () => undefined;
    const counts = { ok: 0, fail: 0, info: 0 };
    for (const op of this.recorder.ops)
      if (op.process !== 'nemesis' && op.type !== 'invoke') counts[op.type]++;
    const unlisten = this.recorder.listen((op) => {
      if (op.process !== 'nemesis' && op.type !== 'invoke') counts[op.type]++;
    });
    const tick = () =>
      report({
        elapsedS: this.elapsedMs() / 1000,
        timeLimitS: this.config.options.timeLimitS,
        phase: this.phase,
        ...counts,
        partition: this.partition,
      });
    tick();
    const stop = this.config.time.setInterval(tick, 250);
    return () => {
      stop();
      unlisten();
    };
  }

  private elapsedMs(): number {
    return this.config.time.now() - this.originMs;
  }

  private nanos(): number {
    return Math.round((this.config.time.now() - this.originMs) * 1e6);
  }
}
