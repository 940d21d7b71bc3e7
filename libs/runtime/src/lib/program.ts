import type { Container } from 'inversify';
import { Node } from './node';

/** A node's behaviour: registers its handlers (and timers, via `node.onInit`) on the node. */
export interface NodeProgram {
  register(node: Node): void;
}

export const NODE_PROGRAM = Symbol.for('glomers.NodeProgram');

/** Registers every bound program on the container's node and starts serving. Returns the node. */
export function runNode(container: Container): Node {
  const node = container.get(Node);
  for (const program of container.getAll<NodeProgram>(NODE_PROGRAM)) program.register(node);
  node.start();
  return node;
}
