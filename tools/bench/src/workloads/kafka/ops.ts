/**
 * Reading kafka history ops the way Jepsen's kafka checker does (jepsen.tests.kafka `op-reads`, `op-writes`,
 * `op->max-offsets`). Values are Maelstrom's JSON shapes:
 *   send   invoke [["send", k, v]]        ok [["send", k, [offset, v]]]   info/fail: the invocation's value
 *   poll   invoke [["poll"]]              ok [["poll", {k: [[offset, v], …]}]]
 *   assign value [k, …] (plus 'seek-to-beginning?': true on the op)
 * Keys are strings on the wire and in the history.
 */
import type { Op } from '../../lib/history';
import { isPlainObject } from '@glomers/protocol';

export type Key = string;
/** An [offset, message] pair; the offset may be null for sends whose offset is unknown. */
export type Pair = readonly [offset: number | null, msg: unknown];

function microOps(op: Op): readonly unknown[] {
  return Array.isArray(op.value) ? op.value : [];
}

function keyOf(k: unknown): Key {
  return typeof k === 'string' ? k : JSON.stringify(k);
}

function asPair(p: unknown): Pair {
  if (Array.isArray(p)) {
    const offset: unknown = p[0];
    return [typeof offset === 'number' ? offset : null, p[1]];
  }
  return [null, p];
}

// Every analysis pass reads the same ops (Jepsen memoizes op-reads too); results are shared, never mutated.
const readPairsCache = new WeakMap<Op, ReadonlyMap<Key, readonly Pair[]>>();
const readsCache = new WeakMap<Op, ReadonlyMap<Key, readonly unknown[]>>();
const writePairsCache = new WeakMap<Op, ReadonlyMap<Key, readonly Pair[]>>();
const writesCache = new WeakMap<Op, ReadonlyMap<Key, readonly unknown[]>>();

function cached<T>(cache: WeakMap<Op, T>, op: Op, compute: (op: Op) => T): T {
  let value = cache.get(op);
  if (value === undefined) {
    value = compute(op);
    cache.set(op, value);
  }
  return value;
}

/** Keys to every [offset, msg] pair polled, per key in poll order (empty lists kept: a key with `[]` is present). */
export function opReadPairs(op: Op): ReadonlyMap<Key, readonly Pair[]> {
  return cached(readPairsCache, op, computeReadPairs);
}

function computeReadPairs(op: Op): Map<Key, Pair[]> {
  const reads = new Map<Key, Pair[]>();
  if (op.f !== 'poll' && op.f !== 'txn') return reads;
  for (const mop of microOps(op)) {
    if (!Array.isArray(mop) || mop[0] !== 'poll' || mop.length < 2 || !isPlainObject(mop[1])) continue;
    for (const [k, pairs] of Object.entries(mop[1])) {
      const list = reads.get(k) ?? [];
      if (Array.isArray(pairs)) for (const p of pairs) list.push(asPair(p));
      reads.set(k, list);
    }
  }
  return reads;
}

/** Keys to every message polled, in order. */
export function opReads(op: Op): ReadonlyMap<Key, readonly unknown[]> {
  return cached(readsCache, op, (o) => mapValues(opReadPairs(o), (pairs) => pairs.map((p) => p[1])));
}

/** Keys to every [offset, msg] sent; a send without an [offset, msg] vector (info, fail) has offset null. */
export function opWritePairs(op: Op): ReadonlyMap<Key, readonly Pair[]> {
  return cached(writePairsCache, op, computeWritePairs);
}

function computeWritePairs(op: Op): Map<Key, Pair[]> {
  const writes = new Map<Key, Pair[]>();
  if (op.f !== 'send' && op.f !== 'txn') return writes;
  for (const mop of microOps(op)) {
    if (!Array.isArray(mop) || mop[0] !== 'send') continue;
    const k = keyOf(mop[1]);
    const list = writes.get(k) ?? [];
    list.push(asPair(mop[2]));
    writes.set(k, list);
  }
  return writes;
}

/** Keys to every message sent, in order. */
export function opWrites(op: Op): ReadonlyMap<Key, readonly unknown[]> {
  return cached(writesCache, op, (o) => mapValues(opWritePairs(o), (pairs) => pairs.map((p) => p[1])));
}

/** Highest offset polled per key in an ok/info op (-1 for a key polled with an empty list). */
export function maxPollOffsets(op: Op): Map<Key, number> {
  const out = new Map<Key, number>();
  if (op.type !== 'ok' && op.type !== 'info') return out;
  for (const [k, pairs] of opReadPairs(op)) {
    let max = -1;
    for (const [offset] of pairs) if (offset !== null && offset > max) max = offset;
    out.set(k, Math.max(out.get(k) ?? -1, max));
  }
  return out;
}

/** Highest offset sent per key in an ok/info op (only sends that carry an [offset, msg] pair). */
export function maxSendOffsets(op: Op): Map<Key, number> {
  const out = new Map<Key, number>();
  if (op.type !== 'ok' && op.type !== 'info') return out;
  if (op.f !== 'send' && op.f !== 'txn') return out;
  for (const mop of microOps(op)) {
    if (!Array.isArray(mop) || mop[0] !== 'send') continue;
    const v: unknown = mop[2];
    if (Array.isArray(v) && typeof v[0] === 'number') {
      const k = keyOf(mop[1]);
      out.set(k, Math.max(out.get(k) ?? 0, v[0]));
    }
  }
  return out;
}

/** Highest offset per key this op interacted with, by send or poll (`op->max-offsets`). */
export function maxOffsets(op: Op): Map<Key, number> {
  const out = maxPollOffsets(op);
  for (const [k, o] of maxSendOffsets(op)) out.set(k, Math.max(out.get(k) ?? o, o));
  return out;
}

export function mapValues<K, A, B>(m: ReadonlyMap<K, A>, f: (a: A) => B): Map<K, B> {
  const out = new Map<K, B>();
  for (const [k, a] of m) out.set(k, f(a));
  return out;
}
