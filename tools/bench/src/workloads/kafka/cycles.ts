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
import { opReads } from './ops';
import { NoWriterOf, type ReadersOf, type WriterOf } from './writers-readers';

type Rel = 'wr' | 'realtime';

interface Graph {
  readonly ops: Map<number, Op>;
  readonly out: Map<number, Map<number, Set<Rel>>>;
}

function link(g: Graph, a: Op, b: Op, rel: Rel): void {
  g.ops.set(a.index, a);
  g.ops.set(b.index, b);
  const edges = g.out.get(a.index) ?? new Map<number, Set<Rel>>();
  g.out.set(a.index, edges);
  const rels = edges.get(b.index) ?? new Set<Rel>();
  rels.add(rel);
  edges.set(b.index, rels);
}

export function dependencyGraph(history: History, writers: WriterOf, readers: ReadersOf): Graph {
  const g: Graph = { ops: new Map(), out: new Map() };
  for (const [k, byValue] of readers) {
    for (const [vk, rs] of byValue) {
      const writer = writers.get(k)?.get(vk);
      if (!writer) throw new NoWriterOf('no-writer-of-value', k, firstValue(rs[0], k, vk));
      for (const r of rs) if (r.index !== writer.index) link(g, writer, r, 'wr');
    }
  }
  // Elle's realtime-graph over the send/poll/txn ops.
  const txns = history.filter((op) => op.process !== 'nemesis' && ['send', 'poll', 'txn'].includes(op.f));
  const completionOf = new Map<number, Op>();
  for (const { invoke, complete } of pairOps(txns)) if (complete) completionOf.set(invoke.index, complete);
  const realtimeIn = new Map<number, Set<number>>();
  let oks = new Map<number, Op>();
  for (const op of txns) {
    if (op.type === 'invoke') {
      const done = completionOf.get(op.index);
      if (!done) continue;
      for (const a of oks.values()) {
        link(g, a, done, 'realtime');
        const preds = realtimeIn.get(done.index) ?? new Set<number>();
        preds.add(a.index);
        realtimeIn.set(done.index, preds);
      }
    } else if (op.type === 'ok') {
      const implied = realtimeIn.get(op.index);
      if (implied) oks = new Map([...oks].filter(([i]) => !implied.has(i)));
      oks.set(op.index, op);
    }
  }
  return g;
}

/** The polled message a readers-of entry stands for (readers-of is keyed by canonical text). */
function firstValue(reader: Op | undefined, k: string, vk: string): unknown {
  for (const v of reader ? (opReads(reader).get(k) ?? []) : []) if (jsonKey(v) === vk) return v;
  return vk;
}

/** Strongly connected components with more than one vertex (iterative Tarjan). */
export function stronglyConnected(
  vertices: Iterable<number>,
  succ: (v: number) => Iterable<number>,
): number[][] {
  let counter = 0;
  const index = new Map<number, number>();
  const low = new Map<number, number>();
  const onStack = new Set<number>();
  const stack: number[] = [];
  const sccs: number[][] = [];
  for (const root of vertices) {
    if (index.has(root)) continue;
    const work: Array<{ v: number; it: Iterator<number> }> = [];
    const visit = (v: number): void => {
      index.set(v, counter);
      low.set(v, counter);
      counter++;
      stack.push(v);
      onStack.add(v);
      work.push({ v, it: succ(v)[Symbol.iterator]() });
    };
    visit(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const next = frame.it.next();
      if (!next.done) {
        const w = next.value;
        if (!index.has(w)) visit(w);
        else if (onStack.has(w)) low.set(frame.v, Math.min(low.get(frame.v) ?? 0, index.get(w) ?? 0));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].v;
        low.set(parent, Math.min(low.get(parent) ?? 0, low.get(frame.v) ?? 0));
      }
      if (low.get(frame.v) === index.get(frame.v)) {
        const scc: number[] = [];
        let w: number | undefined;
        do {
          w = stack.pop();
          if (w === undefined) break;
          onStack.delete(w);
          scc.push(w);
        } while (w !== frame.v);
        if (scc.length > 1) sccs.push(scc.sort((a, b) => a - b));
      }
    }
  }
  return sccs;
}

/** A shortest cycle through the first vertex (ascending) that lies on one, following `succ`. */
function shortestCycle(
  vertices: readonly number[],
  succ: (v: number) => Iterable<number>,
): number[] | undefined {
  for (const start of vertices) {
    const parent = new Map<number, number>();
    const queue = [start];
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head];
      for (const w of succ(v)) {
        if (w === start) {
          const path = [v];
          while (path[0] !== start) path.unshift(parent.get(path[0]) ?? start);
          return path;
        }
        if (!parent.has(w) && w !== start) {
          parent.set(w, v);
          queue.push(w);
        }
      }
    }
  }
  return undefined;
}

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

function explainStep(
  a: Op,
  b: Op,
  rels: ReadonlySet<Rel>,
  writers: WriterOf,
  invocationOf: Map<number, Op>,
): unknown {
  if (rels.has('wr')) {
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
  const anomalies: Record<string, unknown[] | true> = {};
  if (g.ops.size === 0) return { 'empty-transaction-graph': true };
  const invocationOf = new Map<number, Op>();
  for (const { invoke, complete } of pairOps(history)) if (complete) invocationOf.set(complete.index, invoke);
  const add = (type: string, c: unknown): void => {
    const list = anomalies[type];
    if (Array.isArray(list)) list.push(c);
    else anomalies[type] = [c];
  };
  const succ = (members: ReadonlySet<number>, wrOnly: boolean) =>
    function* (v: number): Generator<number> {
      for (const [w, rels] of g.out.get(v) ?? []) if (members.has(w) && (!wrOnly || rels.has('wr'))) yield w;
    };
  const all = new Set(g.ops.keys());
  for (const scc of stronglyConnected(
    [...all].sort((a, b) => a - b),
    succ(all, false),
  )) {
    const members = new Set(scc);
    const wrSccs = stronglyConnected(scc, succ(members, true)).sort((a, b) => a.length - b.length);
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
    const path = shortestCycle(scc, succ(members, wrOnly));
    if (!path) continue;
    const ops = path.map((i) => g.ops.get(i) as Op);
    const steps = ops.map((a, i) => {
      const b = ops[(i + 1) % ops.length];
      return explainStep(a, b, g.out.get(a.index)?.get(b.index) ?? new Set<Rel>(), writers, invocationOf);
    });
    const realtime = steps.some((s) => (s as { type: string }).type === 'realtime');
    const type = realtime ? 'G1c-realtime' : 'G1c';
    add(type, { cycle: [...ops, ops[0]], steps, type });
  }
  return anomalies;
}
