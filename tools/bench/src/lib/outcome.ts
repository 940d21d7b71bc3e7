import type { Workload, Completion } from './workload';
import { MalformedReply, RpcErrorReply, RpcTimeout } from './rpc';

/** What the runner records when a client's invoke throws: the §1.6 outcome table. */
export interface FailedCompletion extends Completion {
  readonly type: 'fail' | 'info';
  readonly error: unknown;
  /** Set for ops that failed through an exception (listed under `exceptions`). */
  readonly exception?: string;
}

/**
 * Maps an error thrown by a workload client to the completion Maelstrom records (`with-errors`, or Jepsen's
 * interpreter for exceptions and for workloads without `with-errors`).
 */
export function outcomeOf(
  workload: Pick<Workload, 'idempotent' | 'errorsAreInfo'>,
  f: string,
  thrown: unknown,
): FailedCompletion {
  const idempotent = workload.idempotent.has(f);
  if (!workload.errorsAreInfo) {
    if (thrown instanceof RpcTimeout) return { type: idempotent ? 'fail' : 'info', error: 'net-timeout' };
    if (thrown instanceof RpcErrorReply) {
      return {
        type: thrown.definite || idempotent ? 'fail' : 'info',
        error: [thrown.codeName, thrown.body['text'] ?? null],
      };
    }
  }
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  const kind =
    thrown instanceof MalformedReply
      ? 'malformed-rpc-response'
      : thrown instanceof Error
        ? thrown.name
        : 'throw';
  return { type: 'info', error: `indeterminate: ${message}`, exception: `${kind}: ${message}` };
}
