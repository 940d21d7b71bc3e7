import type { BroadcastOptions } from './broadcast-options';

/**
 * The peers `self` exchanges values with. Every overlay is connected and symmetric, so forwarding each new value to
 * every neighbour but the one it came from reaches every node. Unknown node ids in a topology are ignored.
 */
export function overlayNeighbours(
  options: Pick<BroadcastOptions, 'overlay' | 'fanout'>,
  self: string,
  nodeIds: readonly string[],
  topology: Readonly<Record<string, readonly string[]>> | undefined,
): string[] {
  const index = nodeIds.indexOf(self);
  if (index < 0) return [];
  const known = (ids: readonly string[]) => ids.filter((id) => id !== self && nodeIds.includes(id));
  switch (options.overlay) {
    case 'given':
      return topology && Object.hasOwn(topology, self) ? known(topology[self]) : known(nodeIds);
    case 'star':
      return index === 0 ? known(nodeIds) : [nodeIds[0]];
    case 'tree': {
      const fanout = Math.max(1, options.fanout ?? 2);
      const parent = index === 0 ? [] : [nodeIds[Math.floor((index - 1) / fanout)]];
      const children = nodeIds.slice(index * fanout + 1, index * fanout + 1 + fanout);
      return [...parent, ...children];
    }
  }
}
