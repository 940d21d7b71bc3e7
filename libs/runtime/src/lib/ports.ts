/**
 * The ports through which a node touches the world. Node code reaches time, timers, randomness, logs and the
 * wire only through these, so the same node runs over stdio in production and under virtual time in tests and
 * simulations. Time and randomness ports are declared once, in the simulation kernel, and re-exported here.
 */
export type { Cancel, Clock, Random, Scheduler } from '@glomers/sim';

/** Moves whole lines of text; one line is one message. */
export interface Transport {
  /** Starts delivering lines; `onClose` runs once when no more lines will come. */
  start(onLine: (line: string) => void, onClose: () => void): void;
  write(line: string): void;
}

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const PORTS = {
  Transport: Symbol.for('glomers.Transport'),
  Clock: Symbol.for('glomers.Clock'),
  Scheduler: Symbol.for('glomers.Scheduler'),
  Random: Symbol.for('glomers.Random'),
  Logger: Symbol.for('glomers.Logger'),
} as const;
