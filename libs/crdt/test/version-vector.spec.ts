import fc from 'fast-check';
import { CrdtDecodeError, VersionVector } from '../src';
import { nodeIds, versionVectors } from './arbitraries';
import { badCounts, itIsAnInflation, itIsASemilattice, itRoundTripsThroughJSON, nonObjects } from './laws';

function rejection(input: unknown): CrdtDecodeError {
  try {
    VersionVector.fromJSON(input);
  } catch (error) {
    if (error instanceof CrdtDecodeError) return error;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(input)}`);
}

const opposite = { before: 'after', after: 'before', equal: 'equal', concurrent: 'concurrent' } as const;

describe('VersionVector', () => {
  describe('laws', () => {
    itIsASemilattice(versionVectors, VersionVector.merge, VersionVector.equals);
    itIsAnInflation(
      'increment',
      versionVectors,
      nodeIds,
      VersionVector.increment,
      VersionVector.merge,
      VersionVector.equals,
    );
    itRoundTripsThroughJSON(
      versionVectors,
      VersionVector.toJSON,
      VersionVector.fromJSON,
      VersionVector.equals,
    );

    it('increment happens after the vector it increments', () => {
      fc.assert(
        fc.property(versionVectors, nodeIds, (vector, node) => {
          const next = VersionVector.increment(vector, node);
          return (
            VersionVector.compare(vector, next) === 'before' &&
            VersionVector.get(next, node) === VersionVector.get(vector, node) + 1
          );
        }),
      );
    });

    it('compare is antisymmetric and agrees with merge', () => {
      fc.assert(
        fc.property(versionVectors, versionVectors, (a, b) => {
          const relation = VersionVector.compare(a, b);
          const merged = VersionVector.merge(a, b);
          const expected = VersionVector.equals(a, b)
            ? 'equal'
            : VersionVector.equals(merged, b)
              ? 'before'
              : VersionVector.equals(merged, a)
                ? 'after'
                : 'concurrent';
          return relation === expected && VersionVector.compare(b, a) === opposite[relation];
        }),
      );
    });

    it('both sides happen before or equal their merge', () => {
      fc.assert(
        fc.property(versionVectors, versionVectors, (a, b) => {
          const merged = VersionVector.merge(a, b);
          return [a, b].every((side) => ['before', 'equal'].includes(VersionVector.compare(side, merged)));
        }),
      );
    });
  });

  describe('examples', () => {
    it('classifies causality', () => {
      const base = VersionVector.increment(VersionVector.empty(), 'n1');
      const left = VersionVector.increment(base, 'n1');
      const right = VersionVector.increment(base, 'n2');
      expect(VersionVector.compare(base, left)).toBe('before');
      expect(VersionVector.compare(left, base)).toBe('after');
      expect(VersionVector.compare(left, right)).toBe('concurrent');
      expect(VersionVector.compare(VersionVector.fromJSON({ n1: 1, n2: 0 }), base)).toBe('equal');
      expect(VersionVector.toJSON(VersionVector.merge(left, right))).toEqual({ n1: 2, n2: 1 });
      expect([...VersionVector.value(right)]).toEqual([
        ['n1', 1],
        ['n2', 1],
      ]);
    });
  });

  describe('fromJSON rejects bad input', () => {
    it('rejects anything but a plain object', () => {
      fc.assert(fc.property(nonObjects, (input) => rejection(input).path === '$'));
    });

    it('rejects a bad entry, naming it', () => {
      fc.assert(
        fc.property(versionVectors, badCounts, (vector, bad) => {
          return rejection({ ...VersionVector.toJSON(vector), zz: bad }).path === '$.zz';
        }),
      );
    });
  });
});

describe('VersionVector.equals', () => {
  it('tells apart vectors over the same nodes with different counts', () => {
    const one = VersionVector.increment(VersionVector.empty(), 'n1');
    const two = VersionVector.increment(one, 'n1');
    expect(VersionVector.equals(one, two)).toBe(false);
    expect(VersionVector.equals(two, one)).toBe(false);
    expect(
      VersionVector.equals(
        two,
        VersionVector.increment(VersionVector.increment(VersionVector.empty(), 'n1'), 'n1'),
      ),
    ).toBe(true);
  });
});
