import type { Key, Txn, Value } from '../../src';

/** A history entry as Elle sees it: a completed (`ok`) or aborted (`fail`) transaction. */
export interface HistoryTxn {
  readonly status: 'ok' | 'fail';
  readonly ops: Txn;
}

export type Anomaly = 'G0' | 'G1a' | 'G1b' | 'G1c' | 'cyclic-versions';

export interface CheckResult {
  readonly anomalies: ReadonlySet<Anomaly>;
  readonly wwEdges: number;
  readonly wrEdges: number;
}

type Edge = readonly [from: number, to: number];

/**
 * A small rw-register checker following Elle's inference (wfr-keys): external reads/writes per transaction, version
 * order from "external read of v, then external write of v′ in one ok txn ⇒ v < v′" (transitively), ww edges between
 * writers of ordered versions, wr edges from writer to reader of a value. Reports G0 (ww-only cycle), G1c (ww/wr cycle
 * with a wr edge), G1a (ok txn read an aborted write), G1b (ok txn read another txn's intermediate write) and cycles in
 * a key's version order. Values are assumed unique per key, as the workload guarantees.
 */
export function checkHistory(history: readonly HistoryTxn[]): CheckResult {
  const anomalies = new Set<Anomaly>();
  const summaries = history.map((entry) => summarize(entry.ops));
  const okWriter = new Map<string, number>();
  const abortedWrites = new Set<string>();
  const intermediateWriter = new Map<string, number>();
  summaries.forEach((summary, index) => {
    const status = history[index].status;
    for (const [key, value] of summary.finalWrites) {
      if (status === 'ok') okWriter.set(versionId(key, value), index);
      else abortedWrites.add(versionId(key, value));
    }
    for (const [key, value] of summary.intermediateWrites) {
      if (status === 'ok') intermediateWriter.set(versionId(key, value), index);
      else abortedWrites.add(versionId(key, value));
    }
  });

  const versionOrder = new Map<Key, Map<Value, Set<Value>>>();
  const wrEdges: Edge[] = [];
  summaries.forEach((summary, reader) => {
    if (history[reader].status !== 'ok') return;
    for (const [key, value] of summary.externalReads) {
      if (value === null) continue;
      const id = versionId(key, value);
      if (abortedWrites.has(id)) anomalies.add('G1a');
      const intermediate = intermediateWriter.get(id);
      if (intermediate !== undefined && intermediate !== reader) anomalies.add('G1b');
      const writer = okWriter.get(id);
      if (writer !== undefined && writer !== reader) wrEdges.push([writer, reader]);
      const overwrite = summary.finalWrites.get(key);
      if (overwrite !== undefined) addVersionEdge(versionOrder, key, value, overwrite);
    }
  });

  const wwEdges: Edge[] = [];
  for (const [key, graph] of versionOrder) {
    if (hasCycle(graph)) anomalies.add('cyclic-versions');
    for (const earlier of graph.keys()) {
      const from = okWriter.get(versionId(key, earlier));
      for (const later of reachable(graph, earlier)) {
        const to = okWriter.get(versionId(key, later));
        if (from !== undefined && to !== undefined && from !== to) wwEdges.push([from, to]);
      }
    }
  }

  if (edgeInCycle(history.length, wwEdges, wwEdges)) anomalies.add('G0');
  if (edgeInCycle(history.length, [...wwEdges, ...wrEdges], wrEdges)) anomalies.add('G1c');
  return { anomalies, wwEdges: wwEdges.length, wrEdges: wrEdges.length };
}

interface TxnSummary {
  readonly externalReads: Map<Key, Value | null>;
  readonly finalWrites: Map<Key, Value>;
  readonly intermediateWrites: [Key, Value][];
}

function summarize(ops: Txn): TxnSummary {
  const externalReads = new Map<Key, Value | null>();
  const written = new Set<Key>();
  const writes: [Key, Value][] = [];
  for (const op of ops) {
    const [f, key, value] = op;
    if (f === 'r' && !written.has(key) && !externalReads.has(key)) externalReads.set(key, value);
    if (f === 'w') {
      written.add(key);
      writes.push([key, op[2]]);
    }
  }
  const finalWrites = new Map(writes);
  const intermediateWrites = writes.filter(([key, value]) => finalWrites.get(key) !== value);
  return { externalReads, finalWrites, intermediateWrites };
}

function versionId(key: Key, value: Value): string {
  return `${key}:${value}`;
}

function addVersionEdge(order: Map<Key, Map<Value, Set<Value>>>, key: Key, from: Value, to: Value): void {
  const graph = order.get(key) ?? new Map<Value, Set<Value>>();
  order.set(key, graph);
  const successors = graph.get(from) ?? new Set<Value>();
  graph.set(from, successors);
  successors.add(to);
  if (!graph.has(to)) graph.set(to, new Set());
}

function reachable(graph: Map<Value, Set<Value>>, start: Value): Set<Value> {
  const seen = new Set<Value>();
  const stack = [...(graph.get(start) ?? [])];
  while (stack.length > 0) {
    const next = stack.pop() as Value;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(graph.get(next) ?? []));
  }
  return seen;
}

function hasCycle(graph: Map<Value, Set<Value>>): boolean {
  return [...graph.keys()].some((value) => reachable(graph, value).has(value));
}

/** True if some edge of `candidates` lies on a cycle of the graph made of `edges` (both ends in one SCC). */
function edgeInCycle(vertexCount: number, edges: readonly Edge[], candidates: readonly Edge[]): boolean {
  const component = stronglyConnectedComponents(vertexCount, edges);
  return candidates.some(([from, to]) => from !== to && component[from] === component[to]);
}

/** Tarjan's algorithm; returns each vertex's component number. */
function stronglyConnectedComponents(vertexCount: number, edges: readonly Edge[]): number[] {
  const successors: number[][] = Array.from({ length: vertexCount }, () => []);
  for (const [from, to] of edges) successors[from].push(to);
  const index: number[] = new Array(vertexCount).fill(-1);
  const low: number[] = new Array(vertexCount).fill(0);
  const component: number[] = new Array(vertexCount).fill(-1);
  const stack: number[] = [];
  const onStack = new Set<number>();
  let counter = 0;
  let components = 0;
  const visit = (v: number): void => {
    index[v] = low[v] = counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of successors[v]) {
      if (index[w] === -1) {
        visit(w);
        low[v] = Math.min(low[v], low[w]);
      } else if (onStack.has(w)) low[v] = Math.min(low[v], index[w]);
    }
    if (low[v] === index[v]) {
      for (;;) {
        const w = stack.pop() as number;
        onStack.delete(w);
        component[w] = components;
        if (w === v) break;
      }
      components++;
    }
  };
  for (let v = 0; v < vertexCount; v++) if (index[v] === -1) visit(v);
  return component;
}
