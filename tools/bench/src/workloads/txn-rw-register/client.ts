/**
 * The txn-rw-register client (maelstrom/workload/txn_rw_register.clj): one `txn` RPC per op; the reply must be
 * `txn_ok` with a `txn` of 3-element micro-ops, reads `["r", k, v]` and writes `["w", k, v]` (closed schema, any
 * keys and values). Errors and timeouts are mapped by the runner (nothing is idempotent: definite codes such as
 * 30 → fail, timeouts and indefinite codes → info). The client is reusable across info ops.
 */
import { is } from '@glomers/protocol';
import { replySchema, type RpcConnection } from '../../lib/rpc';
import type { Completion, Invocation, WorkloadClient } from '../../lib/workload';

const completedMop = is.custom(
  'a micro-op ["r", key, value] or ["w", key, value]',
  (m) => Array.isArray(m) && m.length === 3 && (m[0] === 'r' || m[0] === 'w'),
);

export const TXN_OK = replySchema('txn_ok', { txn: is.arrayOf(completedMop) });

export function txnClient(conn: RpcConnection): WorkloadClient {
  return {
    async invoke(op: Invocation): Promise<Completion> {
      const reply = await conn.rpc({ type: 'txn', txn: op.value }, TXN_OK);
      return { type: 'ok', value: reply['txn'] };
    },
  };
}
