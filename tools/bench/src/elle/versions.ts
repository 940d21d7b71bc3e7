/**
 * Per-key version graphs for rw registers (elle/rw_register.clj `version-graphs`), with only the inference
 * Maelstrom enables (`:wfr-keys? true`; no sequential or linearizable keys):
 * - initial state: nil precedes every value an ok/info txn externally wrote or an ok txn externally read;
 * - writes follow reads: in one ok txn, an external read of v and an external write of v′ to the same key give
 *   v < v′.
 * If adding the wfr graph makes any key's order cyclic, Elle reports `cyclic-versions` and drops the wfr graph.
 */
import { decode, NIL, type Enc } from './mops';
import { stronglyConnectedComponents } from './scc';
import type { TxnOp } from './txn-ops';

/** key → value → successor values. */
export type VersionGraphs = Map<Enc, Map<Enc, Set<Enc>>>;

export interface CyclicVersionsCase {
  readonly key: unknown;
  readonly scc: unknown[];
  readonly sources: string[];
}

function link(graphs: VersionGraphs, k: Enc, from: Enc, to: Enc): void {
  let g = graphs.get(k);
  if (!g) graphs.set(k, (g = new Map()));
  let out = g.get(from);
  if (!out) g.set(from, (out = new Set()));
  out.add(to);
  if (!g.has(to)) g.set(to, new Set());
}

function initialStateGraphs(ops: readonly TxnOp[]): VersionGraphs {
  const graphs: VersionGraphs = new Map();
  const fromNil = (v: Enc, k: Enc) => {
    if (v !== NIL) link(graphs, k, NIL, v);
  };
  for (const op of ops) {
    if (op.type === 'fail') continue;
    op.txn.extWrites.forEach(fromNil);
    if (op.type === 'ok') op.txn.extReads.forEach(fromNil);
  }
  return graphs;
}

/** Adds the writes-follow-reads edges to `graphs`. */
function addWfrEdges(graphs: VersionGraphs, ops: readonly TxnOp[]): void {
  for (const op of ops) {
    if (op.type !== 'ok') continue;
    const { extReads, extWrites } = op.txn;
    extReads.forEach((v, k) => {
      if (v === NIL) return;
      const written = extWrites.get(k);
      if (written !== undefined && written !== NIL && written !== 'false') link(graphs, k, v, written);
    });
  }
}

function compareValues(a: unknown, b: unknown): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : 1;
}

function cyclicVersionCases(
  graphs: VersionGraphs,
  raw: ReadonlyMap<Enc, unknown>,
  sources: string[],
): CyclicVersionsCase[] {
  const cases: CyclicVersionsCase[] = [];
  const keys = [...graphs.keys()].sort((a, b) => compareValues(decode(raw, a), decode(raw, b)));
  for (const k of keys) {
    const g = graphs.get(k) as Map<Enc, Set<Enc>>;
    const sccs = stronglyConnectedComponents(g.keys(), (v) => g.get(v) ?? [], false)
      .map((scc) => scc.map((v) => decode(raw, v)).sort(compareValues))
      .sort((a, b) => compareValues(a[0], b[0]));
    for (const scc of sccs) cases.push({ key: decode(raw, k), scc, sources });
  }
  return cases;
}

export interface VersionAnalysis {
  readonly graphs: VersionGraphs;
  readonly sources: string[];
  readonly cyclicVersions: CyclicVersionsCase[] | undefined;
}

export function versionGraphs(ops: readonly TxnOp[]): VersionAnalysis {
  const raw = ops.length > 0 ? ops[0].txn.raw : new Map<Enc, unknown>();
  // The wfr edges go straight into the initial-state graphs, rather than into graphs of their own and a union of
  // both (a third of this function's time on 6c): the edges, and the order in which the graphs list them, are the
  // same. The initial-state graphs alone are made again only when the wfr edges made a cycle.
  const withWfr = initialStateGraphs(ops);
  addWfrEdges(withWfr, ops);
  const cycles = cyclicVersionCases(withWfr, raw, ['initial-state', 'wfr-keys']);
  if (cycles.length > 0)
    return { graphs: initialStateGraphs(ops), sources: ['initial-state'], cyclicVersions: cycles };
  return { graphs: withWfr, sources: ['initial-state', 'wfr-keys'], cyclicVersions: undefined };
}
