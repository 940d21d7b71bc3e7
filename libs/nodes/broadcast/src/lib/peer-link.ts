import type { GossipBody } from './gossip';

export interface LinkTiming {
  readonly retryMs: number;
  readonly ackDelayMs: number;
}

interface InFlight {
  readonly values: readonly number[];
  readonly sentAt: number;
}

/**
 * What one node owes one peer: values not yet sent, batches sent but not acknowledged, and acknowledgements owed
 * for the peer's batches. `flush` turns that into at most one message.
 */
export class PeerLink {
  private readonly outbox = new Set<number>();
  private readonly inFlight = new Map<number, InFlight>();
  private acksOwed: number[] = [];
  private ackOwedSince = 0;
  private nextBatch = 1;

  constructor(private readonly timing: LinkTiming | undefined) {}

  enqueue(values: Iterable<number>): void {
    for (const value of values) this.outbox.add(value);
  }

  get idle(): boolean {
    return this.outbox.size === 0 && this.inFlight.size === 0 && this.acksOwed.length === 0;
  }

  received(batch: number, now: number): void {
    if (this.acksOwed.length === 0) this.ackOwedSince = now;
    this.acksOwed.push(batch);
  }

  acknowledged(batches: readonly number[]): void {
    for (const batch of batches) this.inFlight.delete(batch);
  }

  /** The message to send now, if any: a batch of pending (and timed-out) values, or overdue acknowledgements. */
  flush(now: number): GossipBody | undefined {
    if (!this.timing) return this.flushUnreliable();
    for (const [batch, sent] of this.inFlight) {
      if (now - sent.sentAt < this.timing.retryMs) continue;
      this.inFlight.delete(batch);
      this.enqueue(sent.values);
    }
    const acks = this.acksOwed;
    if (this.outbox.size > 0) {
      const values = [...this.outbox];
      const batch = this.nextBatch++;
      this.outbox.clear();
      this.acksOwed = [];
      this.inFlight.set(batch, { values, sentAt: now });
      return acks.length > 0 ? { type: 'gossip', batch, values, acks } : { type: 'gossip', batch, values };
    }
    if (acks.length > 0 && now - this.ackOwedSince >= this.timing.ackDelayMs) {
      this.acksOwed = [];
      return { type: 'gossip', acks };
    }
    return undefined;
  }

  private flushUnreliable(): GossipBody | undefined {
    if (this.outbox.size === 0) return undefined;
    const values = [...this.outbox];
    this.outbox.clear();
    return { type: 'gossip', values };
  }
}
