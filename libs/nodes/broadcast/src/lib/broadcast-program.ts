import { GSet } from '@glomers/crdt';
import type { BroadcastOk, BroadcastReadOk, TopologyOk } from '@glomers/protocol';
import { PORTS, type Clock, type Node, type NodeProgram, type Scheduler } from '@glomers/runtime';
import { inject, injectable } from 'inversify';
import { BROADCAST_OPTIONS, type BroadcastOptions } from './broadcast-options';
import { GOSSIP_SHAPE, type GossipBody } from './gossip';
import { overlayNeighbours } from './overlay';
import { PeerLink } from './peer-link';

/**
 * Broadcast (challenges 3a–3e). The values a node has seen form a G-Set; a value new to this node is queued for
 * every overlay neighbour except the one it came from, and queues are flushed as gossip batches. Reads answer from
 * the local set alone.
 */
@injectable()
export class BroadcastProgram implements NodeProgram {
  private received: GSet<number> = GSet.empty();
  private neighbours: readonly string[] = [];
  private readonly links = new Map<string, PeerLink>();
  private node!: Node;

  constructor(
    @inject(BROADCAST_OPTIONS) private readonly options: BroadcastOptions,
    @inject(PORTS.Clock) private readonly clock: Clock,
    @inject(PORTS.Scheduler) private readonly scheduler: Scheduler,
  ) {
    if (options.reliable && options.flushIntervalMs <= 0)
      throw new Error('a reliable overlay needs a flush timer');
  }

  register(node: Node): void {
    this.node = node;
    node.onInit(() => {
      this.neighbours = overlayNeighbours(this.options, node.id, node.nodeIds, undefined);
      if (this.options.flushIntervalMs > 0)
        this.scheduler.setInterval(() => this.flush(), this.options.flushIntervalMs);
    });
    node.handle('topology', (request): TopologyOk => {
      this.neighbours = overlayNeighbours(this.options, node.id, node.nodeIds, request.body.topology);
      return { type: 'topology_ok' };
    });
    node.handle('broadcast', (request): BroadcastOk => {
      this.accept([request.body.message], undefined);
      return { type: 'broadcast_ok' };
    });
    node.handle('read', (): BroadcastReadOk => ({ type: 'read_ok', messages: [...this.received] }));
    node.handlePeer<GossipBody>('gossip', (request) => this.gossip(request.src, request.body), GOSSIP_SHAPE);
  }

  /** The overlay neighbours in use, for tests and logs. */
  get peers(): readonly string[] {
    return this.neighbours;
  }

  private gossip(from: string, { values, batch, acks }: GossipBody): void {
    if (acks) this.link(from).acknowledged(acks);
    if (values) this.accept(values, from);
    if (batch !== undefined) this.link(from).received(batch, this.clock.now());
  }

  private accept(values: readonly number[], from: string | undefined): void {
    const fresh = GSet.difference(GSet.from(values), this.received);
    if (fresh.size === 0) return;
    this.received = GSet.merge(this.received, fresh);
    for (const peer of this.neighbours) if (peer !== from) this.link(peer).enqueue(fresh);
    if (this.options.flushIntervalMs <= 0) this.flush();
  }

  private flush(): void {
    const now = this.clock.now();
    for (const [peer, link] of this.links) {
      const body = link.flush(now);
      if (body) this.node.send(peer, body);
    }
  }

  private link(peer: string): PeerLink {
    let link = this.links.get(peer);
    if (!link) {
      const { reliable, retryMs = 1000, ackDelayMs = 0 } = this.options;
      link = new PeerLink(reliable ? { retryMs, ackDelayMs } : undefined);
      this.links.set(peer, link);
    }
    return link;
  }
}
