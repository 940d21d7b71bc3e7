import type { Clock, Scheduler } from '@glomers/sim';

/**
 * A run's clock as its history counts time: relative to the start of the main phase ("Relative time begins now"),
 * and before that to the start of the run.
 */
export class RunClock {
  private originMs: number;

  constructor(readonly time: Clock & Scheduler) {
    this.originMs = time.now();
  }

  /** Relative time begins now. */
  restart(): void {
    this.originMs = this.time.now();
  }

  elapsedMs(): number {
    return this.time.now() - this.originMs;
  }

  /** Elapsed time in nanoseconds, as Jepsen's `:time`. */
  nanos(): number {
    return Math.round((this.time.now() - this.originMs) * 1e6);
  }
}
