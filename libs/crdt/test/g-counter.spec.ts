import fc from 'fast-check';
import { CrdtDecodeError, GCounter } from '../src';
import { gCounters, increments, nodeIds, smallCounts } from './arbitraries';
import { badCounts, itIsAnInflation, itIsASemilattice, itRoundTripsThroughJSON, nonObjects } from './laws';

function rejection(input: unknown): CrdtDecodeError {
  try {
    GCounter.fromJSON(input);
  } catch (error) {
    if (error instanceof CrdtDecodeError) return error;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(input)}`);
}

describe('GCounter', () => {
  describe('laws', () => {
    itIsASemilattice(gCounters, GCounter.merge, GCounter.equals);
    itIsAnInflation(
      'increment',
      gCounters,
      increments,
      (counter, [node, by]) => GCounter.increment(counter, node, by),
      GCounter.merge,
      GCounter.equals,
    );
    itRoundTripsThroughJSON(gCounters, GCounter.toJSON, GCounter.fromJSON, GCounter.equals);

    it('increment raises the value by exactly its amount', () => {
      fc.assert(
        fc.property(gCounters, nodeIds, smallCounts, (counter, node, by) => {
          const next = GCounter.increment(counter, node, by);
          return GCounter.value(next) === GCounter.value(counter) + by && GCounter.leq(counter, next);
        }),
      );
    });

    it('merge never lowers the value below either side', () => {
      fc.assert(
        fc.property(gCounters, gCounters, (a, b) => {
          const merged = GCounter.value(GCounter.merge(a, b));
          return merged >= GCounter.value(a) && merged >= GCounter.value(b);
        }),
      );
    });

    it('the same increments in any order encode to identical JSON text', () => {
      fc.assert(
        fc.property(
          fc
            .array(increments, { maxLength: 12 })
            .chain((ops) => fc.tuple(fc.constant(ops), fc.shuffledSubarray(ops, { minLength: ops.length }))),
          ([ops, shuffled]) => {
            const build = (list: typeof ops) =>
              list.reduce((c, [node, by]) => GCounter.increment(c, node, by), GCounter.empty());
            return (
              JSON.stringify(GCounter.toJSON(build(ops))) === JSON.stringify(GCounter.toJSON(build(shuffled)))
            );
          },
        ),
      );
    });
  });

  describe('examples', () => {
    it('counts per node and merges by maximum', () => {
      const a = GCounter.increment(GCounter.increment(GCounter.empty(), 'n1', 3), 'n2');
      const b = GCounter.increment(GCounter.empty(), 'n1', 5);
      const merged = GCounter.merge(a, b);
      expect(GCounter.value(merged)).toBe(6);
      expect(GCounter.get(merged, 'n1')).toBe(5);
      expect(GCounter.get(merged, 'n3')).toBe(0);
      expect(GCounter.toJSON(merged)).toEqual({ n1: 5, n2: 1 });
    });

    it('writes keys sorted and drops zero slots', () => {
      const counter = GCounter.increment(
        GCounter.increment(GCounter.increment(GCounter.empty(), 'n2', 1), 'c1', 2),
        'n10',
        3,
      );
      expect(JSON.stringify(GCounter.toJSON(counter))).toBe('{"c1":2,"n10":3,"n2":1}');
      expect(GCounter.toJSON(GCounter.fromJSON({ n1: 0, n2: 4 }))).toEqual({ n2: 4 });
      expect(GCounter.increment(counter, 'n9', 0)).toBe(counter);
    });

    it('keeps a node called __proto__ as data', () => {
      const counter = GCounter.fromJSON(JSON.parse('{"__proto__": 4}') as unknown);
      expect(GCounter.value(counter)).toBe(4);
      expect(JSON.stringify(GCounter.toJSON(counter))).toBe('{"__proto__":4}');
    });

    it('rejects negative, fractional and overflowing increments', () => {
      expect(() => GCounter.increment(GCounter.empty(), 'n1', -1)).toThrow(RangeError);
      expect(() => GCounter.increment(GCounter.empty(), 'n1', 0.5)).toThrow(RangeError);
      const huge = GCounter.increment(GCounter.empty(), 'n1', Number.MAX_SAFE_INTEGER);
      expect(() => GCounter.increment(huge, 'n1')).toThrow(RangeError);
    });

    it('refuses an increment or a merge whose sum would exceed Number.MAX_SAFE_INTEGER', () => {
      const half = GCounter.increment(GCounter.empty(), 'n1', 2 ** 52);
      const otherHalf = GCounter.increment(GCounter.empty(), 'n2', 2 ** 52);
      expect(() => GCounter.increment(half, 'n2', 2 ** 52)).toThrow(RangeError);
      expect(() => GCounter.merge(half, otherHalf)).toThrow(RangeError);
      expect(GCounter.value(GCounter.increment(half, 'n2', 2 ** 52 - 1))).toBe(Number.MAX_SAFE_INTEGER);
    });
  });

  describe('fromJSON rejects bad input', () => {
    it('rejects anything but a plain object', () => {
      fc.assert(fc.property(nonObjects, (input) => rejection(input).path === '$'));
    });

    it('rejects a bad count in any slot, naming the slot', () => {
      fc.assert(
        fc.property(
          gCounters,
          fc.string({ minLength: 1, maxLength: 4 }).filter((k) => /^[a-z]\w*$/.test(k)),
          badCounts,
          (counter, node, bad) => {
            const input: Record<string, unknown> = { ...GCounter.toJSON(counter), [node]: bad };
            return rejection(input).path === `$.${node}`;
          },
        ),
      );
    });

    it('rejects counts whose sum exceeds Number.MAX_SAFE_INTEGER, which a JSON reader may round', () => {
      const max = Number.MAX_SAFE_INTEGER;
      expect(rejection({ a: max, b: max })).toMatchObject({
        path: '$',
        problem: expect.stringMatching(/sum/),
      });
      expect(GCounter.value(GCounter.fromJSON({ a: max - 1, b: 1 }))).toBe(max);
    });

    it('caps a long key in the path and message', () => {
      const error = rejection({ ['k'.repeat(1_000_000)]: -1 });
      expect(error.message.length).toBeLessThan(200);
      expect(error.path).toMatch(/^\$\["k+…"\]$/);
    });

    it('names awkward keys with bracket paths', () => {
      expect(rejection({ 'a b': -1 }).path).toBe('$["a b"]');
      expect(rejection({ n1: '3' }).problem).toMatch(/non-negative safe integer/);
    });
  });
});

describe('GCounter.equals', () => {
  it('tells apart counters over the same nodes with different counts', () => {
    const three = GCounter.increment(GCounter.empty(), 'n0', 3);
    expect(GCounter.equals(three, GCounter.increment(GCounter.empty(), 'n0', 4))).toBe(false);
    expect(GCounter.equals(three, GCounter.increment(GCounter.empty(), 'n0', 3))).toBe(true);
  });
});
