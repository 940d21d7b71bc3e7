import { ErrorCode } from '@glomers/protocol';
import type { LeaseRecord, LeaseStore } from '@glomers/replicated-log';
import { isRpcError, type KvClient } from '@glomers/runtime';

/**
 * The replicated log's lease register on a Maelstrom key/value service (lin-kv): the service's answers become the
 * port's. A missing key reads as `undefined`; a cas refused because the key is missing or holds another value
 * resolves `false`; any other failure (a timeout, above all) rejects, since the cas may have applied.
 */
export class KvLeaseStore implements LeaseStore {
  constructor(private readonly kv: KvClient) {}

  read(key: string): Promise<unknown> {
    return this.kv.readOr(key, undefined);
  }

  async cas(
    key: string,
    from: LeaseRecord | null,
    to: LeaseRecord,
    createIfNotExists: boolean,
  ): Promise<boolean> {
    try {
      await this.kv.cas(key, from, to, createIfNotExists);
      return true;
    } catch (error) {
      if (isRpcError(error, ErrorCode.KeyDoesNotExist) || isRpcError(error, ErrorCode.PreconditionFailed))
        return false;
      throw error;
    }
  }
}
