import type { Key, Value } from './micro-op';
import { compareStamps, type NodeId, type Stamp } from './stamp';

/** One replicated register write: key, value and the Lamport counter of the transaction that wrote it. */
export type ReplicatedWrite = readonly [key: Key, value: Value, counter: number];

interface Register {
  readonly value: Value;
  readonly stamp: Stamp;
}

/**
 * A node's copy of the register map: a last-writer-wins map ordered by transaction stamps, plus the node's Lamport
 * clock. Applying writes is idempotent, commutative and associative (a per-key max), so replicas that have seen the
 * same writes hold the same state, whatever the order and however often each arrived.
 */
export class RegisterReplica {
  private readonly registers = new Map<Key, Register>();
  private counter = 0;

  constructor(readonly node: NodeId) {}

  read(key: Key): Value | null {
    return this.registers.get(key)?.value ?? null;
  }

  /** A stamp greater than every stamp this replica has seen. */
  nextStamp(): Stamp {
    this.counter += 1;
    return { counter: this.counter, node: this.node };
  }

  /** Applies writes committed by `origin`, all in one synchronous step (readers see all of them or none). */
  apply(origin: NodeId, writes: readonly ReplicatedWrite[]): void {
    for (const [key, value, counter] of writes) {
      if (counter > this.counter) this.counter = counter;
      const stamp = { counter, node: origin };
      const current = this.registers.get(key);
      if (current === undefined || compareStamps(stamp, current.stamp) > 0)
        this.registers.set(key, { value, stamp });
    }
  }

  snapshot(): ReadonlyMap<Key, Value> {
    return new Map([...this.registers].map(([key, register]) => [key, register.value]));
  }
}
