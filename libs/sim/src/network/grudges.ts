import type { Random } from '../lib/ports';
import { pick, shuffle } from '../lib/random-streams';

/** Receiver → the senders whose messages it drops. */
export type Grudge = ReadonlyMap<string, ReadonlySet<string>>;

export const PARTITION_SHAPES = ['one', 'minority-third', 'majority', 'majorities-ring'] as const;
export type PartitionShape = (typeof PARTITION_SHAPES)[number];

/** Jepsen's complete-grudge: no node hears anyone outside its own component. */
export function completeGrudge(components: readonly (readonly string[])[]): Grudge {
  const universe = components.flat();
  const grudge = new Map<string, Set<string>>();
  for (const component of components) {
    const inside = new Set(component);
    for (const node of component) grudge.set(node, new Set(universe.filter((other) => !inside.has(other))));
  }
  return grudge;
}

const majority = (n: number): number => Math.floor(n / 2) + 1;

/** The grudge for one partition shape (jepsen.nemesis.combined/grudge, §3.3). */
export function grudgeFor(shape: PartitionShape, nodes: readonly string[], random: Random): Grudge {
  switch (shape) {
    case 'one': {
      const loner = pick(random, nodes);
      return completeGrudge([[loner], nodes.filter((n) => n !== loner)]);
    }
    case 'majority': {
      const shuffled = shuffle(random, nodes);
      const half = Math.floor(shuffled.length / 2);
      return completeGrudge([shuffled.slice(0, half), shuffled.slice(half)]);
    }
    case 'minority-third': {
      const shuffled = shuffle(random, nodes);
      const k = Math.floor((nodes.length - 1) / 3);
      return completeGrudge([shuffled.slice(0, k), shuffled.slice(k)]);
    }
    case 'majorities-ring':
      return nodes.length <= 5 ? perfectRing(nodes, random) : stochasticRing(nodes, random);
  }
}

/** n ≤ 5: a random ring; each node hears the window of ⌊n/2⌋+1 ring nodes centred on itself. */
function perfectRing(nodes: readonly string[], random: Random): Grudge {
  const ring = shuffle(random, nodes);
  const m = majority(nodes.length);
  const grudge = new Map<string, Set<string>>();
  for (let i = 0; i < ring.length; i++) {
    const window = Array.from({ length: m }, (_, k) => ring[(i + k) % ring.length]);
    const centre = window[Math.floor(window.length / 2)];
    grudge.set(centre, new Set(nodes.filter((n) => !window.includes(n))));
  }
  return grudge;
}

/** n > 5: link least-connected nodes until every node hears a majority (itself included). */
function stochasticRing(nodes: readonly string[], random: Random): Grudge {
  const m = majority(nodes.length);
  const conns = new Map(nodes.map((n) => [n, new Set([n])]));
  for (;;) {
    const byDegree = new Map<number, string[]>();
    for (const n of nodes) {
      const d = conns.get(n)?.size ?? 0;
      byDegree.set(d, [...(byDegree.get(d) ?? []), n]);
    }
    const order = [...byDegree.keys()]
      .sort((a, b) => a - b)
      .flatMap((d) => shuffle(random, byDegree.get(d) ?? []));
    const a = order[0];
    const aConns = conns.get(a) ?? new Set<string>();
    if (aConns.size >= m) break;
    const b = order.find((n) => !aConns.has(n));
    if (b === undefined) break;
    aConns.add(b);
    conns.get(b)?.add(a);
  }
  return new Map(nodes.map((n) => [n, new Set(nodes.filter((o) => !conns.get(n)?.has(o)))]));
}

/** The grudge as Maelstrom prints it in the history: `{receiver: [senders…]}`. */
export function grudgeToJson(grudge: Grudge): Record<string, string[]> {
  return Object.fromEntries([...grudge].map(([node, senders]) => [node, [...senders].sort()]));
}
