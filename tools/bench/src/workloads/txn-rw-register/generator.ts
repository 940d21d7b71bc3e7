/**
 * Elle's `wr-txns` generator (elle/txn.clj), as Maelstrom configures it (reference §5.6): each transaction has
 * 1..maxTxnLength micro-ops, each a read or a write with equal odds, on a key drawn from `keyCount` active keys
 * with exponential weighting (base 2: key i of the pool is 2^i times as likely as key 0). Writes to a key take the
 * values 1, 2, … in order; once a key would exceed maxWritesPerKey it is retired and replaced in the pool by
 * (largest active key + 1), and the micro-op is drawn again.
 */
import type { Random } from '@glomers/sim';
import type { GeneratedOp, OpGenerator } from '../../lib/workload';

export interface WrTxnOptions {
  readonly minTxnLength?: number;
  readonly maxTxnLength: number;
  readonly maxWritesPerKey: number;
  readonly keyCount?: number;
  readonly keyDistBase?: number;
}

export type MicroOp = ['r', number, null] | ['w', number, number];

/** Elle's `key-dist-scale`: draws uniform on [0, scale) map to pool indices after log/floor. */
export function keyDistScale(base: number, keyCount: number): number {
  return ((Math.pow(base, keyCount) - 1) * base) / (base - 1);
}

/** Elle's exponential `rand-key`: the pool index for a uniform draw `u` in [0, scale). */
export function exponentialKeyIndex(u: number, base: number): number {
  return Math.floor(Math.log(u + base) / Math.log(base) - 1);
}

/** A stateful source of transactions; one per test. */
export class WrTxns {
  private readonly activeKeys: number[];
  /** Next value to write, per key (absent = 1). */
  private readonly nextValue = new Map<number, number>();
  private readonly minLength: number;
  private readonly base: number;
  private readonly scale: number;

  constructor(
    private readonly random: Random,
    private readonly opts: WrTxnOptions,
  ) {
    const keyCount = opts.keyCount ?? 10;
    this.activeKeys = Array.from({ length: keyCount }, (_, i) => i);
    this.minLength = opts.minTxnLength ?? 1;
    this.base = opts.keyDistBase ?? 2;
    this.scale = keyDistScale(this.base, keyCount);
  }

  next(): MicroOp[] {
    let length = this.minLength + this.random.int(this.opts.maxTxnLength + 1 - this.minLength);
    const txn: MicroOp[] = [];
    while (length > 0) {
      const write = this.random.int(2) === 1;
      const k = this.activeKeys[exponentialKeyIndex(this.random.next() * this.scale, this.base)];
      if (!write) {
        txn.push(['r', k, null]);
        length--;
        continue;
      }
      const v = this.nextValue.get(k) ?? 1;
      if (v > this.opts.maxWritesPerKey) {
        this.activeKeys[this.activeKeys.indexOf(k)] = Math.max(...this.activeKeys) + 1;
        continue;
      }
      this.nextValue.set(k, v + 1);
      txn.push(['w', k, v]);
      length--;
    }
    return txn;
  }
}

export function txnGenerator(random: Random, opts: WrTxnOptions): OpGenerator {
  const txns = new WrTxns(random, opts);
  return { next: (): GeneratedOp => ({ f: 'txn', value: txns.next() }) };
}
