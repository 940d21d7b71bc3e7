import type { BroadcastOptions } from './broadcast-options';

/** The parameters each broadcast challenge binds; `tools/` sweeps them to show the trade-off. */
export const BROADCAST_PRESETS = {
  /** 3a, 3b: flood each new value along Maelstrom's topology at once (no faults to survive). */
  flood: { overlay: 'given', flushIntervalMs: 0, reliable: false },
  /** 3c: flooding on the given topology, numbered batches resent until acknowledged, so partitions heal. */
  faultTolerant: { overlay: 'given', flushIntervalMs: 50, reliable: true, retryMs: 500, ackDelayMs: 0 },
  /**
   * 3d (< 30 msgs/op, median < 400 ms, max < 600 ms at 100 ms links): a star overlay (two hops between any two
   * nodes), short batching windows, acknowledgements that mostly ride on batches.
   */
  efficient: { overlay: 'star', flushIntervalMs: 90, reliable: true, retryMs: 1000, ackDelayMs: 400 },
  /** 3e (< 20 msgs/op, median < 1 s, max < 2 s): the same design with longer windows, trading latency for messages. */
  frugal: { overlay: 'star', flushIntervalMs: 450, reliable: true, retryMs: 2000, ackDelayMs: 900 },
} as const satisfies Record<string, BroadcastOptions>;
