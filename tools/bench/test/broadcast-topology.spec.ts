import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTopology, isTopologyName } from '../src/workloads/broadcast/topology';

interface Reference {
  readonly topologies: Record<string, Array<[string, string[]]>>;
}

const reference = JSON.parse(
  readFileSync(join(__dirname, 'fixtures', 'broadcast-topologies.json'), 'utf8'),
) as Reference;

const nodes = (n: number): string[] => Array.from({ length: n }, (_, i) => `n${i}`);

describe('broadcast topologies, against the maps Maelstrom itself builds', () => {
  const cases = Object.entries(reference.topologies).map(([key, entries]) => {
    const [name, count] = key.split('/');
    return { name, count: Number(count), entries };
  });

  it('covers every topology name for n = 1, 2, 5 and 25', () => {
    const covered = new Set(cases.map(({ name, count }) => `${name}/${count}`));
    for (const name of ['line', 'grid', 'tree', 'tree2', 'tree3', 'tree4', 'total']) {
      for (const n of [1, 2, 5, 25]) expect(covered).toContain(`${name}/${n}`);
    }
  });

  it.each(cases)(
    '$name with $count nodes: same neighbours, neighbour order and key order',
    ({ name, count, entries }) => {
      if (!isTopologyName(name)) throw new Error(`unknown topology ${name}`);
      expect(Object.entries(buildTopology(name, nodes(count)))).toEqual(entries);
    },
  );

  it('serialises to the JSON text Maelstrom sends (key order kept)', () => {
    const grid = buildTopology('grid', nodes(5));
    expect(JSON.stringify(grid)).toBe(
      '{"n0":["n3","n1"],"n1":["n4","n2","n0"],"n2":["n1"],"n3":["n0","n4"],"n4":["n1","n3"]}',
    );
  });
});
