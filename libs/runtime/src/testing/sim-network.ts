import {
  isClient,
  NetworkTransport,
  Simulation,
  startServices,
  type Envelope,
  type Grudge,
  type ServiceMap,
  type VirtualTime,
} from '@glomers/sim';
import { Container, type ContainerModule } from 'inversify';
import { portsModule } from '../lib/modules';
import type { Node } from '../lib/node';
import { runNode } from '../lib/program';
import { MemoryLogger } from './memory-logger';

type Body = Record<string, unknown>;

export interface SimNetworkOptions {
  /** One-way delay between nodes (and between a node and a service), in virtual ms; client links have none. */
  readonly latencyMs?: number;
  /** Seeds the services' choices (seq-kv's stale reads, lww-kv's replica) and each node's Random. */
  readonly seed?: number;
}

export interface SimNode {
  readonly container: Container;
  readonly node: Node;
  readonly logger: MemoryLogger;
}

/**
 * Several nodes in one process on one virtual clock, on the simulation kernel's model of Maelstrom's network and
 * services (lin-kv, seq-kv, lww-kv, lin-tso): node-to-node and node-to-service messages take `latencyMs`, client
 * links none, and a partition is a grudge checked as each message is taken off its receiver's queue. Any sender
 * that is not a node (`c1`, or a node id outside the cluster) is registered on first use and collects its inbox.
 */
export class SimNetwork {
  readonly simulation: Simulation;
  readonly services: ServiceMap;
  readonly nodes = new Map<string, SimNode>();
  /** Every message sent, in order. */
  readonly sent: Envelope[] = [];
  /** Messages delivered to ids that are not nodes of the cluster. */
  readonly clientInbox: Envelope[] = [];
  /** Messages nodes sent to other nodes and to services, by body type. */
  readonly sentByType = new Map<string, number>();
  private nextClientMsgId = 1;

  constructor(
    readonly nodeIds: readonly string[],
    modules: readonly ContainerModule[],
    options: SimNetworkOptions = {},
  ) {
    this.simulation = new Simulation({
      seed: options.seed,
      latencyMs: options.latencyMs,
      journal: (event) => event.type === 'send' && this.record(event.message),
    });
    const { streams } = this.simulation;
    this.services = startServices(this.network, {
      seqKv: streams.stream('seq-kv'),
      lwwKv: streams.stream('lww-kv'),
    });
    for (const id of nodeIds) {
      const transport = new NetworkTransport({
        id,
        network: this.network,
        scheduler: this.time,
      });
      const logger = new MemoryLogger();
      const container = new Container();
      container.load(
        portsModule({
          transport,
          clock: this.time,
          scheduler: this.time,
          logger,
          random: streams.stream(`node-${id}`),
        }),
        ...modules,
      );
      this.nodes.set(id, { container, node: runNode(container), logger });
    }
    for (const id of nodeIds)
      this.fromClient(id, { type: 'init', node_id: id, node_ids: [...nodeIds] }, 'c0');
    this.clientInbox.length = 0;
  }

  get time(): VirtualTime {
    return this.simulation.time;
  }

  get network(): Simulation['network'] {
    return this.simulation.network;
  }

  node(id: string): Node {
    const sim = this.nodes.get(id);
    if (!sim) throw new Error(`no node ${id}`);
    return sim.node;
  }

  /** Sends a request from `client` (registered on first use) to `dest`, lets it arrive, and returns its msg_id. */
  fromClient(dest: string, body: Body, client = 'c1'): number {
    const msgId = this.nextClientMsgId++;
    if (!this.network.has(client)) this.network.register(client, (message) => this.clientInbox.push(message));
    this.network.send(client, dest, { ...body, type: String(body['type']), msg_id: msgId });
    this.time.advance(0);
    return msgId;
  }

  /** The reply a client got to `msgId`, if any. */
  replyTo(msgId: number): Body | undefined {
    return this.clientInbox.find((m) => m.body.in_reply_to === msgId)?.body;
  }

  /** Cuts links as `grudge` says (receiver → senders it drops) until `heal`. */
  partition(grudge: Grudge): void {
    this.simulation.partition(grudge);
  }

  /** Cuts every link between `group` and the other nodes until `heal`; services stay reachable, as in Maelstrom. */
  isolate(group: readonly string[]): void {
    this.simulation.isolate(group, this.nodeIds);
  }

  heal(): void {
    this.simulation.heal();
  }

  get serverMessageCount(): number {
    let total = 0;
    for (const count of this.sentByType.values()) total += count;
    return total;
  }

  private record(message: Envelope): void {
    this.sent.push(message);
    if (!this.nodes.has(message.src) || isClient(message.dest)) return;
    this.sentByType.set(message.body.type, (this.sentByType.get(message.body.type) ?? 0) + 1);
  }
}
