import type { Cancel, Clock, Scheduler } from '@glomers/sim';
import { performance } from 'node:perf_hooks';

/** Wall-clock time and real timers, for the process engine (the sim engine runs on the kernel's VirtualTime). */
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
