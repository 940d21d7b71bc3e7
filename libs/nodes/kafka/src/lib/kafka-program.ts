import type { CommitOffsetsOk, ListCommittedOffsetsOk, PollOk, SendOk } from '@glomers/protocol';
import { RpcError, type Node, type NodeProgram } from '@glomers/runtime';
import { inject, injectable } from 'inversify';
import { KAFKA_BACKEND, type KafkaBackend } from './kafka-backend';
import { unstorableReason } from './storable-msg';

/** Kafka-style logs (challenges 5a–5c): the four RPCs, answered by the bound backend. */
@injectable()
export class KafkaProgram implements NodeProgram {
  constructor(@inject(KAFKA_BACKEND) private readonly backend: KafkaBackend) {}

  register(node: Node): void {
    this.backend.register?.(node);
    node.handle('send', async (request): Promise<SendOk> => {
      const unstorable = unstorableReason(request.body.msg);
      if (unstorable !== undefined) throw RpcError.malformed(unstorable);
      const offset = await this.backend.send(request.body.key, request.body.msg);
      return { type: 'send_ok', offset };
    });
    node.handle('poll', async (request): Promise<PollOk> => {
      return { type: 'poll_ok', msgs: await this.backend.poll(request.body.offsets) };
    });
    node.handle('commit_offsets', async (request): Promise<CommitOffsetsOk> => {
      await this.backend.commit(request.body.offsets);
      return { type: 'commit_offsets_ok' };
    });
    node.handle('list_committed_offsets', async (request): Promise<ListCommittedOffsetsOk> => {
      return { type: 'list_committed_offsets_ok', offsets: await this.backend.committed(request.body.keys) };
    });
  }
}
