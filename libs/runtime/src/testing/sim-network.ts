import type { ContainerModule } from 'inversify';
import { runNode } from '../lib/program';
import type { Node } from '../lib/node';
import type { MemoryKvService } from './memory-kv-service';
import { createTestNodeOn, type TestNode } from './test-node';
import { VirtualTime } from './virtual-time';

interface Envelope {
  readonly src: string;
  readonly dest: string;
  readonly body: Record<string, unknown>;
}

export interface SimNetworkOptions {
  /** One-way delay between nodes, in virtual ms. Client links have none, as in Maelstrom. */
  readonly latencyMs?: number;
  /** In-process services by id (`seq-kv`, `lin-kv`…); never partitioned, latency both ways. */
  readonly services?: Readonly<Record<string, MemoryKvService>>;
}

/**
 * Several nodes in one process on one virtual clock, wired like Maelstrom's network: node-to-node messages take
 * `latencyMs`, and a `drop` predicate (a partition) is checked when a message is sent. Messages to client ids
 * (`c…`) are collected in `clientInbox`.
 */
export class SimNetwork {
  readonly time = new VirtualTime();
  readonly nodes = new Map<string, TestNode>();
  readonly clientInbox: Envelope[] = [];
  /** Node-to-node messages sent (including dropped ones), by body type. */
  readonly sentByType = new Map<string, number>();
  drop: (src: string, dest: string) => boolean = () => false;
  private nextClientMsgId = 1;

  constructor(
    readonly nodeIds: readonly string[],
    modules: readonly ContainerModule[],
    private readonly options: SimNetworkOptions = {},
  ) {
    for (const id of nodeIds) {
      const test = createTestNodeOn(this.time, ...modules);
      test.transport.onOutput((line) => this.route(JSON.parse(line) as Envelope));
      runNode(test.container);
      this.nodes.set(id, test);
    }
    for (const id of nodeIds) this.fromClient(id, { type: 'init', node_id: id, node_ids: [...nodeIds] });
    this.clientInbox.length = 0;
  }

  node(id: string): Node {
    return this.get(id).node;
  }

  /** Sends a request from a client to a node (delivered at once) and returns its msg_id. */
  fromClient(dest: string, body: Record<string, unknown>, client = 'c1'): number {
    const msgId = this.nextClientMsgId++;
    this.get(dest).transport.deliver({ src: client, dest, body: { ...body, msg_id: msgId } });
    return msgId;
  }

  /** The reply a client got to `msgId`, if any. */
  replyTo(msgId: number): Record<string, unknown> | undefined {
    return this.clientInbox.find((m) => m.body['in_reply_to'] === msgId)?.body;
  }

  get serverMessageCount(): number {
    let total = 0;
    for (const count of this.sentByType.values()) total += count;
    return total;
  }

  private route(message: Envelope): void {
    if (message.dest.startsWith('c')) {
      this.clientInbox.push(message);
      return;
    }
    const type = String(message.body['type']);
    this.sentByType.set(type, (this.sentByType.get(type) ?? 0) + 1);
    const latency = this.options.latencyMs ?? 0;
    const service = this.options.services?.[message.dest];
    if (service) {
      this.time.setTimeout(() => this.serve(service, message), latency);
      return;
    }
    const target = this.nodes.get(message.dest);
    if (!target || this.drop(message.src, message.dest)) return;
    this.time.setTimeout(() => target.transport.deliver(message), latency);
  }

  private serve(service: MemoryKvService, request: Envelope): void {
    const reply = service.handle(request.src, request.body);
    if (!reply) return;
    const body = { ...reply, in_reply_to: request.body['msg_id'] ?? null };
    const target = this.get(request.src);
    this.time.setTimeout(
      () => target.transport.deliver({ src: request.dest, dest: request.src, body }),
      this.options.latencyMs ?? 0,
    );
  }

  private get(id: string): TestNode {
    const test = this.nodes.get(id);
    if (!test) throw new Error(`no node ${id}`);
    return test;
  }
}
