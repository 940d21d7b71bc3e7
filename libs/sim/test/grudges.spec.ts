import { grudgeFor, PARTITION_SHAPES, SeededRandom } from '../src';

const nodes = (n: number) => Array.from({ length: n }, (_, i) => `n${i}`);
const dropped = (g: ReadonlyMap<string, ReadonlySet<string>>) => [...g.values()].map((s) => s.size);
const heard = (n: number, g: ReadonlyMap<string, ReadonlySet<string>>) =>
  [...g.values()].map((s) => n - s.size);

describe('partition grudges (§3.3)', () => {
  const random = new SeededRandom(11);

  it('one: a single node cut off both ways', () => {
    const g = grudgeFor('one', nodes(5), random);
    expect(dropped(g).sort()).toEqual([1, 1, 1, 1, 4]);
  });

  it('majority: ⌊n/2⌋ vs the rest', () => {
    expect(dropped(grudgeFor('majority', nodes(5), random)).sort()).toEqual([2, 2, 2, 3, 3]);
    expect(dropped(grudgeFor('majority', nodes(2), random))).toEqual([1, 1]);
  });

  it('minority-third: ⌊(n−1)/3⌋ nodes cut off, a no-op below 4 nodes', () => {
    expect(dropped(grudgeFor('minority-third', nodes(25), random)).sort((a, b) => a - b)).toEqual([
      ...Array(17).fill(8),
      ...Array(8).fill(17),
    ]);
    expect(dropped(grudgeFor('minority-third', nodes(3), random))).toEqual([0, 0, 0]);
  });

  it('majorities-ring: with 3 nodes each hears exactly one peer, with 5 its two ring neighbours', () => {
    expect(heard(3, grudgeFor('majorities-ring', nodes(3), random))).toEqual([2, 2, 2]);
    expect(heard(5, grudgeFor('majorities-ring', nodes(5), random))).toEqual([3, 3, 3, 3, 3]);
  });

  it('majorities-ring beyond 5 nodes: every node hears a majority including itself', () => {
    const g = grudgeFor('majorities-ring', nodes(25), random);
    for (const [node, senders] of g) {
      expect(senders.has(node)).toBe(false);
      expect(25 - senders.size).toBeGreaterThanOrEqual(13);
    }
  });

  it('knows the four shapes', () => {
    expect(PARTITION_SHAPES).toEqual(['one', 'minority-third', 'majority', 'majorities-ring']);
  });
});
