/**
 * Anomalies Elle finds without the graph (elle/rw_register.clj `g1a-cases`, `g1b-cases`, `internal-cases`,
 * elle/txn.clj `lost-update-cases`).
 */
import type { Op } from '../lib/history';
import { enc, NIL, type Enc, type Mop } from './mops';
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
  if (writers.size === 0) return cases;
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
    const mops = op.value as unknown[];
    for (let i = 1; i < mops.length; i++) {
      const mop = mops[i];
      if (!isWrite(mop)) continue;
      // The txn's previous write of this key, if any: a txn has a few micro-ops, so a scan beats a map.
      const k = enc(mop[1]);
      for (let j = i - 1; j >= 0; j--) {
        const before = mops[j];
        if (isWrite(before) && enc(before[1]) === k) {
          put(intermediate, k, enc(before[2]), op);
          break;
        }
      }
    }
  }
  return readsOf(ops, intermediate, (op, writer) => writer.index === op.index);
}

function isWrite(mop: unknown): mop is readonly unknown[] {
  return Array.isArray(mop) && mop[0] === 'w';
}

/** A read in an ok txn that disagrees with what the txn itself last wrote or read of that key. */
export function internalCases(ops: readonly TxnOp[]): InternalCase[] {
  const cases: InternalCase[] = [];
  for (const op of ops) {
    if (op.type !== 'ok') continue;
    const mops = op.txn.mops;
    for (let i = 1; i < mops.length; i++) {
      const mop = mops[i];
      if (mop[0] !== 'r') continue;
      // What the txn last wrote or read of this key (a scan: a txn has a few micro-ops).
      const k = enc(mop[1]);
      let j = i - 1;
      while (j >= 0 && enc(mops[j][1]) !== k) j--;
      const expected = j >= 0 ? enc(mops[j][2]) : NIL;
      if (expected !== NIL && expected !== 'false' && expected !== enc(mop[2])) {
        cases.push({ op: op.op, mop, expected: mops[j][2] });
        break;
      }
    }
  }
  return cases;
}

/**
 * The first read of key `ke` among `mops` before position `end`, when no write of that key follows it there (a
 * txn's first write after its first read of a key is the one that counts). A scan: a txn has a few micro-ops.
 */
function firstReadUnwritten(mops: readonly Mop[], end: number, ke: Enc): Mop | undefined {
  let read: Mop | undefined;
  for (let j = 0; j < end; j++) {
    if (enc(mops[j][1]) !== ke) continue;
    if (mops[j][0] === 'r') read ??= mops[j];
    else if (read) return undefined;
  }
  return read;
}

/** Two or more ok txns read the same value of a key and then wrote that key. */
export function lostUpdateCases(ops: readonly TxnOp[]): LostUpdateCase[] {
  const byKey = new Map<Enc, Map<Enc, { key: unknown; value: unknown; txns: Op[] }>>();
  for (const op of ops) {
    if (op.type !== 'ok') continue;
    const mops = op.txn.mops;
    for (let i = 1; i < mops.length; i++) {
      if (mops[i][0] === 'r') continue;
      const k = mops[i][1];
      const ke = enc(k);
      const read = firstReadUnwritten(mops, i, ke);
      if (read === undefined) continue;
      let byValue = byKey.get(ke);
      if (!byValue) byKey.set(ke, (byValue = new Map()));
      const ve = enc(read[2]);
      const group = byValue.get(ve);
      if (group) group.txns.push(op.op);
      else byValue.set(ve, { key: k, value: read[2], txns: [op.op] });
    }
  }
  const cases: LostUpdateCase[] = [];
  for (const byValue of byKey.values())
    for (const c of byValue.values()) if (c.txns.length >= 2) cases.push(c);
  return cases;
}
