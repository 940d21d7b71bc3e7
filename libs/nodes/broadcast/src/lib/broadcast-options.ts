/** How a broadcast node spreads values; each challenge app binds its own. */
export interface BroadcastOptions {
  /**
   * Which peers a node talks to: `given` uses Maelstrom's topology message; `star` makes the first node a hub every
   * other node talks to (two hops between any two nodes); `tree` a spanning tree of the given fanout.
   */
  readonly overlay: 'given' | 'star' | 'tree';
  /** Children per node for the `tree` overlay. */
  readonly fanout?: number;
  /**
   * Values bound for a peer are batched and sent on a timer of this period; 0 sends each value at once (only
   * without `reliable`).
   */
  readonly flushIntervalMs: number;
  /** Number every batch and resend it until the peer acknowledges it, so values survive partitions. */
  readonly reliable: boolean;
  /** A batch not acknowledged this long after sending is resent (its values join the next batch). */
  readonly retryMs?: number;
  /**
   * Acknowledgements ride on the next batch to that peer; a bare acknowledgement is sent only when none has gone
   * out this long after the batch arrived.
   */
  readonly ackDelayMs?: number;
}

export const BROADCAST_OPTIONS = Symbol.for('glomers.BroadcastOptions');
