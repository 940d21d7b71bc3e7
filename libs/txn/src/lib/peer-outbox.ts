import type { Key } from './micro-op';
import type { ReplicatedWrite } from './register-replica';

export interface Batch {
  readonly batch: number;
  readonly writes: readonly ReplicatedWrite[];
}

interface InFlight extends Batch {
  readonly sentAt: number;
}

/**
 * What one peer has not yet acknowledged of this node's own writes. Stop-and-wait: at most one batch is in flight;
 * everything committed meanwhile waits in `pending`, coalesced to the newest write per key (an older write of a key
 * is superseded under last-writer-wins, so the peer never needs it). A batch not acknowledged in time goes back into
 * `pending` and leaves again with whatever joined it, so a write keeps being re-sent until some batch holding it, or
 * a newer write of its key, is acknowledged.
 */
export class PeerOutbox {
  private pending = new Map<Key, ReplicatedWrite>();
  private inFlight: InFlight | undefined;

  add(writes: readonly ReplicatedWrite[]): void {
    for (const write of writes) coalesce(this.pending, write);
  }

  /** The batch to send now, if any: pending writes when nothing is in flight or the batch in flight timed out. */
  takeBatch(now: number, retryAfterMs: number, nextBatchId: () => number): Batch | undefined {
    if (this.inFlight !== undefined) {
      if (now - this.inFlight.sentAt < retryAfterMs) return undefined;
      this.add(this.inFlight.writes);
      this.inFlight = undefined;
    }
    if (this.pending.size === 0) return undefined;
    this.inFlight = { batch: nextBatchId(), writes: [...this.pending.values()], sentAt: now };
    this.pending = new Map();
    return this.inFlight;
  }

  /** Acknowledgements of earlier, already re-sent batches are ignored: their writes are in the current one. */
  acknowledge(batch: number): void {
    if (this.inFlight?.batch === batch) this.inFlight = undefined;
  }

  isIdle(): boolean {
    return this.inFlight === undefined && this.pending.size === 0;
  }
}

/** All writes in an outbox are this node's own, so the counter alone orders two writes of a key. */
function coalesce(pending: Map<Key, ReplicatedWrite>, write: ReplicatedWrite): void {
  const current = pending.get(write[0]);
  if (current === undefined || current[2] < write[2]) pending.set(write[0], write);
}
