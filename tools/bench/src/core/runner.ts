import { latencySampler, Network, RandomStreams, sleep, startServices } from '@glomers/sim';
import { NetStats } from '../checkers/net-stats';
import type { OpGenerator } from '../lib/workload';
import { ClientFactory } from './client-connection';
import { Cluster } from './cluster';
import { runFinalOps } from './final-phase';
import { HistoryRecorder } from './history-recorder';
import { PartitionNemesis } from './nemesis';
import { RunClock } from './run-clock';
import { RunAborted, type Progress, type RunConfig, type RunResult } from './run-config';
import { WorkerPool } from './worker-pool';

export const RECOVERY_SLEEP_MS = 10_000;

/**
 * Runs one test the way Maelstrom does (§1.5, §4): network and services, the nodes (cluster.ts: launch, init,
 * setup, teardown), the main phase under the global release clock (below) with the partition nemesis alongside
 * (nemesis.ts), the client threads (worker-pool.ts), then the final phase (final-phase.ts) and teardown. All
 * timing goes through `config.time`, all randomness through streams derived from `config.seed`.
 */
export class Runner {
  private readonly streams: RandomStreams;
  private readonly clock: RunClock;
  private readonly network: Network;
  private readonly recorder: HistoryRecorder;
  private readonly netStats = new NetStats();
  private readonly cluster: Cluster;
  private readonly pool: WorkerPool;
  private readonly nemesis: PartitionNemesis;
  private phase: Progress['phase'] = 'main';

  constructor(private readonly config: RunConfig) {
    this.streams = new RandomStreams(config.seed);
    this.clock = new RunClock(config.time);
    this.network = new Network({
      clock: config.time,
      scheduler: config.time,
      latency: latencySampler(config.latency.dist, config.latency.meanMs, this.streams.stream('latency')),
      journal: (event) => {
        this.netStats.record(event);
        config.journal(event);
      },
      startMs: config.time.now(),
    });
    const clients = new ClientFactory(this.network, config.time);
    this.recorder = new HistoryRecorder(() => this.clock.nanos());
    this.cluster = new Cluster(config, this.network, clients, () => this.clock.nanos());
    this.pool = new WorkerPool(config.workload, config.options, clients, this.recorder, this.streams);
    this.nemesis = new PartitionNemesis(
      config.options.nodeIds,
      config.nemesisIntervalS,
      this.network,
      this.recorder,
      this.clock,
    );
  }

  async run(): Promise<RunResult> {
    let crash: string | undefined;
    try {
      startServices(this.network, {
        seqKv: this.streams.stream('seq-kv'),
        lwwKv: this.streams.stream('lww-kv'),
      });
      this.cluster.start();
      await this.cluster.init();
      await this.cluster.setup(this.streams);
      await this.mainPhase();
      if (this.config.workload.final) await this.finalPhase();
    } catch (error) {
      crash =
        error instanceof RunAborted ? error.message : `Internal error: ${(error as Error).stack ?? error}`;
    }
    await this.pool.close();
    await this.cluster.stop();
    crash ??= this.cluster.crashReport();
    return {
      history: this.recorder.ops,
      netStats: this.netStats,
      invalidOutputs: this.cluster.invalidOutputs,
      crash,
    };
  }

  private async mainPhase(): Promise<void> {
    const { options, workload, log } = this.config;
    this.clock.restart();
    log('Relative time begins now');
    this.pool.open();
    const cutoffMs = options.timeLimitS * 1000;
    const generator = workload.generator({ options, random: this.streams.stream('generator') });
    const unlisten = this.listen(generator);
    const stopProgress = this.startProgress();
    try {
      const nemesis = options.nemesis.includes('partition')
        ? this.nemesis.run(this.streams.stream('nemesis'), cutoffMs)
        : Promise.resolve();
      await this.releaseLoop(generator, cutoffMs);
      await nemesis;
      await this.pool.drain();
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
      let worker = this.pool.freeWorker();
      if (!worker) {
        await this.pool.anyDone();
        continue;
      }
      const now = this.clock.elapsedMs();
      const releaseAt = Math.max(nextRelease ?? now, now);
      if (releaseAt >= cutoffMs) return;
      // Timers have 1 ms granularity: a release due within 1 ms goes now, so high rates are not slowed down.
      if (releaseAt - now >= 1) {
        await sleep(this.config.time, releaseAt - now);
        worker = this.pool.freeWorker() ?? worker;
      }
      const op = generator.next({ time: this.clock.nanos(), thread: worker.thread, process: worker.process });
      if (!op) return;
      nextRelease = releaseAt + gaps.next() * 2 * meanGapMs;
      this.pool.dispatch(worker, op);
    }
  }

  /** Heals the network, waits for recovery, then runs the workload's final ops. */
  private async finalPhase(): Promise<void> {
    const { workload, options, time, log } = this.config;
    const final = workload.final;
    if (!final) return;
    if (options.nemesis.includes('partition')) this.nemesis.stop();
    this.phase = 'recovery';
    log('Waiting for recovery...');
    const stopProgress = this.startProgress();
    try {
      await sleep(time, RECOVERY_SLEEP_MS);
      this.phase = 'final';
      await runFinalOps(final, options, this.pool, this.streams, this.clock, (generator) =>
        this.listen(generator),
      );
    } finally {
      stopProgress();
    }
  }

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
        elapsedS: this.clock.elapsedMs() / 1000,
        timeLimitS: this.config.options.timeLimitS,
        phase: this.phase,
        ...counts,
        partition: this.nemesis.partition,
      });
    tick();
    const stop = this.config.time.setInterval(tick, 250);
    return () => {
      stop();
      unlisten();
    };
  }
}
