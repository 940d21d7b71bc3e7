/**
 * Elle's rw-register checker (elle/rw_register.clj `check` with `:wfr-keys? true`, as Maelstrom's
 * txn-rw-register workload calls it): G1a, G1b, internal, lost-update, cyclic-versions, empty-transaction-graph
 * and every cycle anomaly; then Elle's `result-map` against the expected consistency models.
 */
import type { Clock } from '@glomers/sim';
import type { History } from '../lib/history';
import { searchBudget } from './bfs';
import {
  allAnomaliesImplying,
  anomaliesProhibitedBy,
  anomaliesToImpossibleModels,
  friendlyBoundary,
  isKnownModel,
} from './consistency-model';
import { PROCESS_ANOMALY_TYPES, REALTIME_ANOMALY_TYPES } from './cycle-specs';
import { cycleAnomalies, isCycleCase, type CycleAnomaly } from './cycles';
import { addProcessEdges, addWrEdges, addWwRwEdges, extIndex } from './dependencies';
import { explainer, type Explainer } from './explainer';
import { RelGraph } from './graph';
import { addRealtimeEdges } from './realtime-graph';
import { g1aCases, g1bCases, internalCases, lostUpdateCases } from './non-cycle-anomalies';
import { txnHistory, type TxnOp } from './txn-ops';
import { versionGraphs } from './versions';

export interface ElleOptions {
  /** Models the history must satisfy (friendly or canonical names); default ['strict-serializable']. */
  readonly consistencyModels?: readonly string[];
  /** Extra anomalies to prohibit. */
  readonly anomalies?: readonly string[];
  /** Per-SCC cycle search budget, ms (Elle's `cycle-search-timeout`, default 1000). */
  readonly cycleSearchTimeoutMs?: number;
  /** The clock the budget is measured on (wall time, as Elle's); without one, searches never time out. */
  readonly clock?: Clock;
}

export const UNKNOWN_ANOMALY_TYPES: ReadonlySet<string> = new Set([
  'empty-transaction-graph',
  'cycle-search-timeout',
]);

export function prohibitedAnomalyTypes(opts: ElleOptions): Set<string> {
  return new Set([
    ...allAnomaliesImplying(opts.anomalies ?? []),
    ...anomaliesProhibitedBy(opts.consistencyModels ?? ['strict-serializable']),
  ]);
}

export function reportableAnomalyTypes(opts: ElleOptions): Set<string> {
  return new Set([...prohibitedAnomalyTypes(opts), ...UNKNOWN_ANOMALY_TYPES]);
}

/** Everything the check found, for results and for the elle/ explanation files. */
export interface ElleAnalysis {
  readonly ops: readonly TxnOp[];
  readonly graph: RelGraph;
  readonly explain: Explainer;
  /** Non-trivial SCCs of the dependency graph, as vertex ids. */
  readonly sccs: readonly number[][];
  /** Every anomaly found, by type, reportable or not. */
  readonly anomalies: ReadonlyMap<string, unknown>;
}

export interface ElleResult {
  readonly 'valid?': boolean | 'unknown';
  readonly 'anomaly-types'?: string[];
  readonly anomalies?: Record<string, unknown>;
  readonly not?: string[];
  readonly 'also-not'?: string[];
  readonly error?: string;
}

function additionalGraph(opts: ElleOptions): 'realtime' | 'process' | undefined {
  const reportable = reportableAnomalyTypes(opts);
  if (REALTIME_ANOMALY_TYPES.some((t) => reportable.has(t))) return 'realtime';
  if (PROCESS_ANOMALY_TYPES.some((t) => reportable.has(t))) return 'process';
  return undefined;
}

