import { ErrorCode, type Json, type KafkaEntry } from '@glomers/protocol';
import {
  AppendError,
  REPLICATION_MESSAGE_TYPES,
  ReplicatedLogNode,
  type ReplicatedLogOptions,
} from '@glomers/replicated-log';
import { KvClient, PORTS, RpcError, type Clock, type Node, type Scheduler } from '@glomers/runtime';
import { inject, injectable } from 'inversify';
import type { KafkaBackend } from './kafka-backend';
import { KvLeaseStore } from './kv-lease-store';
import { committedInKeyedLog, pollKeyedLog } from './keyed-log-reads';

export const REPLICATED_LOG_OPTIONS = Symbol.for('glomers.ReplicatedLogOptions');

/**
 * The replicated log (challenge 5c): a leader elected by lease in lin-kv orders every send and replicates it to
 * every node, which then serves polls and commits from its own copy. See libs/replicated-log/README.md.
 */
@injectable()
export class ReplicatedLogBackend implements KafkaBackend {
  private log?: ReplicatedLogNode;

  constructor(
    @inject(PORTS.Clock) private readonly clock: Clock,
    @inject(PORTS.Scheduler) private readonly scheduler: Scheduler,
    @inject(REPLICATED_LOG_OPTIONS) private readonly options: ReplicatedLogOptions,
  ) {}

  register(node: Node): void {
    node.onInit(() => {
      this.log = new ReplicatedLogNode(
        {
          nodeId: node.id,
          nodeIds: node.nodeIds,
          send: (dest, message) => node.send(dest, message),
          clock: this.clock,
          scheduler: this.scheduler,
          leaseStore: new KvLeaseStore(new KvClient(node, 'lin-kv', { timeoutMs: 1000 })),
        },
        this.options,
      );
      this.log.start();
    });
    for (const type of REPLICATION_MESSAGE_TYPES) {
      node.handlePeer(type, (request) => {
        if (!this.started.receive(request.src, request.body)) throw RpcError.malformed(`malformed ${type}`);
      });
    }
  }

  async send(key: string, msg: Json): Promise<number> {
    try {
      return await this.started.append(key, msg);
    } catch (error) {
      if (!(error instanceof AppendError)) throw error;
      throw new RpcError(error.definite ? ErrorCode.TemporarilyUnavailable : ErrorCode.Crash, error.message);
    }
  }

  async poll(offsets: Readonly<Record<string, number>>): Promise<Record<string, KafkaEntry[]>> {
    return pollKeyedLog(this.started.log, offsets);
  }

  async commit(offsets: Readonly<Record<string, number>>): Promise<void> {
    this.started.commitOffsets(Object.entries(offsets));
  }

  async committed(keys: readonly string[]): Promise<Record<string, number>> {
    return committedInKeyedLog(this.started.log, keys);
  }

  private get started(): ReplicatedLogNode {
    if (!this.log) throw new RpcError(ErrorCode.TemporarilyUnavailable, 'not initialised');
    return this.log;
  }
}
