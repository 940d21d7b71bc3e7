import fc from 'fast-check';
import { CrdtDecodeError, GSet, type ElementGuard, type GSetElement } from '../src';
import { gSets, stringGSets } from './arbitraries';
import { itIsAnInflation, itIsASemilattice, itRoundTripsThroughJSON, nonObjects } from './laws';

const element = fc.integer({ min: -20, max: 60 });

describe('GSet', () => {
  describe('laws', () => {
    itIsASemilattice(gSets, GSet.merge, GSet.equals);
    itIsAnInflation('add', gSets, element, GSet.add, GSet.merge, GSet.equals);
    itRoundTripsThroughJSON(gSets, GSet.toJSON, (json) => GSet.fromJSON(json, GSet.integers), GSet.equals);
    itRoundTripsThroughJSON(
      stringGSets,
      GSet.toJSON,
      (json) => GSet.fromJSON(json, GSet.strings),
      GSet.equals,
    );

    it('merge is the union', () => {
      fc.assert(
        fc.property(gSets, gSets, (a, b) => {
          const union = GSet.merge(a, b);
          return [...a, ...b].every((x) => union.has(x)) && [...union].every((x) => a.has(x) || b.has(x));
        }),
      );
    });

    it('add grows the value monotonically and never mutates its input', () => {
      fc.assert(
        fc.property(gSets, element, (set, x) => {
          const before = [...set];
          const after = GSet.add(set, x);
          return after.has(x) && [...set].every((y) => after.has(y)) && GSet.equals(set, GSet.from(before));
        }),
      );
    });

    it('difference(a, b) is exactly what b lacks, and merging it into b gives merge(a, b)', () => {
      fc.assert(
        fc.property(gSets, gSets, (a, b) => {
          const delta = GSet.difference(a, b);
          return (
            [...delta].every((x) => a.has(x) && !b.has(x)) &&
            [...a].every((x) => b.has(x) || delta.has(x)) &&
            GSet.equals(GSet.merge(b, delta), GSet.merge(a, b))
          );
        }),
      );
    });
  });

  describe('examples', () => {
    it('adds, merges and reads', () => {
      const a = GSet.add(GSet.add(GSet.empty<number>(), 1), 2);
      const b = GSet.add(GSet.empty<number>(), 3);
      expect([...GSet.value(GSet.merge(a, b))].sort()).toEqual([1, 2, 3]);
      expect(GSet.has(a, 2)).toBe(true);
      expect(GSet.has(b, 2)).toBe(false);
    });

    it('returns its input when nothing changes', () => {
      const big = GSet.from([1, 2, 3, 4, 5]);
      expect(GSet.add(big, 3)).toBe(big);
      expect(GSet.merge(big, GSet.from([2, 4]))).toBe(big);
      expect(GSet.merge(GSet.from([2, 4]), big)).toBe(big);
      expect(GSet.difference(big, GSet.empty())).toBe(big);
    });

    it('encodes numbers ascending, then strings', () => {
      expect(GSet.toJSON(GSet.from<number | string>(['b', 10, 'a', -1, 2]))).toEqual([-1, 2, 10, 'a', 'b']);
    });

    it('rejects elements that cannot survive JSON', () => {
      expect(() => GSet.add(GSet.empty<number>(), NaN)).toThrow(RangeError);
      expect(() => GSet.from([1, Infinity])).toThrow(RangeError);
    });
  });

  describe('fromJSON rejects bad input', () => {
    function rejection(
      input: unknown,
      isElement: ElementGuard<GSetElement> = GSet.integers,
    ): CrdtDecodeError {
      try {
        GSet.fromJSON(input, isElement);
      } catch (error) {
        if (error instanceof CrdtDecodeError) return error;
        throw error;
      }
      throw new Error(`accepted ${JSON.stringify(input)}`);
    }

    it('rejects non-arrays', () => {
      fc.assert(
        fc.property(
          nonObjects.filter((x) => !Array.isArray(x)),
          (input) => rejection(input).path === '$',
        ),
      );
    });

    it('rejects an array with one element of the wrong type, at that index', () => {
      const wrong = fc.oneof(
        fc.string(),
        fc.double().filter((x) => !Number.isSafeInteger(x)),
        fc.constant(null),
      );
      fc.assert(
        fc.property(fc.uniqueArray(fc.nat(), { maxLength: 10 }), wrong, fc.nat(), (xs, bad, at) => {
          const index = at % (xs.length + 1);
          const input: unknown[] = [...xs.slice(0, index), bad, ...xs.slice(index)];
          return rejection(input).path === `$[${index}]`;
        }),
      );
    });

    it('reads strings and finite numbers when no guard is given, and rejects anything else as a decode error', () => {
      expect([...GSet.fromJSON([1, 'a'])]).toEqual([1, 'a']);
      for (const bad of [[{}], [null], [[1]], [Infinity], [true]]) {
        expect(() => GSet.fromJSON(bad)).toThrow(CrdtDecodeError);
      }
    });

    it('quotes a long element in its message only in part', () => {
      expect(rejection(['x'.repeat(1_000_000)]).message.length).toBeLessThan(200);
    });

    it('rejects duplicates, holes and strings posing as numbers', () => {
      expect(rejection([1, 2, 1]).problem).toMatch(/duplicate/);
      expect(rejection([1, , 3]).path).toBe('$[1]'); // eslint-disable-line no-sparse-arrays
      expect(rejection(['1']).path).toBe('$[0]');
      expect(rejection([1], GSet.strings).path).toBe('$[0]');
      expect(rejection([NaN], (x: unknown): x is number => typeof x === 'number').problem).toMatch(/finite/);
    });
  });
});
