import { overlayNeighbours } from './overlay';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `n${i}`);

/** Every node reachable from n0 over the neighbour relation, which must also be symmetric. */
function reachable(options: Parameters<typeof overlayNeighbours>[0], nodeIds: string[]): Set<string> {
  const seen = new Set(['n0']);
  const queue = ['n0'];
  while (queue.length > 0) {
    const node = queue.shift() as string;
    for (const peer of overlayNeighbours(options, node, nodeIds, undefined)) {
      expect(overlayNeighbours(options, peer, nodeIds, undefined)).toContain(node);
      if (!seen.has(peer)) {
        seen.add(peer);
        queue.push(peer);
      }
    }
  }
  return seen;
}

describe('overlayNeighbours', () => {
  it.each([1, 2, 5, 25, 100])('star and trees connect all %i nodes symmetrically', (n) => {
    expect(reachable({ overlay: 'star' }, ids(n)).size).toBe(n);
    expect(reachable({ overlay: 'tree', fanout: 2 }, ids(n)).size).toBe(n);
    expect(reachable({ overlay: 'tree', fanout: 4 }, ids(n)).size).toBe(n);
  });

  it('makes the first node the hub of a star', () => {
    expect(overlayNeighbours({ overlay: 'star' }, 'n0', ids(4), undefined)).toEqual(['n1', 'n2', 'n3']);
    expect(overlayNeighbours({ overlay: 'star' }, 'n2', ids(4), undefined)).toEqual(['n0']);
  });

  it('uses the given topology, ignoring itself and nodes not in the cluster', () => {
    const topology = { n0: ['n1', 'n9', 'n0'], n1: ['n0'] };
    expect(overlayNeighbours({ overlay: 'given' }, 'n0', ids(3), topology)).toEqual(['n1']);
  });

  it('reads only entries of the topology itself, even for a node named like an Object.prototype member', () => {
    const nodes = ['toString', 'constructor'];
    expect(overlayNeighbours({ overlay: 'given' }, 'toString', nodes, {})).toEqual(['constructor']);
  });

  it('falls back to every peer until a topology arrives', () => {
    expect(overlayNeighbours({ overlay: 'given' }, 'n1', ids(3), undefined)).toEqual(['n0', 'n2']);
  });
});