export function analyze(history: History, opts: ElleOptions = {}): ElleAnalysis {
  for (const m of opts.consistencyModels ?? []) {
    if (!isKnownModel(m)) throw new Error(`Unknown consistency model ${m}`);
  }
  const th = txnHistory(history);
  const { ops } = th;
  const versions = versionGraphs(ops);
  const reads = extIndex(ops, 'extReads');
  const writes = extIndex(ops, 'extWrites');
  const extra = additionalGraph(opts);
  const graph = new RelGraph();
  addWrEdges(graph, ops, reads, writes);
  addWwRwEdges(graph, versions.graphs, reads, writes);
  if (extra === 'realtime') addRealtimeEdges(graph, th.events);
  if (extra === 'process') addProcessEdges(graph, ops);
  const explain = explainer(versions.graphs, extra);

  const anomalies = new Map<string, unknown>();
  if (versions.cyclicVersions) anomalies.set('cyclic-versions', versions.cyclicVersions);
  if (graph.size === 0) anomalies.set('empty-transaction-graph', true);
  const cycles = cycleAnomalies(
    graph,
    ops,
    explain,
    searchBudget(opts.cycleSearchTimeoutMs ?? 1000, opts.clock),
  );
  for (const [type, cases] of cycles.anomalies) {
    const before = anomalies.get(type);
    anomalies.set(type, Array.isArray(before) ? [...(before as CycleAnomaly[]), ...cases] : cases);
  }
  const found: Array<[string, unknown[]]> = [
    ['internal', internalCases(ops)],
    ['G1a', g1aCases(ops)],
    ['G1b', g1bCases(history, ops)],
    ['lost-update', lostUpdateCases(ops)],
  ];
  for (const [type, cases] of found) if (cases.length > 0) anomalies.set(type, cases);
  return { ops, graph, explain, sccs: cycles.sccs, anomalies };
}

/** Drops `X-cycle-exists` anomalies when other anomalies already rule out model X. */
function removeRedundantCycleExists(anomalies: Map<string, unknown>): Map<string, unknown> {
  const others = [...anomalies.keys()].filter((t) => !t.endsWith('-cycle-exists'));
  const impossible = new Set<string>();
  for (const m of anomaliesToImpossibleModels(others)) impossible.add(m);
  const result = new Map(anomalies);
  for (const t of anomalies.keys()) {
    if (t.endsWith('-cycle-exists') && impossible.has(t.slice(0, -'-cycle-exists'.length))) result.delete(t);
  }
  return result;
}

/** Cases as results.json shows them: cycles as lists of history ops. */
function presentable(cases: unknown): unknown {
  if (!Array.isArray(cases)) return cases;
  return cases.map((c: unknown) =>
    typeof c === 'object' && c !== null && 'cycle' in c && isCycleCase(c as CycleAnomaly)
      ? { ...(c as object), cycle: (c as { cycle: readonly TxnOp[] }).cycle.map((op) => op.op) }
      : c,
  );
}

/** Elle's `result-map`. */
export function resultMap(opts: ElleOptions, anomalies: ReadonlyMap<string, unknown>): ElleResult {
  const prohibited = prohibitedAnomalyTypes(opts);
  const reportableTypes = reportableAnomalyTypes(opts);
  const bad = [...anomalies.keys()].filter((t) => prohibited.has(t));
  const reportable = removeRedundantCycleExists(
    new Map([...anomalies].filter(([t]) => reportableTypes.has(t))),
  );
  if (reportable.size === 0) return { 'valid?': true };
  const types = [...reportable.keys()].sort();
  return {
    'valid?': bad.length > 0 ? false : 'unknown',
    'anomaly-types': types,
    anomalies: Object.fromEntries(types.map((t) => [t, presentable(reportable.get(t))])),
    ...friendlyBoundary(anomalies.keys()),
  };
}

export function checkRwRegister(
  history: History,
  opts: ElleOptions = {},
): { result: ElleResult; analysis?: ElleAnalysis } {
  const analysis = analyze(history, opts);
  return { result: resultMap(opts, analysis.anomalies), analysis };
}
