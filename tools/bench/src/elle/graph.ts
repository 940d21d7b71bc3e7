/**
 * A directed graph over integer vertices (transactions, or history indices of ops), each edge carrying a BitRels
 * set: the dependency graph both the txn and the kafka checker build. Vertices exist once something linked or
 * added them, in that order, as in Bifurcan (Elle's empty-graph test counts vertices). Each vertex keeps its
 * successors in the order they were first linked, with their rels alongside; a repeated link is found by a scan
 * of those few successors, or through an index once a vertex has many, so building 10^5–10^6 edges allocates
 * little beyond the lists themselves.
 */
export class RelGraph {
  private readonly adjacency = new Map<number, Adjacency>();

  get size(): number {
    return this.adjacency.size;
  }

  addVertex(v: number): void {
    if (!this.adjacency.has(v)) this.adjacency.set(v, new Adjacency());
  }

  link(from: number, to: number, rels: number): void {
    const out = this.adjacency.get(from);
    const at = out ? out.find(to) : -1;
    if (out && at >= 0) {
      out.rels[at] |= rels;
      return;
    }
    this.addVertex(to);
    this.addVertex(from);
    (this.adjacency.get(from) as Adjacency).add(to, rels);
  }

  hasVertex(v: number): boolean {
    return this.adjacency.has(v);
  }

  vertices(): IterableIterator<number> {
    return this.adjacency.keys();
  }

  successors(v: number): readonly number[] {
    return this.adjacency.get(v)?.to ?? EMPTY;
  }

  /** The rels of each edge out of `v`, in the order of `successors(v)`. */
  successorRels(v: number): readonly number[] {
    return this.adjacency.get(v)?.rels ?? EMPTY;
  }

  /** The rels of edge from → to, 0 when there is none. */
  edge(from: number, to: number): number {
    const out = this.adjacency.get(from);
    const at = out ? out.find(to) : -1;
    return out && at >= 0 ? out.rels[at] : 0;
  }

  /** The subgraph induced by `vertices` (Bifurcan `select`). */
  select(vertices: Iterable<number>): RelGraph {
    const keep = new Set(vertices);
    const g = new RelGraph();
    for (const v of keep) {
      const out = this.adjacency.get(v);
      if (!out) continue;
      g.addVertex(v);
      for (let i = 0; i < out.to.length; i++) if (keep.has(out.to[i])) g.link(v, out.to[i], out.rels[i]);
    }
    return g;
  }

  /** Edges whose rels intersect `mask`, restricted to those rels; only vertices with such an edge remain. */
  project(mask: number): RelGraph {
    const g = new RelGraph();
    this.adjacency.forEach((out, v) => {
      for (let i = 0; i < out.to.length; i++) {
        const rels = out.rels[i] & mask;
        if (rels !== 0) g.link(v, out.to[i], rels);
      }
    });
    return g;
  }
}

/** Above this many successors a vertex indexes them; below it a scan is cheaper than a map. */
const SCAN_LIMIT = 16;

class Adjacency {
  readonly to: number[] = [];
  readonly rels: number[] = [];
  private index: Map<number, number> | undefined;

  find(w: number): number {
    return this.index ? (this.index.get(w) ?? -1) : this.to.indexOf(w);
  }

  add(w: number, rels: number): void {
    this.to.push(w);
    this.rels.push(rels);
    if (this.index) this.index.set(w, this.to.length - 1);
    else if (this.to.length > SCAN_LIMIT) this.index = new Map(this.to.map((v, i) => [v, i]));
  }
}

const EMPTY: readonly number[] = [];

/**
 * A shortest cycle through the first of `starts` that lies on one (breadth-first, successors in graph order), as
 * its vertices from that start on (the start is not repeated at the end); undefined when none of them does.
 */
export function shortestCycle(g: RelGraph, starts: readonly number[]): number[] | undefined {
  for (const start of starts) {
    const parent = new Map<number, number>();
    const queue = [start];
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head];
      for (const w of g.successors(v)) {
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
