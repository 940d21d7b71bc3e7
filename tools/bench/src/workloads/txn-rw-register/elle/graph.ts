/**
 * A directed graph over dense integer vertices (transactions), each edge carrying a BitRels set. Vertices exist
 * once something linked them, as in Bifurcan: unlinking a self-edge keeps the vertex (Elle's empty-graph test
 * counts vertices).
 */
export class RelGraph {
  private readonly outs = new Map<number, Map<number, number>>();
  private readonly ins = new Map<number, Set<number>>();

  get size(): number {
    return this.outs.size;
  }

  addVertex(v: number): void {
    if (!this.outs.has(v)) {
      this.outs.set(v, new Map());
      this.ins.set(v, new Set());
    }
  }

  link(from: number, to: number, rels: number): void {
    this.addVertex(from);
    this.addVertex(to);
    const out = this.outs.get(from) as Map<number, number>;
    out.set(to, (out.get(to) ?? 0) | rels);
    (this.ins.get(to) as Set<number>).add(from);
  }

  unlink(from: number, to: number): void {
    this.outs.get(from)?.delete(to);
    this.ins.get(to)?.delete(from);
  }

  hasVertex(v: number): boolean {
    return this.outs.has(v);
  }

  vertices(): IterableIterator<number> {
    return this.outs.keys();
  }

  /** Successors with their edge rels. */
  out(v: number): ReadonlyMap<number, number> {
    return this.outs.get(v) ?? EMPTY_OUT;
  }

  in(v: number): ReadonlySet<number> {
    return this.ins.get(v) ?? EMPTY_IN;
  }

  edge(from: number, to: number): number {
    return this.outs.get(from)?.get(to) ?? 0;
  }

  /** Adds every edge (and vertex) of `other`, unioning rels. */
  merge(other: RelGraph): void {
    for (const v of other.vertices()) {
      this.addVertex(v);
      for (const [w, rels] of other.out(v)) this.link(v, w, rels);
    }
  }

  /** The subgraph induced by `vertices` (Bifurcan `select`). */
  select(vertices: Iterable<number>): RelGraph {
    const keep = new Set(vertices);
    const g = new RelGraph();
    for (const v of keep) {
      if (!this.outs.has(v)) continue;
      g.addVertex(v);
      for (const [w, rels] of this.out(v)) if (keep.has(w)) g.link(v, w, rels);
    }
    return g;
  }

  /** Edges whose rels intersect `mask`, restricted to those rels; only vertices with such an edge remain. */
  project(mask: number): RelGraph {
    const g = new RelGraph();
    for (const [v, out] of this.outs) {
      for (const [w, rels] of out) if ((rels & mask) !== 0) g.link(v, w, rels & mask);
    }
    return g;
  }
}

const EMPTY_OUT: ReadonlyMap<number, number> = new Map();
const EMPTY_IN: ReadonlySet<number> = new Set();
