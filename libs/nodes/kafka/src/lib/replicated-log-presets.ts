import { is } from '@glomers/protocol';
import { DEFAULT_TIMING, type ReplicatedLogOptions, type ReplicatedLogTiming } from '@glomers/replicated-log';
import { withJsonOverrides } from '@glomers/runtime';

/**
 * Challenge 5c's replicated log: sends leave in batches at most once per linger per follower (and a follower's
 * forwards ride on its acknowledgements). The linger trades send latency for messages; the sweep behind the value
 * is in libs/replicated-log/README.md.
 */
export const EFFICIENT_LOG_TIMING: Partial<ReplicatedLogTiming> = { lingerMs: 6 };

const TIMING_SHAPE = Object.fromEntries(
  Object.keys(DEFAULT_TIMING).map((key) => [key, is.optional(is.nonNegativeInt)]),
);

/** Replicated-log options with `timing`, and the fields of a JSON object laid over it (sweeps). */
export function replicatedLogOptions(
  timing: Partial<ReplicatedLogTiming>,
  overrides?: string,
): ReplicatedLogOptions {
  return { timing: withJsonOverrides(timing, overrides, TIMING_SHAPE, 'replicated-log timing') };
}
