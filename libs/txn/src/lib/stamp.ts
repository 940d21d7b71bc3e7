/** Node ids as Maelstrom names them (`n0`, `n1`…). */
export type NodeId = string;

/**
 * A Lamport timestamp with the committing node as tie-break: a total order on committed transactions that extends
 * causality (a node's counter passes every counter it has seen before it stamps a new transaction).
 */
export interface Stamp {
  readonly counter: number;
  readonly node: NodeId;
}

export function compareStamps(a: Stamp, b: Stamp): number {
  if (a.counter !== b.counter) return a.counter - b.counter;
  return a.node < b.node ? -1 : a.node > b.node ? 1 : 0;
}
