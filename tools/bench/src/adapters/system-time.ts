import type { Cancel, Clock, Scheduler } from '@glomers/runtime';
import { performance } from 'node:perf_hooks';

/** Wall-clock time and real timers, for process mode. (A simulated-time run swaps in VirtualTime.) */
export class SystemTime implements Clock, Scheduler {
  now(): number {
    return performance.now();
  }

  setTimeout(callback: () => void, delayMs: number): Cancel {
    const timer = setTimeout(callback, Math.max(0, delayMs));
    return () => clearTimeout(timer);
  }

  setInterval(callback: () => void, periodMs: number): Cancel {
    const timer = setInterval(callback, Math.max(1, periodMs));
    return () => clearInterval(timer);
  }
}

/** Resolves after `ms` on the given scheduler. */
export function sleep(scheduler: Scheduler, ms: number): Promise<void> {
  return new Promise((resolve) => scheduler.setTimeout(resolve, ms));
}
