/**
 * The Elle cycle search Jepsen's kafka checker runs (`cycles!`: elle.txn/cycles with consistency model
 * strict-serializable over send/poll/txn ops). Its dependency graph is the union of
 *   - wr: the sender of message v to key k → every other op that polled v from k (ww edges exist only with
 *     `:ww-deps`, which Maelstrom never sets; the rw graph is commented out in Jepsen);
 *   - realtime: Elle's `realtime-graph`, a transitive reduction of "a completed ok before b was invoked".
 * With only wr and realtime edges, each strongly connected component yields exactly one cycle-exists case and one
 * cycle: if its wr edges alone are cyclic, `PL-2-cycle-exists` and a `G1c` cycle (Elle then skips G1c-realtime as
 * implied); otherwise `strong-PL-2-cycle-exists` and a `G1c-realtime` cycle (realtime edges alone are acyclic, so
 * every cycle mixes both). G0*, G-single*, G2* need ww or rw edges and cannot occur. A graph with no vertex at all
 * is `empty-transaction-graph`.
 */
import type { History, Op } from '../../lib/history';
import { pairOps } from '../../lib/history';
import { jsonKey } from '@glomers/sim';
import { RelGraph, shortestCycle } from '../../elle/graph';
import { addRealtimeEdges } from '../../elle/realtime-graph';
import { WR } from '../../elle/rels';
import { denseStronglyConnectedComponents, stronglyConnectedComponents } from '../../elle/scc';
import { opReads } from './ops';
import { NoWriterOf, type ReadersOf, type WriterOf } from './writers-readers';

/** The graph over ops (vertices are their history indices), with wr and realtime edges. */
export function dependencyGraph(history: History, writers: WriterOf, readers: ReadersOf): RelGraph {
  const g = new RelGraph();
  for (const [k, byValue] of readers) {
    for (const [vk, rs] of byValue) {
      const writer = writers.get(k)?.get(vk);
      if (!writer) throw new NoWriterOf('no-writer-of-value', k, firstValue(rs[0], k, vk));
      for (const r of rs) if (r.index !== writer.index) g.link(writer.index, r.index, WR);
    }
  }
  // Elle's realtime-graph over the send/poll/txn ops.
  const txns = history.filter((op) => op.process !== 'nemesis' && ['send', 'poll', 'txn'].includes(op.f));
  const completionOf = new Map<number, number>();
  for (const { invoke, complete } of pairOps(txns))
    if (complete) completionOf.set(invoke.index, complete.index);
  addRealtimeEdges(
    g,
    txns.map((op) => ({ op, completion: op.type === 'invoke' ? completionOf.get(op.index) : op.index })),
  );
  return g;
}

/** The polled message a readers-of entry stands for (readers-of is keyed by canonical text). */
function firstValue(reader: Op | undefined, k: string, vk: string): unknown {
  for (const v of reader ? (opReads(reader).get(k) ?? []) : []) if (jsonKey(v) === vk) return v;
  return vk;
}

const ascending = (a: number, b: number): number => a - b;

function mopIndex(op: Op, f: 'send' | 'poll', k: string, v: unknown): number | null {
  const mops = Array.isArray(op.value) ? (op.value as unknown[]) : [];
  const vk = jsonKey(v);
  for (let i = 0; i < mops.length; i++) {
    const m = mops[i];
    if (!Array.isArray(m) || m[0] !== f) continue;
    if (f === 'send' && m[1] === k && jsonKey(Array.isArray(m[2]) ? m[2][1] : m[2]) === vk) return i;
    if (f === 'poll') {
      const pairs: unknown = (m[1] as Record<string, unknown> | undefined)?.[k];
      if (Array.isArray(pairs) && pairs.some((p) => Array.isArray(p) && jsonKey(p[1]) === vk)) return i;
    }
  }
  return null;
}

function explainStep(a: Op, b: Op, rels: number, writers: WriterOf, invocationOf: Map<number, Op>): unknown {
  if ((rels & WR) !== 0) {
    for (const [k, vs] of opReads(b)) {
      for (const v of vs) {
        if (writers.get(k)?.get(jsonKey(v))?.index === a.index) {
          return {
            type: 'wr',
            key: k,
            value: v,
            'a-mop-index': mopIndex(a, 'send', k, v),
            'b-mop-index': mopIndex(b, 'poll', k, v),
          };
        }
      }
    }
  }
  return { type: 'realtime', "a'": a, b: invocationOf.get(b.index) };
}

/** Anomaly type → cases, as Jepsen's kafka `cycles!` merges them into the checker's errors. */
export function cycleAnomalies(
  history: History,
  writers: WriterOf,
  readers: ReadersOf,
): Record<string, unknown> {
  const g = dependencyGraph(history, writers, readers);
  if (g.size === 0) return { 'empty-transaction-graph': true };
  const vertices = [...g.vertices()].sort(ascending);
  const sccs = denseStronglyConnectedComponents(vertices[vertices.length - 1] + 1, vertices, (v) =>
    g.successors(v),
  );
  const anomalies: Record<string, unknown[] | true> = {};
  if (sccs.length === 0) return anomalies;
  const opAt = new Map<number, Op>();
  for (const op of history) opAt.set(op.index, op);
  const invocationOf = new Map<number, Op>();
  for (const { invoke, complete } of pairOps(history)) if (complete) invocationOf.set(complete.index, invoke);
  const add = (type: string, c: unknown): void => {
    const list = anomalies[type];
    if (Array.isArray(list)) list.push(c);
    else anomalies[type] = [c];
  };
  for (const component of sccs) {
    const scc = component.sort(ascending);
    const members = g.select(scc);
    const wrEdges = members.project(WR);
    const wrSccs = stronglyConnectedComponents(scc, (v) => wrEdges.successors(v), false)
      .map((c) => c.sort(ascending))
      .sort((a, b) => a.length - b.length);
    const wrOnly = wrSccs.length > 0;
    const smallest = wrOnly ? wrSccs[0] : scc;
    add(wrOnly ? 'PL-2-cycle-exists' : 'strong-PL-2-cycle-exists', {
      type: wrOnly ? 'PL-2-cycle-exists' : 'strong-PL-2-cycle-exists',
      not: wrOnly ? 'read-committed' : 'strong-read-committed',
      subgraph: wrOnly
        ? ['union', 'ww', 'wwp', 'wr', 'wrp']
        : ['union', 'ww', 'wwp', 'wr', 'wrp', 'realtime'],
      'scc-size': smallest.length,
      scc: smallest,
    });
    const path = shortestCycle(wrOnly ? wrEdges : members, scc);
    if (!path) continue;
    const ops = path.map((i) => opAt.get(i) as Op);
    const steps = ops.map((a, i) => {
      const b = ops[(i + 1) % ops.length];
      return explainStep(a, b, g.edge(a.index, b.index), writers, invocationOf);
    });
    const realtime = steps.some((s) => (s as { type: string }).type === 'realtime');
    const type = realtime ? 'G1c-realtime' : 'G1c';
    add(type, { cycle: [...ops, ops[0]], steps, type });
  }
  return anomalies;
}
