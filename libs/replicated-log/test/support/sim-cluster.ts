import {
  InMemoryLeaseStore,
  ReplicatedLogNode,
  type LogEntry,
  type ReplicatedLogTiming,
  type ReplicationMessage,
} from '../../src';
import { RemoteLeaseStore } from './remote-lease-store';
import { Seeded } from './seeded';
import { SimTime } from './sim-time';

export interface SimClusterOptions {
  readonly size: number;
  readonly seed: number;
  /** Peer messages take a uniform 0..maxLatencyMs (so they reorder) and are lost with `lossRate`. */
  readonly maxLatencyMs?: number;
  readonly lossRate?: number;
  readonly storeLatencyMs?: number;
  readonly timing?: Partial<ReplicatedLogTiming>;
}

/** Nodes of the replicated log on virtual time, over a lossy, reordering, partitionable network. */
export class SimCluster {
  readonly time = new SimTime();
  readonly register = new InMemoryLeaseStore();
  readonly random: Seeded;
  readonly ids: readonly string[];
  readonly nodes = new Map<string, ReplicatedLogNode>();
  readonly stores = new Map<string, RemoteLeaseStore>();
  /** Pairs `a>b` whose messages from a to b are dropped. */
  readonly cuts = new Set<string>();
  messagesSent = 0;
  readonly sentByType = new Map<string, number>();

  constructor(private readonly options: SimClusterOptions) {
    this.random = new Seeded(options.seed);
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
    }
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
    for (const other of this.ids) {
      if (other === id) continue;
      this.cuts.add(`${id}>${other}`);
      this.cuts.add(`${other}>${id}`);
    }
  }

  heal(): void {
    this.cuts.clear();
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
    if (this.cuts.has(`${from}>${to}`)) return;
    if (this.random.chance(this.options.lossRate ?? 0)) return;
    const wire = JSON.stringify(message);
    const delay = this.random.int((this.options.maxLatencyMs ?? 0) + 1);
    this.time.setTimeout(() => {
      if (!this.cuts.has(`${from}>${to}`)) this.node(to).receive(from, JSON.parse(wire));
    }, delay);
  }
}
