import type { Key, MicroOp, Txn, Value } from './micro-op';

/** Port: the committed value of a register, or `null` if it was never written. */
export type ReadRegister = (key: Key) => Value | null;

/** The last value a transaction wrote to each key: what it commits and replicates. */
export type WriteSet = ReadonlyMap<Key, Value>;

export interface Execution {
  /** The transaction with every read filled in. */
  readonly completed: Txn;
  readonly writes: WriteSet;
}

/**
 * Runs the micro-ops in order against `read`, buffering writes: a read sees the transaction's own earlier write of
 * its key, otherwise the committed value. Nothing is written through, so intermediate writes never leave the
 * transaction (only the last write per key is in `writes`).
 */
export function executeTxn(txn: Txn, read: ReadRegister): Execution {
  const writes = new Map<Key, Value>();
  const completed = txn.map((op): MicroOp => {
    const [f, key] = op;
    if (f === 'w') {
      writes.set(key, op[2]);
      return op;
    }
    const own = writes.get(key);
    return ['r', key, own !== undefined ? own : read(key)];
  });
  return { completed, writes };
}
