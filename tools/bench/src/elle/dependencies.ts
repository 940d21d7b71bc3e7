/**
 * Transaction dependency graphs (elle/rw_register.clj `wr-graph`, `version-graphs->transaction-graph`, and
 * elle/core.clj `process-graph`; the realtime graph is realtime-graph.ts). Only ok transactions take part in
 * wr/ww/rw edges.
 */
import type { RelGraph } from './graph';
import { decode, type Enc } from './mops';
import { PROCESS, RW, WR, WW } from './rels';
import type { TxnOp } from './txn-ops';
import type { VersionGraphs } from './versions';

/** key → value → ids of ok txns that externally read (or wrote) it. */
export type ExtIndex = Map<Enc, Map<Enc, number[]>>;

export function extIndex(ops: readonly TxnOp[], which: 'extReads' | 'extWrites'): ExtIndex {
  const index: ExtIndex = new Map();
  for (const op of ops) {
    if (op.type !== 'ok') continue;
    // forEach, not for-of: a for-of over a Map makes an entry array per entry until the optimizer catches up.
    op.txn[which].forEach((v, k) => {
      let byValue = index.get(k);
      if (!byValue) index.set(k, (byValue = new Map()));
      const list = byValue.get(v);
      if (list) list.push(op.id);
      else byValue.set(v, [op.id]);
    });
  }
  return index;
}

/** Thrown when one value of a key was written by several ok txns and read: Elle cannot order such histories. */
export class DuplicateWriteError extends Error {
  constructor(key: unknown, value: unknown, writers: readonly TxnOp[]) {
    super(
      `Key ${JSON.stringify(key)} had value ${JSON.stringify(value)} written by more than one op: ` +
        writers.map((w) => `index ${w.index}`).join(', '),
    );
    this.name = 'DuplicateWriteError';
  }
}

export function addWrEdges(g: RelGraph, ops: readonly TxnOp[], reads: ExtIndex, writes: ExtIndex): void {
  reads.forEach((byValue, k) => {
    byValue.forEach((readers, v) => {
      const writers = writes.get(k)?.get(v) ?? [];
      if (writers.length > 1) {
        const op = ops[writers[0]];
        throw new DuplicateWriteError(
          decode(op.txn.raw, k),
          decode(op.txn.raw, v),
          writers.map((w) => ops[w]),
        );
      }
      if (writers.length === 1) for (const r of readers) g.link(writers[0], r, WR);
    });
  });
}

export function addWwRwEdges(g: RelGraph, versions: VersionGraphs, reads: ExtIndex, writes: ExtIndex): void {
  const linkAll = (froms: readonly number[], tos: readonly number[], rel: number): void => {
    for (const a of froms) {
      for (const b of tos) {
        if (a === b) {
          g.addVertex(a);
        } else {
          g.link(a, b, rel);
        }
      }
    }
  };
  versions.forEach((vg, k) => {
    const kReads = reads.get(k);
    const kWrites = writes.get(k);
    vg.forEach((outs, v1) => {
      for (const v2 of outs) {
        const v2Writes = kWrites?.get(v2) ?? [];
        linkAll(kWrites?.get(v1) ?? [], v2Writes, WW);
        linkAll(kReads?.get(v1) ?? [], v2Writes, RW);
      }
    });
  });
}

/** Successive ok txns of each process. */
export function addProcessEdges(g: RelGraph, ops: readonly TxnOp[]): void {
  const last = new Map<number, number>();
  for (const op of ops) {
    if (op.type !== 'ok') continue;
    const prev = last.get(op.process);
    if (prev !== undefined) g.link(prev, op.id, PROCESS);
    last.set(op.process, op.id);
  }
}
