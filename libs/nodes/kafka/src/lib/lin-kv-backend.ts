import { ErrorCode, type Json, type KafkaEntry } from '@glomers/protocol';
import { isRpcError, KvClient, Node } from '@glomers/runtime';
import { inject, injectable } from 'inversify';
import { MAX_POLL_BATCH, type KafkaBackend } from './kafka-backend';

const logKey = (key: string) => `log/${key}`;
const commitKey = (key: string) => `commit/${key}`;

/**
 * Every log kept in Maelstrom's lin-kv (challenge 5b's textbook design): a key's messages are one array value,
 * appended by read + cas, so the array index is the offset and lin-kv's linearizability makes offsets unique and
 * gap-free on every node. Simple and correct, but every operation costs round trips to lin-kv.
 */
@injectable()
export class LinKvBackend implements KafkaBackend {
  private readonly kv: KvClient;

  constructor(@inject(Node) node: Node) {
    this.kv = new KvClient(node, 'lin-kv', { timeoutMs: 1000 });
  }

  async send(key: string, msg: Json): Promise<number> {
    for (;;) {
      const current = await this.kv.readOr<Json[]>(logKey(key), []);
      try {
        await this.kv.cas(logKey(key), current, [...current, msg], current.length === 0);
        return current.length;
      } catch (error) {
        if (!isRpcError(error, ErrorCode.PreconditionFailed)) throw error;
      }
    }
  }

  async poll(offsets: Readonly<Record<string, number>>): Promise<Record<string, KafkaEntry[]>> {
    const msgs = await Promise.all(
      Object.entries(offsets).map(async ([key, from]): Promise<[string, KafkaEntry[]]> => {
        const log = await this.kv.readOr<Json[]>(logKey(key), []);
        return [key, log.slice(from, from + MAX_POLL_BATCH).map((msg, i): KafkaEntry => [from + i, msg])];
      }),
    );
    // fromEntries keeps a key such as __proto__ as data, where an assignment would set the prototype.
    return Object.fromEntries(msgs.filter(([, entries]) => entries.length > 0));
  }

  async commit(offsets: Readonly<Record<string, number>>): Promise<void> {
    await Promise.all(Object.entries(offsets).map(([key, offset]) => this.raiseCommit(key, offset)));
  }

  async committed(keys: readonly string[]): Promise<Record<string, number>> {
    const offsets = await Promise.all(
      keys.map(async (key): Promise<[string, number | null]> => [
        key,
        await this.kv.readOr<number | null>(commitKey(key), null),
      ]),
    );
    return Object.fromEntries(offsets.filter((entry): entry is [string, number] => entry[1] !== null));
  }

  private async raiseCommit(key: string, offset: number): Promise<void> {
    for (;;) {
      const current = await this.kv.readOr<number | null>(commitKey(key), null);
      if (current !== null && current >= offset) return;
      try {
        await this.kv.cas(commitKey(key), current, offset, current === null);
        return;
      } catch (error) {
        if (!isRpcError(error, ErrorCode.PreconditionFailed)) throw error;
      }
    }
  }
}
