import type { NodeApp } from '@glomers/runtime';
import { RandomStreams, VirtualTime } from '@glomers/sim';
import type { NodeLauncher } from '../core/node-handle';
import { Runner, type RunConfig, type RunResult } from '../core/runner';
import { SimNode, type LogLevel } from './sim-node';

export interface SimOptions {
  readonly app: NodeApp;
  /** Virtual ms each node spends on each message it receives. */
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
  // A node process dies of a rejection nothing handles; in-process the rejection surfaces here instead.
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  let result: RunResult;
  try {
    result = await time.drive(new Runner({ ...config, time, launch }).run());
  } finally {
    process.off('unhandledRejection', onUnhandled);
    await Promise.all(nodes.map((node) => node.closeLog()));
  }
  const crash =
    result.crash ??
    (unhandled.length > 0
      ? `A promise in a node was rejected and nothing handled it (a node process exits with status 1 on that):\n` +
        `${(unhandled[0] as Error)?.stack ?? String(unhandled[0])}`
      : undefined);
  return { ...result, crash, virtualTimeMs: time.now() };
}
