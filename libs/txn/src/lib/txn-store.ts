import { executeTxn } from './execute-txn';
import type { Key, Txn, Value } from './micro-op';
import { RegisterReplica, type ReplicatedWrite } from './register-replica';
import type { NodeId, Stamp } from './stamp';

export type IsolationLevel = 'read-uncommitted' | 'read-committed';

export interface CommittedTxn {
  /** The transaction with its reads filled in: the `txn` of the `txn_ok` reply. */
  readonly completed: Txn;
  readonly stamp: Stamp;
  /** The last write per key, stamped: hand these to the replicator (empty for a read-only transaction). */
  readonly writes: readonly ReplicatedWrite[];
}

/** A totally available transactional register store: `execute` never waits for, nor fails because of, peers. */
export interface TxnStore {
  readonly isolation: IsolationLevel;
  readonly node: NodeId;
  execute(txn: Txn): CommittedTxn;
  /** Applies writes replicated from `origin`; safe to call again with the same writes, in any order. */
  merge(origin: NodeId, writes: readonly ReplicatedWrite[]): void;
  snapshot(): ReadonlyMap<Key, Value>;
}

/**
 * Executes against the committed state, then commits the whole write-set at once under a fresh stamp. Both stores
 * below are this mechanism: it already gives read-committed, and a cheaper correct read-uncommitted design was not
 * found (buffering a write-set costs no more than writing through).
 */
abstract class LastWriterWinsStore implements TxnStore {
  abstract readonly isolation: IsolationLevel;
  private readonly replica: RegisterReplica;

  constructor(readonly node: NodeId) {
    this.replica = new RegisterReplica(node);
  }

  execute(txn: Txn): CommittedTxn {
    const { completed, writes } = executeTxn(txn, (key) => this.replica.read(key));
    const stamp = this.replica.nextStamp();
    const stamped = [...writes].map(([key, value]): ReplicatedWrite => [key, value, stamp.counter]);
    this.replica.apply(this.node, stamped);
    return { completed, stamp, writes: stamped };
  }

  merge(origin: NodeId, writes: readonly ReplicatedWrite[]): void {
    this.replica.apply(origin, writes);
  }

  snapshot(): ReadonlyMap<Key, Value> {
    return this.replica.snapshot();
  }
}

/** Prevents G0 (write cycles): every ww edge Elle can infer goes from a smaller stamp to a larger one. */
export class ReadUncommittedStore extends LastWriterWinsStore {
  readonly isolation = 'read-uncommitted';
}

/**
 * Prevents G1a (nothing aborts after running, so no aborted write exists), G1b (only the last write per key leaves a
 * transaction) and G1c (every ww and wr edge goes from a smaller stamp to a larger one).
 */
export class ReadCommittedStore extends LastWriterWinsStore {
  readonly isolation = 'read-committed';
}
