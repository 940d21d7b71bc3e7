import type { Clock, Scheduler } from '@glomers/sim';
import { PeerOutbox } from './peer-outbox';
import type { ReplicatedWrite } from './register-replica';
import {
  ackMessage,
  parseReplicationMessage,
  replicateMessage,
  type ReplicationMessage,
} from './replication-messages';
import type { NodeId } from './stamp';

export type SendReplication = (dest: NodeId, body: ReplicationMessage) => void;

/** Where received writes go: a `TxnStore` fits. */
export interface ReplicationTarget {
  merge(origin: NodeId, writes: readonly ReplicatedWrite[]): void;
}

export interface ReplicatorOptions {
  readonly self: NodeId;
  readonly peers: readonly NodeId[];
  readonly target: ReplicationTarget;
  readonly send: SendReplication;
  readonly scheduler: Scheduler;
  readonly clock: Clock;
  /** How often pending writes leave: the batching window. */
  readonly flushIntervalMs?: number;
  /** How long a batch may stay unacknowledged before it is sent again (with whatever joined it). */
  readonly retryAfterMs?: number;
}

/**
 * Sends this node's committed writes to every peer until each peer acknowledges them, and applies and acknowledges
 * the peers' writes. Every node sends its own writes to every peer directly, so nothing is relayed.
 */
export class Replicator {
  private readonly outboxes: ReadonlyMap<NodeId, PeerOutbox>;
  private readonly flushIntervalMs: number;
  private readonly retryAfterMs: number;
  private batchCount = 0;
  private stopTicking: (() => void) | undefined;

  constructor(private readonly options: ReplicatorOptions) {
    this.outboxes = new Map(
      options.peers.filter((p) => p !== options.self).map((p) => [p, new PeerOutbox()]),
    );
    this.flushIntervalMs = options.flushIntervalMs ?? 25;
    this.retryAfterMs = options.retryAfterMs ?? 500;
  }

  start(): void {
    this.stopTicking ??= this.options.scheduler.setInterval(() => this.flush(), this.flushIntervalMs);
  }

  stop(): void {
    this.stopTicking?.();
    this.stopTicking = undefined;
  }

  /** Queues writes committed here (a `CommittedTxn`'s `writes`) for every peer. */
  publish(writes: readonly ReplicatedWrite[]): void {
    if (writes.length === 0) return;
    for (const outbox of this.outboxes.values()) outbox.add(writes);
  }

  /** Sends what is due now; `start` calls it every `flushIntervalMs`. */
  flush(): void {
    const now = this.options.clock.now();
    for (const [peer, outbox] of this.outboxes) {
      const due = outbox.takeBatch(now, this.retryAfterMs, () => ++this.batchCount);
      if (due !== undefined)
        this.options.send(peer, replicateMessage(this.options.self, due.batch, due.writes));
    }
  }

  /**
   * Handles a replication message from peer `from`; returns false (and does nothing) for any other body, and for
   * one whose origin (or acknowledging node) is not `from`, so a message can neither forge nor redirect writes.
   */
  receive(from: NodeId, body: unknown): boolean {
    const message = parseReplicationMessage(body);
    if (message === undefined) return false;
    if ((message.type === 'txn_replicate' ? message.origin : message.from) !== from) return false;
    if (message.type === 'txn_replicate') {
      this.options.target.merge(message.origin, message.writes);
      this.options.send(message.origin, ackMessage(this.options.self, message.batch));
    } else {
      this.outboxes.get(message.from)?.acknowledge(message.batch);
    }
    return true;
  }

  /** True when every peer has acknowledged every write published here. */
  isIdle(): boolean {
    return [...this.outboxes.values()].every((outbox) => outbox.isIdle());
  }
}
