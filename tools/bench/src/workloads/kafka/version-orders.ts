/**
 * Per-key version orders (jepsen.tests.kafka `version-orders`): every (offset, message) observed by a send whose
 * effect provably became visible (an ok send; an info send carries no offset and adds nothing) or by any poll, of
 * any completion type. Offsets may be sparse; the dense position of an offset among the observed ones is its
 * *index* (a message's rank). An offset seen with several messages is an `inconsistent-offsets` error, and the
 * version order takes Clojure's `first` of that offset's message set.
 */
import type { History, Op } from '../../lib/history';
import { jsonKey } from '@glomers/sim';
import { clojureSetFirst } from './clojure-set-order';
import { opReadPairs, opWrites, type Key, type Pair } from './ops';

/** A set of JSON values keyed by their canonical text, in insertion order. */
export type ValueSet = Map<string, unknown>;

/** One observed offset of a log and the messages seen there. */
export interface LogEntry {
  readonly offset: number;
  readonly values: ValueSet;
}

export interface VersionOrder {
  /** Observed offsets in ascending order (Jepsen's `:log` with the holes removed); position = index. */
  readonly log: readonly LogEntry[];
  /** Index → the version-order message at that index. */
  readonly byIndex: readonly unknown[];
  /** Message (canonical text) → its index; a message at several indices maps to the last. */
  readonly byValue: ReadonlyMap<string, number>;
}

export interface InconsistentOffset {
  readonly key: Key;
  readonly offset: number;
  readonly index: number;
  readonly values: unknown[];
}

/** Type (ok, info, fail) → key → messages polled by polls of that type. */
export type ReadsByType = ReadonlyMap<string, ReadonlyMap<Key, ReadonlySet<string>>>;

export function readsByType(history: History): ReadsByType {
  const out = new Map<string, Map<Key, Set<string>>>();
  for (const op of history) {
    if (op.type === 'invoke' || (op.f !== 'poll' && op.f !== 'txn')) continue;
    const byKey = out.get(op.type) ?? new Map<Key, Set<string>>();
    out.set(op.type, byKey);
    for (const [k, pairs] of opReadPairs(op)) {
      const set = byKey.get(k) ?? new Set<string>();
      byKey.set(k, set);
      for (const [, v] of pairs) set.add(jsonKey(v));
    }
  }
  return out;
}

/** True iff the op was ok, or info and some message it sent was returned by an ok poll. */
export function mustHaveCommitted(reads: ReadsByType, op: Op): boolean {
  if (op.type === 'ok') return true;
  if (op.type !== 'info') return false;
  const ok = reads.get('ok');
  for (const [k, vs] of opWrites(op)) {
    const seen = ok?.get(k);
    if (seen && vs.some((v) => seen.has(jsonKey(v)))) return true;
  }
  return false;
}

function observe(logs: Map<Key, Map<number, ValueSet>>, k: Key, [offset, value]: Pair): void {
  if (offset === null) return;
  const log = logs.get(k) ?? new Map<number, ValueSet>();
  logs.set(k, log);
  const values = log.get(offset) ?? new Map<string, unknown>();
  log.set(offset, values);
  values.set(jsonKey(value), value);
}

export function versionOrders(
  history: History,
  reads: ReadsByType,
): { orders: Map<Key, VersionOrder>; errors: InconsistentOffset[] } {
  const logs = new Map<Key, Map<number, ValueSet>>();
  for (const op of history) {
    if (op.f !== 'poll' && op.f !== 'send' && op.f !== 'txn') continue;
    if (mustHaveCommitted(reads, op) && Array.isArray(op.value)) {
      for (const mop of op.value as unknown[]) {
        if (
          Array.isArray(mop) &&
          mop[0] === 'send' &&
          Array.isArray(mop[2]) &&
          typeof mop[2][0] === 'number'
        ) {
          observe(logs, typeof mop[1] === 'string' ? mop[1] : JSON.stringify(mop[1]), [mop[2][0], mop[2][1]]);
        }
      }
    }
    for (const [k, pairs] of opReadPairs(op)) for (const pair of pairs) observe(logs, k, pair);
  }
  const orders = new Map<Key, VersionOrder>();
  const errors: InconsistentOffset[] = [];
  for (const [k, byOffset] of logs) {
    // Jepsen's log vector starts at offset 0: negative offsets never make it into the order.
    const log = [...byOffset.entries()]
      .filter(([offset]) => offset >= 0)
      .sort((a, b) => a[0] - b[0])
      .map(([offset, values]) => ({ offset, values }));
    const byIndex = log.map((e) => clojureSetFirst([...e.values.values()]));
    const byValue = new Map<string, number>();
    byIndex.forEach((v, i) => byValue.set(jsonKey(v), i));
    orders.set(k, { log, byIndex, byValue });
    log.forEach((e, index) => {
      if (e.values.size >= 2) {
        errors.push({ key: k, offset: e.offset, index, values: sortValues([...e.values.values()]) });
      }
    });
  }
  return { orders, errors };
}

/** Clojure `compare` order for the values a sorted set can hold: numbers, then strings, else canonical text. */
export function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  const ka = jsonKey(a);
  const kb = jsonKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export function sortValues(values: readonly unknown[]): unknown[] {
  return [...values].sort(compareValues);
}
