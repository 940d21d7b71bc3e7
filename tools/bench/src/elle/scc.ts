/**
 * Strongly connected components by Tarjan's algorithm, iterative (an explicit stack, no recursion), so histories
 * of any length are safe. Vertices are whatever `successors` relates; components are returned in completion order.
 */
export function stronglyConnectedComponents<V>(
  vertices: Iterable<V>,
  successors: (v: V) => Iterable<V>,
  includeSingletons: boolean,
): V[][] {
  const index = new Map<V, number>();
  const low = new Map<V, number>();
  const onStack = new Set<V>();
  const stack: V[] = [];
  const components: V[][] = [];
  let counter = 0;

  for (const root of vertices) {
    if (index.has(root)) continue;
    const frames: Array<{ v: V; it: Iterator<V> }> = [];
    const enter = (v: V): void => {
      index.set(v, counter);
      low.set(v, counter);
      counter++;
      stack.push(v);
      onStack.add(v);
      frames.push({ v, it: successors(v)[Symbol.iterator]() });
    };
    enter(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      const next = frame.it.next();
      if (!next.done) {
        const w = next.value;
        if (!index.has(w)) {
          enter(w);
        } else if (onStack.has(w)) {
          low.set(frame.v, Math.min(low.get(frame.v) as number, index.get(w) as number));
        }
        continue;
      }
      frames.pop();
      const v = frame.v;
      if (frames.length > 0) {
        const parent = frames[frames.length - 1].v;
        low.set(parent, Math.min(low.get(parent) as number, low.get(v) as number));
      }
      if (low.get(v) === index.get(v)) {
        const component: V[] = [];
        let w: V;
        do {
          w = stack.pop() as V;
          onStack.delete(w);
          component.push(w);
        } while (w !== v);
        if (includeSingletons || component.length > 1) components.push(component);
      }
    }
  }
  return components;
}

/**
 * The same algorithm for vertices that are small non-negative integers (< n), on typed arrays: no per-vertex
 * allocation, for graphs of 10^5–10^6 transactions. Singleton components are left out.
 */
export function denseStronglyConnectedComponents(
  n: number,
  vertices: Iterable<number>,
  successors: (v: number) => readonly number[],
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
  for (const root of vertices) {
    if (index[root] !== -1) continue;
    let fp = 0;
    const enter = (v: number): void => {
      index[v] = low[v] = counter++;
      stack[sp++] = v;
      onStack[v] = 1;
      frameVertex[fp] = v;
      frameNext[fp++] = 0;
    };
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
        if (component.length > 1) components.push(component);
      }
    }
  }
  return components;
}
