/** Milliseconds on a monotonic clock; only differences within one process are meaningful. */
export interface Clock {
  now(): number;
}

/** Cancels a timer; calling it twice, or after the timer fired, does nothing. */
export type Cancel = () => void;

/** Timers, injected so tests run in virtual time (the runtime's Scheduler fits). */
export interface Scheduler {
  setTimeout(callback: () => void, delayMs: number): Cancel;
  setInterval(callback: () => void, periodMs: number): Cancel;
}
