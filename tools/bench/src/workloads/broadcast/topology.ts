import { inClojureMapOrder } from './clojure-map-order';

/** A broadcast topology: node id → its neighbours, as the `topology` message carries it. */
export type Topology = Record<string, string[]>;

export const TOPOLOGY_NAMES = ['line', 'grid', 'tree', 'tree2', 'tree3', 'tree4', 'total'] as const;
export type TopologyName = (typeof TOPOLOGY_NAMES)[number];

export function isTopologyName(name: string): name is TopologyName {
  return (TOPOLOGY_NAMES as readonly string[]).includes(name);
}

/** Builds a topology exactly as Maelstrom's broadcast.clj does, neighbour order and key order included. */
export function buildTopology(name: TopologyName, nodes: readonly string[]): Topology {
  switch (name) {
    case 'line':
      return lineTopology(nodes);
    case 'grid':
      return gridTopology(nodes);
    case 'tree':
    case 'tree2':
      return treeTopology(2, nodes);
    case 'tree3':
      return treeTopology(3, nodes);
    case 'tree4':
      return treeTopology(4, nodes);
    case 'total':
      return totalTopology(nodes);
  }
}

type Entry = readonly [string, string[]];

/** Row-major square grid of side ⌈√n⌉; neighbours in the order below, above, right, left. */
export function gridTopology(nodes: readonly string[]): Topology {
  const n = nodes.length;
  const side = Math.ceil(Math.sqrt(n));
  const at = (row: number, col: number): string | undefined => {
    if (row < 0 || col < 0 || col >= side) return undefined;
    const index = row * side + col;
    return index < n ? nodes[index] : undefined;
  };
  const entries = nodes.map((node, index): Entry => {
    const row = Math.floor(index / side);
    const col = index % side;
    const neighbours = [at(row + 1, col), at(row - 1, col), at(row, col + 1), at(row, col - 1)];
    return [node, neighbours.filter((neighbour): neighbour is string => neighbour !== undefined)];
  });
  return inClojureMapOrder(entries);
}

/** A chain; fewer than two nodes give an empty map (even a lone node gets no entry, as in Maelstrom). */
export function lineTopology(nodes: readonly string[]): Topology {
  const n = nodes.length;
  if (n < 2) return {};
  // Maelstrom starts from {first, last} and then adds the middle nodes in order.
  const entries: Entry[] = [
    [nodes[0], [nodes[1]]],
    [nodes[n - 1], [nodes[n - 2]]],
  ];
  for (let i = 1; i < n - 1; i++) entries.push([nodes[i], [nodes[i - 1], nodes[i + 1]]]);
  return inClojureMapOrder(entries);
}

/**
 * Nodes fill tiers of 1, b, b², … in order, each parent taking the next b nodes of the tier below: node i's parent is
 * ⌊(i−1)/b⌋ and its children b·i+1 … b·i+b. Neighbours: [parent, …children]. Entries in depth-first pre-order, the
 * order Maelstrom's zipper walk adds them.
 */
export function treeTopology(branching: number, nodes: readonly string[]): Topology {
  const children = (index: number): number[] => {
    const first = branching * index + 1;
    const result: number[] = [];
    for (let child = first; child < first + branching && child < nodes.length; child++) result.push(child);
    return result;
  };
  const entries: Entry[] = [];
  const visit = (index: number): void => {
    const parent = index === 0 ? [] : [nodes[Math.floor((index - 1) / branching)]];
    entries.push([nodes[index], [...parent, ...children(index).map((child) => nodes[child])]]);
    for (const child of children(index)) visit(child);
  };
  if (nodes.length > 0) visit(0);
  return inClojureMapOrder(entries);
}

export function totalTopology(nodes: readonly string[]): Topology {
  return inClojureMapOrder(nodes.map((node): Entry => [node, nodes.filter((other) => other !== node)]));
}
