/**
 * Strongly connected components by Tarjan's algorithm: the one implementation the kafka and txn checkers share.
 * Iterative (an explicit stack, no recursion), so histories of any length are safe, and on typed arrays, so graphs
 * of 10^5–10^6 transactions cost no allocation per vertex. Components come out in completion order, each in the
 * order its vertices left the stack: callers that print them sort them.
 */

/**
 * Components of a graph whose vertices are small non-negative integers (< n). `vertices` are the roots, tried in
 * the order given; `successors` must list the same neighbours in the same order each time it is asked.
 */
export function denseStronglyConnectedComponents(
  n: number,
  vertices: Iterable<number>,
  successors: (v: number) => readonly number[],
  includeSingletons = false,
): number[][] {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  let sp = 0;
  const frameVertex = new Int32Array(n);
  const frameNext = new Int32Array(n);
  const components: number[][] = [];
  let counter = 0;
  let fp = 0;
  const enter = (v: number): void => {
    index[v] = low[v] = counter++;
    stack[sp++] = v;
    onStack[v] = 1;
    frameVertex[fp] = v;
    frameNext[fp++] = 0;
  };
  for (const root of vertices) {
    if (index[root] !== -1) continue;
    enter(root);
    while (fp > 0) {
      const v = frameVertex[fp - 1];
      const out = successors(v);
      const i = frameNext[fp - 1];
      if (i < out.length) {
        frameNext[fp - 1] = i + 1;
        const w = out[i];
        if (index[w] === -1) enter(w);
        else if (onStack[w] === 1 && index[w] < low[v]) low[v] = index[w];
        continue;
      }
      fp--;
      if (fp > 0) {
        const parent = frameVertex[fp - 1];
        if (low[v] < low[parent]) low[parent] = low[v];
      }
      if (low[v] === index[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack[--sp];
          onStack[w] = 0;
          component.push(w);
        } while (w !== v);
        if (includeSingletons || component.length > 1) components.push(component);
      }
    }
  }
  return components;
}

/**
 * The same for vertices of any kind (compared by identity, as Map keys): each is numbered in the order it is first
 * met, roots first, and the dense algorithm runs on the numbers.
 */
export function stronglyConnectedComponents<V>(
  vertices: Iterable<V>,
  successors: (v: V) => Iterable<V>,
  includeSingletons: boolean,
): V[][] {
  const ids = new Map<V, number>();
  const names: V[] = [];
  const idOf = (v: V): number => {
    let id = ids.get(v);
    if (id === undefined) {
      id = names.length;
      ids.set(v, id);
      names.push(v);
    }
    return id;
  };
  const roots: number[] = [];
  for (const v of vertices) roots.push(idOf(v));
  const adjacency: number[][] = [];
  for (let id = 0; id < names.length; id++) adjacency.push(Array.from(successors(names[id]), idOf));
  return denseStronglyConnectedComponents(names.length, roots, (id) => adjacency[id], includeSingletons).map(
    (component) => component.map((id) => names[id]),
  );
}
