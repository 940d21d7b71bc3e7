import { sleep, type RandomStreams } from '@glomers/sim';
import type { FinalPhase, OpGenerator, TestOptions } from '../lib/workload';
import type { RunClock } from './run-clock';
import type { WorkerPool } from './worker-pool';

/**
 * The final phase after recovery: every worker runs its own `final.generator(thread)` to exhaustion, one op at a
 * time, without rate limiting, all workers in parallel, the whole phase capped at `final.timeLimitS` if set.
 * `listen` hands a generator the history as it grows (and returns how to stop).
 */
export function runFinalOps(
  final: FinalPhase,
  options: TestOptions,
  pool: WorkerPool,
  streams: RandomStreams,
  clock: RunClock,
  listen: (generator: OpGenerator) => () => void,
): Promise<void[]> {
  const cutoff = final.timeLimitS === undefined ? Infinity : clock.elapsedMs() + final.timeLimitS * 1000;
  return Promise.all(
    pool.workers.map(async (worker) => {
      const generator = final.generator({
        options,
        thread: worker.thread,
        random: streams.stream(`final-${worker.thread}`),
      });
      const unlisten = listen(generator);
      try {
        for (;;) {
          if (clock.elapsedMs() >= cutoff) return;
          const op = generator.next({ time: clock.nanos(), thread: worker.thread, process: worker.process });
          if (!op) return;
          if (op.delayMs) await sleep(clock.time, op.delayMs);
          if (clock.elapsedMs() >= cutoff) return;
          worker.busy = true;
          await pool.perform(worker, op).finally(() => (worker.busy = false));
        }
      } finally {
        unlisten();
      }
    }),
  );
}
