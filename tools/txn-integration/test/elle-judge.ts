/**
 * Transactions run against a simulated txn cluster, as a Maelstrom txn-rw-register history judged by the bench's
 * Elle port: the same checker a bench or sim run of the txn apps uses.
 */
import { checkRwRegister, UNKNOWN_ANOMALY_TYPES, WR, type ElleResult, type Op } from '@glomers/bench';
import type { MicroOp } from '@glomers/txn';

/** A transaction as its client saw it: `ok` with its reads filled in, or `fail` (rejected before anything ran). */
export interface HistoryTxn {
  readonly status: 'ok' | 'fail';
  /** The client process: one per node, whose transactions run one at a time. */
  readonly process: number;
  readonly ops: readonly MicroOp[];
}

export interface Judgement {
  readonly valid: ElleResult['valid?'];
  /** Anomaly types that rule the model out (Elle's `:unknown` causes, such as an empty graph, left aside). */
  readonly anomalies: readonly string[];
  /** Edges of Elle's dependency graph that carry a wr dependency: evidence the history exercised replication. */
  readonly wrEdges: number;
}

/** Each transaction as an invocation (reads not yet known) followed at once by its completion. */
export function toHistory(txns: readonly HistoryTxn[]): Op[] {
  const history: Op[] = [];
  const push = (op: Omit<Op, 'index' | 'time'>): void => {
    history.push({ ...op, index: history.length, time: history.length });
  };
  for (const { status, process, ops } of txns) {
    const invoked = ops.map(([f, key, value]) => [f, key, f === 'r' ? null : value]);
    push({ process, type: 'invoke', f: 'txn', value: invoked });
    push({ process, type: status, f: 'txn', value: ops });
  }
  return history;
}

/** Judges the transactions against one consistency model (Elle's name, e.g. `read-committed`). */
export function judge(txns: readonly HistoryTxn[], model: string): Judgement {
  const { result, analysis } = checkRwRegister(toHistory(txns), { consistencyModels: [model] });
  let wrEdges = 0;
  if (analysis) {
    const { graph } = analysis;
    for (const v of graph.vertices())
      for (const w of graph.successors(v)) if ((graph.edge(v, w) & WR) !== 0) wrEdges++;
  }
  return {
    valid: result['valid?'],
    anomalies: (result['anomaly-types'] ?? []).filter((type) => !UNKNOWN_ANOMALY_TYPES.has(type)),
    wrEdges,
  };
}
