/**
 * Cycle anomalies in a transaction graph (elle/txn.clj `cycles`): per strongly connected component, first which
 * models' "cycle exists" subgraphs are cyclic, then a search for each cycle anomaly type in Elle's order, skipping
 * types already implied or impossible. Each found cycle is explained step by step and classified by its steps.
 */
import { searchCycle, SearchTimeout, type SearchBudget } from './bfs';
import {
  allImpliedAnomalies,
  allImpossibleModels,
  anomaliesProhibitedBy,
  canonicalModelName,
} from './consistency-model';
import { CYCLE_ANOMALY_SPECS, CYCLE_EXISTS_SPECS, CYCLE_TYPES, type Subgraph } from './cycle-specs';
import type { Explainer, Step } from './explainer';
import type { RelGraph } from './graph';
import { denseStronglyConnectedComponents, stronglyConnectedComponents } from './scc';
import type { TxnOp } from './txn-ops';

export interface CycleCase {
  readonly type: string;
  /** The txns of the cycle, the first repeated at the end. */
  readonly cycle: readonly TxnOp[];
  readonly steps: readonly Step[];
}

export interface CycleExistsCase {
  readonly type: string;
  readonly not: string;
  readonly subgraph: unknown[];
  readonly 'scc-size': number;
  readonly scc: number[];
}

export interface CycleSearchTimeoutCase {
  readonly type: 'cycle-search-timeout';
  readonly 'anomaly-spec-type': string | undefined;
  readonly 'does-not-contain': string[];
  readonly 'scc-size': number;
}

export type CycleAnomaly = CycleCase | CycleExistsCase | CycleSearchTimeoutCase;

export function isCycleCase(x: CycleAnomaly): x is CycleCase {
  return 'cycle' in x;
}

/** Explains each step of a cycle and names its type (G0, G1c, G-single-item, G2-item, … -process/-realtime). */
export function explainCycle(explain: Explainer, cycle: readonly TxnOp[]): CycleCase {
  const steps: Step[] = [];
  for (let i = 0; i + 1 < cycle.length; i++) {
    const step = explain(cycle[i], cycle[i + 1]);
    if (!step)
      throw new Error(
        `Unable to explain the relationship between ops ${cycle[i].index} and ${cycle[i + 1].index}`,
      );
    steps.push(step);
  }
  const count = (t: string): number => steps.filter((s) => s.type === t).length;
  const rw = count('rw');
  const types = steps.map((s) => s.type);
  const rwAdjacent = [types[types.length - 1], ...types].some(
    (t, i, all) => i > 0 && t === 'rw' && all[i - 1] === 'rw',
  );
  let data: string;
  if (rw === 1) data = 'G-single-item';
  else if (rw > 1) data = rwAdjacent ? 'G2-item' : 'G-nonadjacent-item';
  else if (count('wr') > 0) data = 'G1c';
  else if (count('ww') > 0) data = 'G0';
  else throw new Error(`Don't know how to classify cycle of ${types.join(', ')}`);
  const sub = count('realtime') > 0 ? '-realtime' : count('process') > 0 ? '-process' : '';
  return { type: data + sub, cycle, steps };
}

/** Memoized projections of one SCC's graph onto rel sets. */
type Projections = (rels: number) => RelGraph;

function projections(g: RelGraph): Projections {
  const memo = new Map<number, RelGraph>();
  return (rels) => {
    let p = memo.get(rels);
    if (!p) memo.set(rels, (p = g.project(rels)));
    return p;
  };
}

function subgraph(fg: Projections, spec: Subgraph): RelGraph {
  if ('union' in spec) return fg(spec.union);
  const a = fg(spec.extension[0]);
  const b = fg(spec.extension[1]);
  const result = a.select(a.vertices());
  for (const x of a.vertices()) {
    for (const y of a.successors(x)) {
      if (b.hasVertex(y)) for (const z of b.successors(y)) result.link(x, z, 0);
    }
  }
  return result;
}

function cycleExistsCases(fg: Projections, ops: readonly TxnOp[]): CycleExistsCase[] {
  const cases: CycleExistsCase[] = [];
  const redundant = new Set<string>();
  for (const spec of CYCLE_EXISTS_SPECS) {
    if (redundant.has(spec.model)) continue;
    const sg = subgraph(fg, spec.subgraph);
    const sccs = stronglyConnectedComponents(sg.vertices(), (v) => sg.successors(v), true)
      .filter((scc) => scc.length > 1 || sg.successors(scc[0]).includes(scc[0]))
      .sort((a, b) => a.length - b.length);
    if (sccs.length === 0) continue;
    cases.push({
      type: spec.type,
      not: spec.friendlyModel,
      subgraph: spec.friendlySubgraph,
      'scc-size': sccs[0].length,
      scc: sccs[0].map((v) => ops[v].index).sort((a, b) => a - b),
    });
    for (const m of allImpossibleModels([spec.model])) redundant.add(m);
  }
  return cases;
}

