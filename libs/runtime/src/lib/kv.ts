import { ErrorCode, type Json, type KvReadOk } from '@glomers/protocol';
import { isRpcError } from './errors';
import type { Node, RpcOptions } from './node';

export type KvService = 'lin-kv' | 'seq-kv' | 'lww-kv';

/**
 * A client of one of Maelstrom's key/value services. Failures reject with `RpcError`: code 20 when the key does
 * not exist, 21 when it already exists, 22 when a cas precondition fails, 0 on timeout.
 */
export class KvClient {
  constructor(
    private readonly node: Node,
    readonly service: KvService,
    private readonly options: RpcOptions = {},
  ) {}

  async read<T extends Json = Json>(key: Json): Promise<T> {
    const reply = await this.node.rpc<KvReadOk>(this.service, { type: 'read', key }, this.options);
    return reply.value as T;
  }

  /** The key's value, or `missing` when the key does not exist (code 20); any other failure rejects. */
  async readOr<T extends Json, M = T>(key: Json, missing: M): Promise<T | M> {
    try {
      return await this.read<T>(key);
    } catch (error) {
      if (isRpcError(error, ErrorCode.KeyDoesNotExist)) return missing;
      throw error;
    }
  }

  async write(key: Json, value: Json): Promise<void> {
    await this.node.rpc(this.service, { type: 'write', key, value }, this.options);
  }

  /** Sets `key` to `to` if it holds `from`; with `createIfNotExists`, a missing key is created with `to`. */
  async cas(key: Json, from: Json, to: Json, createIfNotExists = false): Promise<void> {
    const body = createIfNotExists
      ? { type: 'cas', key, from, to, create_if_not_exists: true }
      : { type: 'cas', key, from, to };
    await this.node.rpc(this.service, body, this.options);
  }
}
