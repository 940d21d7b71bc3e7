/**
 * The transactions of a history as Elle's graphs see them: one vertex per completed client `txn` op (ok, info or
 * fail completion), numbered densely in history order, with its invocation for realtime order.
 */
import type { History, Op } from '../lib/history';
import { toTxn, type Enc, type Txn } from './mops';

export interface TxnOp {
  /** Dense vertex id: position in {@link TxnHistory.ops}. */
  readonly id: number;
  readonly index: number;
  readonly type: 'ok' | 'info' | 'fail';
  readonly process: number;
  readonly txn: Txn;
  readonly op: Op;
  readonly invoke: Op | undefined;
}

export interface TxnHistory {
  /** Completions, in history order. */
  readonly ops: readonly TxnOp[];
  /** Client txn events (invocations and completions) in history order, completions as vertex ids. */
  readonly events: ReadonlyArray<{ readonly op: Op; readonly completion: number | undefined }>;
}

export function txnHistory(history: History): TxnHistory {
  const clientOps = history.filter((op) => typeof op.process === 'number' && op.f === 'txn');
  const pendingInvoke = new Map<number, number>();
  const completionOfInvoke = new Map<number, number>();
  const ops: TxnOp[] = [];
  const raw = new Map<Enc, unknown>();
  for (let pos = 0; pos < clientOps.length; pos++) {
    const op = clientOps[pos];
    const process = op.process as number;
    if (op.type === 'invoke') {
      pendingInvoke.set(process, pos);
      continue;
    }
    const at = pendingInvoke.get(process);
    pendingInvoke.delete(process);
    const id = ops.length;
    if (at !== undefined) completionOfInvoke.set(at, id);
    const invoke = at === undefined ? undefined : clientOps[at];
    ops.push({ id, index: op.index, type: op.type, process, txn: toTxn(op.value, raw), op, invoke });
  }
  let next = 0;
  const events = clientOps.map((op, pos) => ({
    op,
    completion: op.type === 'invoke' ? completionOfInvoke.get(pos) : next++,
  }));
  return { ops, events };
}
