/**
 * Why b depends on a, as Elle's CombinedExplainer answers it: the first of wr, ww, rw, then realtime or process
 * (when that graph is in use) that holds. The answer, not the edge the search walked, decides a step's type.
 */
import type { Op } from '../lib/history';
import { decode, mopIndex, NIL, type Enc } from './mops';
import type { TxnOp } from './txn-ops';
import type { VersionGraphs } from './versions';

export type Step =
  | { type: 'wr'; key: unknown; value: unknown; 'a-mop-index': number; 'b-mop-index': number }
  | {
      type: 'ww' | 'rw';
      key: unknown;
      value: unknown;
      "value'": unknown;
      'a-mop-index': number;
      'b-mop-index': number;
    }
  | { type: 'realtime'; "a'": Op; b: Op }
  | { type: 'process'; process: number };

export type Explainer = (a: TxnOp, b: TxnOp) => Step | undefined;

export function explainer(versions: VersionGraphs, extra: 'realtime' | 'process' | undefined): Explainer {
  const raw = (op: TxnOp, e: Enc): unknown => decode(op.txn.raw, e);
  const versionStep = (type: 'ww' | 'rw', a: TxnOp, b: TxnOp): Step | undefined => {
    const aKvs = type === 'ww' ? a.txn.extWrites : a.txn.extReads;
    for (const [k, av] of aKvs) {
      const vg = versions.get(k);
      const bv = b.txn.extWrites.get(k);
      if (!vg || bv === undefined || bv === NIL || bv === 'false') continue;
      if (vg.get(av)?.has(bv)) {
        return {
          type,
          key: raw(a, k),
          value: raw(a, av),
          "value'": raw(b, bv),
          'a-mop-index': mopIndex(a.txn.mops, type === 'ww' ? 'w' : 'r', k, av),
          'b-mop-index': mopIndex(b.txn.mops, 'w', k, bv),
        };
      }
    }
    return undefined;
  };
  return (a, b) => {
    for (const [k, v] of a.txn.extWrites) {
      if (b.txn.extReads.get(k) === v) {
        return {
          type: 'wr',
          key: raw(a, k),
          value: raw(a, v),
          'a-mop-index': mopIndex(a.txn.mops, 'w', k, v),
          'b-mop-index': mopIndex(b.txn.mops, 'r', k, v),
        };
      }
    }
    const versionDep = versionStep('ww', a, b) ?? versionStep('rw', a, b);
    if (versionDep) return versionDep;
    if (extra === 'realtime' && b.invoke && a.index < b.invoke.index) {
      return { type: 'realtime', "a'": a.op, b: b.invoke };
    }
    if (extra === 'process' && a.process === b.process && a.index < b.index) {
      return { type: 'process', process: a.process };
    }
    return undefined;
  };
}
