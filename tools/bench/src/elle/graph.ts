/**
 * A directed graph over dense integer vertices (transactions), each edge carrying a BitRels set. Vertices exist
 * once something linked or added them, as in Bifurcan (Elle's empty-graph test counts vertices). Edges live in
 * one map keyed by (from, to) and per-vertex successor lists, which keeps 10^5–10^6 edges cheap to build.
 */
const SHIFT = 4294967296; // 2^32: (from, to) → from·2^32 + to, exact for from < 2^21.

export class RelGraph {
  private readonly succ = new Map<number, number[]>();
  private readonly rels = new Map<number, number>();

  get size(): number {
    return this.succ.size;
  }

  addVertex(v: number): void {
    if (!this.succ.has(v)) this.succ.set(v, []);
  }

  link(from: number, to: number, rels: number): void {
    const key = from * SHIFT + to;
    const before = this.rels.get(key);
    if (before === undefined) {
      this.addVertex(to);
      let out = this.succ.get(from);
      if (!out) this.succ.set(from, (out = []));
      out.push(to);
      this.rels.set(key, rels);
    } else if ((before | rels) !== before) {
      this.rels.set(key, before | rels);
    }
  }

  hasVertex(v: number): boolean {
    return this.succ.has(v);
  }

  vertices(): IterableIterator<number> {
    return this.succ.keys();
  }

  successors(v: number): readonly number[] {
    return this.succ.get(v) ?? EMPTY;
  }

  /** The rels of edge from → to, 0 when there is none. */
  edge(from: number, to: number): number {
    return this.rels.get(from * SHIFT + to) ?? 0;
  }

  /** The subgraph induced by `vertices` (Bifurcan `select`). */
  select(vertices: Iterable<number>): RelGraph {
    const keep = new Set(vertices);
    const g = new RelGraph();
    for (const v of keep) {
      if (!this.succ.has(v)) continue;
      g.addVertex(v);
      for (const w of this.successors(v)) if (keep.has(w)) g.link(v, w, this.edge(v, w));
    }
    return g;
  }

  /** Edges whose rels intersect `mask`, restricted to those rels; only vertices with such an edge remain. */
  project(mask: number): RelGraph {
    const g = new RelGraph();
    for (const [v, out] of this.succ) {
      for (const w of out) {
        const rels = this.edge(v, w) & mask;
        if (rels !== 0) g.link(v, w, rels);
      }
    }
    return g;
  }
}

const EMPTY: readonly number[] = [];
