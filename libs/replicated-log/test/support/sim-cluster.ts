import { Simulation, type Random } from '@glomers/sim';
import {
  InMemoryLeaseStore,
  ReplicatedLogNode,
  type LogEntry,
  type ReplicatedLogTiming,
  type ReplicationMessage,
} from '../../src';
import { RemoteLeaseStore } from './remote-lease-store';

export interface SimClusterOptions {
  readonly size: number;
  readonly seed: number;
  /** Peer messages take a uniform 0..maxLatencyMs (so they reorder) and are lost with `lossRate`. */
  readonly maxLatencyMs?: number;
  readonly lossRate?: number;
  readonly storeLatencyMs?: number;
  readonly timing?: Partial<ReplicatedLogTiming>;
}

/**
 * Nodes of the replicated log on the simulation kernel: Maelstrom's network (partitions as grudges) with uniform
 * latencies, plus message loss, which Maelstrom does not do but a log must survive.
 */
export class SimCluster {
  readonly simulation: Simulation;
  readonly register = new InMemoryLeaseStore();
  /** The test's own random choices (which node, which key, which fault). */
  readonly random: Random;
  readonly ids: readonly string[];
  readonly nodes = new Map<string, ReplicatedLogNode>();
  readonly stores = new Map<string, RemoteLeaseStore>();
  messagesSent = 0;
  readonly sentByType = new Map<string, number>();
  private readonly loss: Random;

  constructor(private readonly options: SimClusterOptions) {
    const maxLatencyMs = options.maxLatencyMs ?? 0;
    this.simulation = new Simulation({ seed: options.seed, latencyMs: (r) => r.int(maxLatencyMs + 1) });
    this.random = this.simulation.streams.stream('test');
    this.loss = this.simulation.streams.stream('loss');
    this.ids = Array.from({ length: options.size }, (_, i) => `n${i}`);
    for (const id of this.ids) {
      const store = new RemoteLeaseStore(this.register, this.time, options.storeLatencyMs ?? 1);
      this.stores.set(id, store);
      const node = new ReplicatedLogNode(
        {
          nodeId: id,
          nodeIds: this.ids,
          send: (dest, message) => this.send(id, dest, message),
          clock: this.time,
          scheduler: this.time,
          leaseStore: store,
        },
        { timing: options.timing },
      );
      this.nodes.set(id, node);
      this.simulation.network.register(id, ({ src, body }) =>
        node.receive(src, body as unknown as ReplicationMessage),
      );
    }
  }

  get time(): Simulation['time'] {
    return this.simulation.time;
  }

  start(): void {
    for (const node of this.nodes.values()) node.start();
  }

  node(id: string): ReplicatedLogNode {
    const node = this.nodes.get(id);
    if (!node) throw new Error(id);
    return node;
  }

  store(id: string): RemoteLeaseStore {
    const store = this.stores.get(id);
    if (!store) throw new Error(id);
    return store;
  }

  leaders(): string[] {
    return this.ids.filter((id) => this.node(id).status.role === 'leader');
  }

  /** Cuts `id` off from every other node, both ways (the lease store stays reachable, as in Maelstrom). */
  isolate(id: string): void {
    this.simulation.isolate([id], this.ids);
  }

  heal(): void {
    this.simulation.heal();
    for (const store of this.stores.values()) {
      store.cut = false;
      store.loseReplies = false;
    }
  }

  /** Every entry of `key` committed at `id`. */
  entries(id: string, key: string): readonly LogEntry[] {
    return this.node(id).readFrom(key, 0, Number.MAX_SAFE_INTEGER);
  }

  /** Throws unless every node's committed log is a prefix of every other's (no divergence, no gap). */
  assertPrefixConsistent(keys: Iterable<string>): void {
    const ids = [...this.ids];
    for (const key of keys) {
      for (let i = 1; i < ids.length; i++) {
        const a = this.node(ids[0]).log;
        const b = this.node(ids[i]).log;
        const upTo = Math.min(a.nextOffset, b.nextOffset);
        const left = this.entries(ids[0], key).filter(([offset]) => offset < upTo);
        const right = this.entries(ids[i], key).filter(([offset]) => offset < upTo);
        expect(right).toEqual(left);
      }
    }
  }

  private send(from: string, to: string, message: ReplicationMessage): void {
    this.messagesSent++;
    this.sentByType.set(message.type, (this.sentByType.get(message.type) ?? 0) + 1);
    if (this.loss.next() < (this.options.lossRate ?? 0)) return;
    // As on the wire: nothing is shared by reference between nodes.
    this.simulation.network.send(from, to, JSON.parse(JSON.stringify(message)));
  }
}
