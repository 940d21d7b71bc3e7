import { Replicator, type NodeId, type TxnStore } from '../../src';
import { VirtualTime } from './virtual-time';

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

export const FLUSH_INTERVAL_MS = 25;
export const RETRY_AFTER_MS = 200;

/**
 * Replicas wired through a simulated network in virtual time. Messages wait in `inFlight` until the test delivers,
 * duplicates or drops them, in whatever order it picks; a partition drops messages between cut-off nodes when they
 * are sent and when they would be delivered (as Maelstrom's does).
 */
export class SimulatedCluster {
  readonly time = new VirtualTime();
  readonly nodes: readonly ClusterNode[];
  readonly inFlight: Envelope[] = [];
  private blocked = new Set<string>();

  constructor(count: number, makeStore: (id: NodeId) => TxnStore) {
    const ids = Array.from({ length: count }, (_, i) => `n${i}`);
    this.nodes = ids.map((id) => {
      const store = makeStore(id);
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
    this.blocked = new Set();
    for (const [i, a] of this.nodes.entries()) {
      for (const [j, b] of this.nodes.entries()) {
        if (((mask >> i) & 1) !== ((mask >> j) & 1)) this.blocked.add(`${a.id}>${b.id}`);
      }
    }
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

  private send(envelope: Envelope): void {
    if (!this.blocked.has(`${envelope.src}>${envelope.dest}`)) this.inFlight.push(envelope);
  }

  private receive(envelope: Envelope): void {
    if (this.blocked.has(`${envelope.src}>${envelope.dest}`)) return;
    const target = this.nodes.find((n) => n.id === envelope.dest);
    const body: unknown = JSON.parse(envelope.body);
    if (target === undefined || !target.replicator.receive(body))
      throw new Error(`undeliverable ${envelope.body}`);
  }
}
