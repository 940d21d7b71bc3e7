/**
 * Maelstrom 0.2.4's kafka main-phase generator, re-expressed as one op stream:
 *   (gen/any crash-client-gen (->> elle-list-append txn-generator tag-rw track-key-offsets interleave-subscribes
 *                                   poll-unseen))
 * - Elle's list-append generator with txn length 1: 50/50 poll/send; the key is one of `key-count` (default 10)
 *   active integer keys, the i-th with probability 2^(i+1)/2046 (base-2 exponential); send values per key 1, 2, …;
 *   a send that would exceed --max-writes-per-key retires its key (replaced by max(active)+1) and redraws.
 * - interleave-subscribes: with probability 1/64 the slot becomes `assign [k]` of the pending op's key, and the
 *   pending op stays pending.
 * - poll-unseen: with probability 1/3 an assign is widened with every key that has ok-sent offsets above the
 *   highest ok-polled one (debug field `unseen` on the op).
 * - crash-client-gen: `crash` ops, staggered with mean gap 30/C s; the first one is due at the first op (a tie
 *   with the first main op, broken 50/50), so crashes replace slots whenever they are due.
 * - track-key-offsets: the highest offset seen per key by ok sends and polls, for the final phase.
 * Keys are integers inside and strings on the wire and in the history.
 */
import type { Random } from '@glomers/sim';
import type { Op } from '../../lib/history';
import type { GenContext, GeneratedOp, OpGenerator } from '../../lib/workload';
import { maxOffsets, maxPollOffsets, maxSendOffsets } from './ops';

export interface KafkaGeneratorOptions {
  readonly keyCount: number;
  readonly maxWritesPerKey: number;
  readonly concurrency: number;
  /** Probability that an op slot becomes an assign (Jepsen's :sub-p, default 1/64). */
  readonly assignProbability?: number;
  /** Mean seconds between crashes of some client, per worker (Jepsen's :crash-client-interval, default 30). */
  readonly crashIntervalS?: number;
}

interface PendingOp {
  readonly f: 'poll' | 'send';
  readonly key: number;
  readonly value: unknown;
}

/** Elle's `rand-key` with an exponential distribution of base 2 over the active keys. */
export function exponentialKeyIndex(random: Random, keyCount: number): number {
  const base = 2;
  const scale = ((Math.pow(base, keyCount) - 1) * base) / (base - 1);
  const i = Math.floor(Math.log(random.next() * scale + base) / Math.log(base) - 1);
  return Math.min(Math.max(i, 0), keyCount - 1);
}

/** Highest offsets per key seen by ok ops; shared with the final phase. */
export type TrackedOffsets = Map<number, number>;

export class KafkaGenerator implements OpGenerator {
  private readonly activeKeys: number[];
  private readonly nextValue = new Map<number, number>();
  private pending: PendingOp | undefined;
  private crashDue: number | undefined;
  private readonly sent = new Map<number, number>();
  private readonly polled = new Map<number, number>();

  constructor(
    private readonly random: Random,
    private readonly options: KafkaGeneratorOptions,
    readonly tracked: TrackedOffsets = new Map(),
  ) {
    this.activeKeys = Array.from({ length: options.keyCount }, (_, i) => i);
  }

  next(ctx: GenContext): GeneratedOp {
    if (this.crashDue === undefined) this.crashDue = ctx.time;
    if (this.crashDue < ctx.time || (this.crashDue === ctx.time && this.random.next() < 0.5)) {
      const meanS = (this.options.crashIntervalS ?? 30) / this.options.concurrency;
      this.crashDue += Math.floor(this.random.next() * 2 * meanS * 1e9);
      return { f: 'crash', value: null };
    }
    const op = this.pending ?? this.draw();
    const widen = this.random.next() < 1 / 3;
    if (this.random.next() < (this.options.assignProbability ?? 1 / 64)) {
      this.pending = op;
      return this.assign(op.key, widen);
    }
    this.pending = undefined;
    if (op.f === 'poll') return { f: 'poll', value: [['poll']] };
    return { f: 'send', value: [['send', String(op.key), op.value]] };
  }

  update(event: Op): void {
    if (event.type !== 'ok') return;
    for (const [k, o] of maxOffsets(event)) {
      const key = Number(k);
      this.tracked.set(key, Math.max(this.tracked.get(key) ?? o, o));
    }
    for (const [k, o] of maxSendOffsets(event))
      this.sent.set(Number(k), Math.max(this.sent.get(Number(k)) ?? o, o));
    for (const [k, o] of maxPollOffsets(event)) {
      this.polled.set(Number(k), Math.max(this.polled.get(Number(k)) ?? o, o));
    }
    for (const k of new Set([...this.sent.keys(), ...this.polled.keys()])) {
      if (!((this.polled.get(k) ?? -1) < (this.sent.get(k) ?? -1))) {
        this.sent.delete(k);
        this.polled.delete(k);
      }
    }
  }

  private assign(key: number, widen: boolean): GeneratedOp {
    if (!widen || this.sent.size === 0) return { f: 'assign', value: [String(key)] };
    const keys = [...new Set([key, ...this.sent.keys()])];
    const unseen = Object.fromEntries(
      [...this.sent.keys()]
        .sort((a, b) => a - b)
        .map((k) => [String(k), { polled: this.polled.get(k) ?? -1, sent: this.sent.get(k) }]),
    );
    return { f: 'assign', value: keys.map(String), extra: { unseen } };
  }

  /** One list-append txn of length 1, rewritten to a kafka op. */
  private draw(): PendingOp {
    for (;;) {
      const f = this.random.next() < 0.5 ? 'poll' : 'send';
      const key = this.activeKeys[exponentialKeyIndex(this.random, this.activeKeys.length)];
      if (f === 'poll') return { f, key, value: null };
      const v = this.nextValue.get(key) ?? 1;
      if (v > this.options.maxWritesPerKey) {
        this.activeKeys[this.activeKeys.indexOf(key)] = Math.max(...this.activeKeys) + 1;
        continue;
      }
      this.nextValue.set(key, v + 1);
      return { f, key, value: v };
    }
  }
}
