import type { GenerateOk } from '@glomers/protocol';
import type { Node, NodeProgram } from '@glomers/runtime';
import { injectable } from 'inversify';

/**
 * Challenge 2: globally unique ids with no coordination, so generation stays available under any partition.
 * An id is `<node id>-<n>`: node ids are distinct and each node never repeats `n`. All ids are strings, so
 * Maelstrom's checker can order them.
 */
@injectable()
export class UniqueIdProgram implements NodeProgram {
  private issued = 0;

  register(node: Node): void {
    node.handle('generate', (): GenerateOk => ({ type: 'generate_ok', id: `${node.id}-${this.issued++}` }));
  }
}
