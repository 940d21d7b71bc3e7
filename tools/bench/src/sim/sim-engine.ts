import type { NodeApp } from '@glomers/runtime';
import { RandomStreams, VirtualTime } from '@glomers/sim';
import type { NodeLauncher } from '../core/node-handle';
import { Runner } from '../core/runner';
import type { RunConfig, RunResult } from '../core/run-config';
import { SimNode, type LogLevel } from './sim-node';

export interface SimOptions {
  readonly app: NodeApp;
  /** Virtual ms from a message arriving at a node to its handler. */
  readonly processingMs: number;
  readonly logFloor: LogLevel;
}

export interface SimRunResult extends RunResult {
  /** Virtual time the whole run took, in ms. */
  readonly virtualTimeMs: number;
}

/**
 * Runs one test with every node in this process on one virtual clock: the runner, its network, services, clients,
 * generator and nemesis exactly as the process engine has them, nodes launched as SimNodes. Time moves only when
 * everything has done what it can at the current instant, so a seed fixes the whole run.
 */
export async function runOnSim(
  config: Omit<RunConfig, 'time' | 'launch'>,
  sim: SimOptions,
): Promise<SimRunResult> {
  const time = new VirtualTime();
  const streams = new RandomStreams(config.seed);
  const nodes: SimNode[] = [];
  const launch: NodeLauncher = (options) => {
    const node = new SimNode(options, {
      app: sim.app,
      time,
      random: streams.stream(`node-${options.id}`),
      processingMs: sim.processingMs,
      logFloor: sim.logFloor,
    });
    nodes.push(node);
    return node;
  };
  // A node process dies of an exception or rejection nothing handles; in-process, those that escape a SimNode's
  // guard (thrown from a promise continuation) surface here instead, and end the run as the crash would.
  const escaped: unknown[] = [];
  const onEscape = (error: unknown) => escaped.push(error);
  process.on('unhandledRejection', onEscape);
  process.on('uncaughtException', onEscape);
  let result: RunResult;
  try {
    result = await time.drive(new Runner({ ...config, time, launch }).run());
  } finally {
    process.off('unhandledRejection', onEscape);
    process.off('uncaughtException', onEscape);
    await Promise.all(nodes.map((node) => node.closeLog()));
  }
  const crash =
    result.crash ??
    (escaped.length > 0
      ? 'Code in a node threw or rejected with nothing to catch it (a node process exits with status 1 on that):\n' +
        `${(escaped[0] as Error)?.stack ?? String(escaped[0])}`
      : undefined);
  return { ...result, crash, virtualTimeMs: time.now() };
}
