/**
 * Anomalies Elle finds without the graph (elle/rw_register.clj `g1a-cases`, `g1b-cases`, `internal-cases`,
 * elle/txn.clj `lost-update-cases`).
 */
import type { Op } from '../lib/history';
import { enc, NIL, type Enc } from './mops';
import type { TxnOp } from './txn-ops';

export interface ReadCase {
  readonly op: Op;
  readonly mop: readonly unknown[];
  readonly writer: Op;
}

export interface InternalCase {
  readonly op: Op;
  readonly mop: readonly unknown[];
  readonly expected: unknown;
}

export interface LostUpdateCase {
  readonly key: unknown;
  readonly value: unknown;
  readonly txns: readonly Op[];
}

type WriterIndex = Map<Enc, Map<Enc, Op>>;

function put(index: WriterIndex, k: Enc, v: Enc, op: Op): void {
  let byValue = index.get(k);
  if (!byValue) index.set(k, (byValue = new Map()));
  byValue.set(v, op);
}

/** Reads, in ok txns, of any value some txn in `writers` wrote, unless `skip` says the read is fine. */
function readsOf(
  ops: readonly TxnOp[],
  writers: WriterIndex,
  skip: (op: TxnOp, writer: Op) => boolean,
): ReadCase[] {
  const cases: ReadCase[] = [];
  for (const op of ops) {
    if (op.type !== 'ok') continue;
    for (const mop of op.txn.mops) {
      if (mop[0] !== 'r') continue;
      const writer = writers.get(enc(mop[1]))?.get(enc(mop[2]));
      if (writer && !skip(op, writer)) cases.push({ op: op.op, mop, writer });
    }
  }
  return cases;
}

/** G1a (aborted read): an ok txn read a value some failed txn wrote (any of its writes). */
export function g1aCases(ops: readonly TxnOp[]): ReadCase[] {
  const failed: WriterIndex = new Map();
  for (const op of ops) {
    if (op.type !== 'fail') continue;
    for (const [f, k, v] of op.txn.mops) if (f === 'w') put(failed, enc(k), enc(v), op.op);
  }
  return readsOf(ops, failed, () => false);
}

/**
 * G1b (intermediate read): an ok txn read a value another txn overwrote within itself. Elle indexes every op of
 * the history (invocations too), the later one winning; a txn reading its own intermediate write is fine.
 */
export function g1bCases(history: readonly Op[], ops: readonly TxnOp[]): ReadCase[] {
  const intermediate: WriterIndex = new Map();
  for (const op of history) {
    if (typeof op.process !== 'number' || op.f !== 'txn' || !Array.isArray(op.value)) continue;
    const last = new Map<Enc, Enc>();
    for (const mop of op.value as unknown[]) {
      if (!Array.isArray(mop) || mop[0] !== 'w') continue;
      const k = enc(mop[1]);
      const previous = last.get(k);
      if (previous !== undefined) put(intermediate, k, previous, op);
      last.set(k, enc(mop[2]));
    }
  }
  return readsOf(ops, intermediate, (op, writer) => writer.index === op.index);
}

/** A read in an ok txn that disagrees with what the txn itself last wrote or read of that key. */
export function internalCases(ops: readonly TxnOp[]): InternalCase[] {
  const cases: InternalCase[] = [];
  for (const op of ops) {
    if (op.type !== 'ok') continue;
    const state = new Map<Enc, { e: Enc; raw: unknown }>();
    for (const mop of op.txn.mops) {
      const [f, k, v] = mop;
      const ke = enc(k);
      if (f === 'r') {
        const s = state.get(ke);
        if (s && s.e !== NIL && s.e !== 'false' && s.e !== enc(v)) {
          cases.push({ op: op.op, mop, expected: s.raw });
          break;
        }
      }
      state.set(ke, { e: enc(v), raw: v });
    }
  }
  return cases;
}

/** Two or more ok txns read the same value of a key and then wrote that key. */
export function lostUpdateCases(ops: readonly TxnOp[]): LostUpdateCase[] {
  const byKey = new Map<Enc, Map<Enc, { key: unknown; value: unknown; txns: Op[] }>>();
  for (const op of ops) {
    if (op.type !== 'ok') continue;
    const reads = new Map<Enc, unknown>();
    const writes = new Set<Enc>();
    for (const [f, k, v] of op.txn.mops) {
      const ke = enc(k);
      if (f !== 'r' && !writes.has(ke)) {
        if (!reads.has(ke)) continue;
        const read = reads.get(ke);
        let byValue = byKey.get(ke);
        if (!byValue) byKey.set(ke, (byValue = new Map()));
        const ve = enc(read);
        const group = byValue.get(ve);
        if (group) group.txns.push(op.op);
        else byValue.set(ve, { key: k, value: read, txns: [op.op] });
        writes.add(ke);
      } else if (f === 'r' && !reads.has(ke)) {
        reads.set(ke, v);
      }
    }
  }
  const cases: LostUpdateCase[] = [];
  for (const byValue of byKey.values())
    for (const c of byValue.values()) if (c.txns.length >= 2) cases.push(c);
  return cases;
}
