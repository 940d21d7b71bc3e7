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
