import type { TxnOk } from '@glomers/protocol';
import { PORTS, RpcError, type Clock, type Node, type NodeProgram, type Scheduler } from '@glomers/runtime';
import { REPLICATION_MESSAGE_TYPES, Replicator, TxnStore } from '@glomers/txn';
import { inject, injectable } from 'inversify';
import { TXN_OPTIONS, type TxnNodeOptions } from './txn-options';

/**
 * Totally-available transactions (challenges 6a–6c): each txn runs against the local store at once and never waits
 * for a peer; its write-set is then replicated to every peer until acknowledged.
 */
@injectable()
export class TxnProgram implements NodeProgram {
  private store!: TxnStore;
  private replicator!: Replicator;

  constructor(
    @inject(TXN_OPTIONS) private readonly options: TxnNodeOptions,
    @inject(PORTS.Clock) private readonly clock: Clock,
    @inject(PORTS.Scheduler) private readonly scheduler: Scheduler,
  ) {}

  register(node: Node): void {
    node.onInit(() => {
      this.store = new TxnStore(node.id);
      this.replicator = new Replicator({
        self: node.id,
        peers: node.nodeIds,
        target: this.store,
        send: (dest, body) => node.send(dest, body),
        scheduler: this.scheduler,
        clock: this.clock,
        flushIntervalMs: this.options.flushIntervalMs,
        retryAfterMs: this.options.retryAfterMs,
      });
      this.replicator.start();
    });
    node.handle('txn', (request): TxnOk => {
      const committed = this.store.execute(request.body.txn);
      this.replicator.publish(committed.writes);
      return { type: 'txn_ok', txn: committed.completed };
    });
    for (const type of REPLICATION_MESSAGE_TYPES) {
      node.handlePeer(type, (request) => {
        if (!this.replicator.receive(request.src, request.body))
          throw RpcError.malformed(`malformed ${type}`);
      });
    }
  }
}
