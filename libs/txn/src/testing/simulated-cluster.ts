import { completeGrudge, VirtualTime, type Grudge } from '@glomers/sim';
import { Replicator } from '../lib/replicator';
import type { NodeId } from '../lib/stamp';
import { TxnStore } from '../lib/txn-store';

interface Envelope {
  readonly src: NodeId;
  readonly dest: NodeId;
  /** Serialized, as on the wire, so nothing is shared by reference between nodes. */
  readonly body: string;
}

export interface ClusterNode {
  readonly id: NodeId;
  readonly store: TxnStore;
  readonly replicator: Replicator;
}

/** The replicators' timing in a simulated cluster (short, so tests need few steps of virtual time). */
export const FLUSH_INTERVAL_MS = 25;
export const RETRY_AFTER_MS = 200;

/**
 * Replicas in virtual time under an adversarial scheduler, harsher than Maelstrom's network (the simulation
 * kernel's, which delivers each message exactly once): messages wait in `inFlight` until the test delivers,
 * duplicates or drops them, in whatever order it picks. A partition is a kernel grudge, checked when a message is
 * sent and when it would be delivered.
 */
export class SimulatedCluster {
  readonly time = new VirtualTime();
  readonly nodes: readonly ClusterNode[];
  readonly inFlight: Envelope[] = [];
  private grudge: Grudge = new Map();

  constructor(count: number) {
    const ids = Array.from({ length: count }, (_, i) => `n${i}`);
    this.nodes = ids.map((id) => {
      const store = new TxnStore(id);
      const replicator = new Replicator({
        self: id,
        peers: ids,
        target: store,
        send: (dest, body) => this.send({ src: id, dest, body: JSON.stringify(body) }),
        scheduler: this.time,
        clock: this.time,
        flushIntervalMs: FLUSH_INTERVAL_MS,
        retryAfterMs: RETRY_AFTER_MS,
      });
      replicator.start();
      return { id, store, replicator };
    });
  }

  node(index: number): ClusterNode {
    return this.nodes[index % this.nodes.length];
  }

  deliver(index: number): void {
    const [envelope] = this.inFlight.splice(index % this.inFlight.length, 1);
    this.receive(envelope);
  }

  duplicate(index: number): void {
    this.receive(this.inFlight[index % this.inFlight.length]);
  }

  drop(index: number): void {
    this.inFlight.splice(index % this.inFlight.length, 1);
  }

  /** Cuts every link between the nodes whose bit is set in `mask` and the others; mask 0 (or all) heals. */
  partition(mask: number): void {
    const inside = (i: number) => ((mask >> i) & 1) === 1;
    const ids = this.nodes.map((n) => n.id);
    this.grudge = completeGrudge([ids.filter((_, i) => inside(i)), ids.filter((_, i) => !inside(i))]);
  }

  /** Heals, then lets time pass and delivers everything until no message moves and every outbox is empty. */
  quiesce(maxRounds = 1000): boolean {
    this.partition(0);
    for (let round = 0; round < maxRounds; round++) {
      if (this.inFlight.length === 0 && this.nodes.every((n) => n.replicator.isIdle())) return true;
      while (this.inFlight.length > 0) this.deliver(0);
      this.time.advance(FLUSH_INTERVAL_MS);
    }
    return false;
  }

  private blocked({ src, dest }: Envelope): boolean {
    return this.grudge.get(dest)?.has(src) ?? false;
  }

  private send(envelope: Envelope): void {
    if (!this.blocked(envelope)) this.inFlight.push(envelope);
  }

  private receive(envelope: Envelope): void {
    if (this.blocked(envelope)) return;
    const target = this.nodes.find((n) => n.id === envelope.dest);
    const body: unknown = JSON.parse(envelope.body);
    if (target === undefined || !target.replicator.receive(envelope.src, body))
      throw new Error(`undeliverable ${envelope.body}`);
  }
}