const CYCLE_EXISTS_MODELS = CYCLE_EXISTS_SPECS.map((s) => canonicalModelName(s.model));

function impossibleCycleAnomalies(cases: readonly CycleExistsCase[]): Set<string> {
  const impossibleModels = allImpossibleModels(cases.map((c) => c.not));
  const possible = CYCLE_EXISTS_MODELS.filter((m) => !impossibleModels.has(m));
  return new Set([...anomaliesProhibitedBy(possible)].filter((a) => CYCLE_TYPES.has(a)));
}

/** Elle's fallback when a search times out: any cycle, by walking forward until a vertex repeats. */
function fallbackCycle(g: RelGraph): number[] {
  const start = g.vertices().next().value as number;
  const path = [start];
  const seen = new Map([[start, 0]]);
  for (;;) {
    const outs = g.successors(path[path.length - 1]);
    const back = outs.find((v) => seen.has(v));
    if (back !== undefined) {
      const at = seen.get(back) as number;
      return [...path.slice(at), path[at]];
    }
    seen.set(outs[0], path.length);
    path.push(outs[0]);
  }
}

/** All cycle anomalies of one SCC (given as its induced subgraph). */
export function cycleCasesInScc(
  g: RelGraph,
  ops: readonly TxnOp[],
  explain: Explainer,
  startSearch: SearchBudget,
): CycleAnomaly[] {
  const fg = projections(g);
  const existsCases = cycleExistsCases(fg, ops);
  const deadline = startSearch();
  const tried: string[] = [];
  const cycles: CycleCase[] = [];
  const order = [...g.vertices()].sort((a, b) => a - b);
  try {
    let redundant = impossibleCycleAnomalies(existsCases);
    for (const [type, spec] of CYCLE_ANOMALY_SPECS) {
      if (redundant.has(type)) continue;
      tried.push(type);
      const mask =
        spec.rels |
        (spec.nonadjacentRels ?? 0) |
        (spec.requiredRels ?? []).reduce((a, b) => a | b, 0) |
        (spec.singleRels ?? 0) |
        (spec.multipleRels ?? 0);
      const found = searchCycle(fg(mask), spec, deadline, order);
      if (!found) continue;
      const explained = explainCycle(
        explain,
        found.map((v) => ops[v]),
      );
      if (spec.type !== undefined && spec.type !== explained.type) continue;
      cycles.push(explained);
      redundant = new Set([...redundant, ...allImpliedAnomalies([type])]);
    }
  } catch (e) {
    if (!(e instanceof SearchTimeout)) throw e;
    const found = new Set(cycles.map((c) => c.type));
    return [
      {
        type: 'cycle-search-timeout',
        'anomaly-spec-type': tried[tried.length - 1],
        'does-not-contain': tried.slice(0, -1).filter((t) => !found.has(t)),
        'scc-size': g.size,
      },
      explainCycle(
        explain,
        fallbackCycle(g).map((v) => ops[v]),
      ),
      ...existsCases,
      ...cycles,
    ];
  }
  return [...existsCases, ...cycles];
}

function minOf(xs: readonly number[]): number {
  return xs.reduce((m, x) => (x < m ? x : m), Infinity);
}

/** Cycle anomalies of the whole graph, grouped by type, plus its non-trivial SCCs (as vertex ids). */
export function cycleAnomalies(
  graph: RelGraph,
  ops: readonly TxnOp[],
  explain: Explainer,
  startSearch: SearchBudget,
): { sccs: number[][]; anomalies: Map<string, CycleAnomaly[]> } {
  const sccs = denseStronglyConnectedComponents(
    ops.length,
    [...graph.vertices()].sort((a, b) => a - b),
    (v) => graph.successors(v),
  ).sort((a, b) => minOf(a) - minOf(b));
  const anomalies = new Map<string, CycleAnomaly[]>();
  for (const scc of sccs) {
    for (const c of cycleCasesInScc(graph.select(scc), ops, explain, startSearch)) {
      const list = anomalies.get(c.type);
      if (list) list.push(c);
      else anomalies.set(c.type, [c]);
    }
  }
  return { sccs, anomalies };
}
