import { executeTxn } from './execute-txn';
import type { Key, Txn, Value } from './micro-op';
import { RegisterReplica, type ReplicatedWrite } from './register-replica';
import type { NodeId, Stamp } from './stamp';

export interface CommittedTxn {
  /** The transaction with its reads filled in: the `txn` of the `txn_ok` reply. */
  readonly completed: Txn;
  readonly stamp: Stamp;
  /** The last write per key, stamped: hand these to the replicator (empty for a read-only transaction). */
  readonly writes: readonly ReplicatedWrite[];
}

/**
 * A totally available transactional register store: `execute` never waits for, nor fails because of, peers. It
 * runs a transaction against the committed state, then commits the whole write-set at once under a fresh stamp.
 * That is read committed, and so read uncommitted as well: one store serves 6a, 6b and 6c (the README says why,
 * anomaly by anomaly).
 */
export class TxnStore {
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

  /** Applies writes replicated from `origin`; safe to call again with the same writes, in any order. */
  merge(origin: NodeId, writes: readonly ReplicatedWrite[]): void {
    this.replica.apply(origin, writes);
  }

  snapshot(): ReadonlyMap<Key, Value> {
    return this.replica.snapshot();
  }
}
