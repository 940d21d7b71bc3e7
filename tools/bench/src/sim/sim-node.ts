import type { Logger, NodeApp, Transport } from '@glomers/runtime';
import { NetworkTransport, type Cancel, type Random, type Scheduler, type VirtualTime } from '@glomers/sim';
import { rememberLine, type NodeHandle, type NodeLaunchOptions } from '../core/node-handle';
import { NodeLog } from '../core/node-log';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface SimNodeOptions {
  readonly app: NodeApp;
  readonly time: VirtualTime;
  /** The node's own seeded stream. */
  readonly random: Random;
  /** Virtual ms from a message arriving at the node to its handler. */
  readonly processingMs: number;
  /** Log lines below this level are dropped, as GLOMERS_LOG does for a node process. */
  readonly logFloor: LogLevel;
}

/**
 * One node of a runtime-based app, in the bench's process on virtual time: the app's own container built on
 * simulated ports (a network transport, the virtual clock and scheduler, a seeded random, a logger writing the
 * node's log). Whatever escapes the node's code (a throw from a handler's surroundings or a timer) crashes the node
 * as it would crash its process: it leaves the network, its timers stop, and the runner hears of an early exit.
 */
export class SimNode implements NodeHandle {
  readonly recentStdout: string[] = [];
  readonly recentStderr: string[] = [];
  private readonly transport: NetworkTransport;
  private readonly log: NodeLog;
  private stopped = false;

  constructor(
    private readonly options: NodeLaunchOptions,
    sim: SimNodeOptions,
  ) {
    this.log = new NodeLog(options.logFile);
    this.transport = new NetworkTransport({
      id: options.id,
      network: options.network,
      scheduler: sim.time,
      processingMs: sim.processingMs,
      onInvalidOutput: (line, reason) =>
        options.onInvalidOutput({ node: options.id, line, reason, time: options.now() }),
    });
    const transport: Transport = {
      start: (onLine, onClose) => this.transport.start((line) => this.guard(() => onLine(line)), onClose),
      write: (line) => {
        if (this.stopped) return;
        rememberLine(this.recentStdout, line);
        this.transport.write(line);
      },
    };
    this.guard(() =>
      sim.app.start({
        transport,
        clock: sim.time,
        scheduler: this.guardedScheduler(sim.time),
        logger: this.logger(sim.logFloor),
        random: sim.random,
      }),
    );
  }

  get id(): string {
    return this.options.id;
  }

  /** Teardown, as a kill: the node hears nothing more and its timers stop. Its log is closed by `closeLog`. */
  async kill(): Promise<void> {
    this.stop();
  }

  /** Flushes and closes the node's log file; after the simulation, since it waits on real I/O. */
  closeLog(): Promise<void> {
    return this.log.close();
  }

  private stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.transport.leave();
  }

  /** Runs node code; a throw crashes the node, as an uncaught exception ends a node process with status 1. */
  private guard(run: () => void): void {
    if (this.stopped) return;
    try {
      run();
    } catch (error) {
      this.stderr(`Uncaught ${(error as Error).stack ?? String(error)}`);
      this.stop();
      this.options.onEarlyExit({ node: this.options.id, code: 1, signal: null });
    }
  }

  private guardedScheduler(time: VirtualTime): Scheduler {
    return {
      setTimeout: (callback, delayMs) => time.setTimeout(() => this.guard(callback), delayMs),
      setInterval: (callback, periodMs) => {
        const cancel: Cancel = time.setInterval(() => {
          if (this.stopped) cancel();
          else this.guard(callback);
        }, periodMs);
        return cancel;
      },
    };
  }

  private logger(floor: LogLevel): Logger {
    const at = (level: LogLevel) => (message: string) => {
      if (LOG_LEVELS.indexOf(level) >= LOG_LEVELS.indexOf(floor))
        this.stderr(`${level.toUpperCase()} ${message}`);
    };
    return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  }

  private stderr(text: string): void {
    for (const line of text.split('\n')) {
      rememberLine(this.recentStderr, line);
      this.log.write(line);
      this.options.echoStderr?.(this.options.id, line);
    }
  }
}
