/**
 * The time and randomness ports. Code that reaches time, timers and randomness only through these runs unchanged
 * on the system clock in production and on virtual time in a simulation. Declared once, here, for every layer.
 */

export interface Clock {
  /** Milliseconds on a monotonic clock; only differences are meaningful. */
  now(): number;
}

/** Cancels a timer; calling it twice, or after the timer fired, does nothing. */
export type Cancel = () => void;

export interface Scheduler {
  setTimeout(callback: () => void, delayMs: number): Cancel;
  setInterval(callback: () => void, periodMs: number): Cancel;
}

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, bound). */
  int(bound: number): number;
}

/** Resolves after `ms` on the given scheduler. */
export function sleep(scheduler: Scheduler, ms: number): Promise<void> {
  return new Promise((resolve) => scheduler.setTimeout(resolve, ms));
}
