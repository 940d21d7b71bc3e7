import fc from 'fast-check';
import { CrdtDecodeError, GCounter, PNCounter } from '../src';
import { applyPn, gCounters, pnCounters, pnOperations } from './arbitraries';
import { badCounts, itIsAnInflation, itIsASemilattice, itRoundTripsThroughJSON, nonObjects } from './laws';

function rejection(input: unknown): CrdtDecodeError {
  try {
    PNCounter.fromJSON(input);
  } catch (error) {
    if (error instanceof CrdtDecodeError) return error;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(input)}`);
}

describe('PNCounter', () => {
  describe('laws', () => {
    itIsASemilattice(pnCounters, PNCounter.merge, PNCounter.equals);
    itIsAnInflation(
      'increment and decrement',
      pnCounters,
      pnOperations,
      applyPn,
      PNCounter.merge,
      PNCounter.equals,
    );
    itRoundTripsThroughJSON(pnCounters, PNCounter.toJSON, PNCounter.fromJSON, PNCounter.equals);

    it('each operation moves the value by exactly its amount, and increments and decrements each only grow', () => {
      fc.assert(
        fc.property(pnCounters, pnOperations, (counter, operation) => {
          const [up, , by] = operation;
          const next = applyPn(counter, operation);
          return (
            PNCounter.value(next) === PNCounter.value(counter) + (up ? by : -by) &&
            GCounter.leq(counter.p, next.p) &&
            GCounter.leq(counter.n, next.n)
          );
        }),
      );
    });
  });

  describe('examples', () => {
    it('goes up and down and merges', () => {
      const a = PNCounter.decrement(PNCounter.increment(PNCounter.empty(), 'n1', 5), 'n1', 2);
      const b = PNCounter.decrement(PNCounter.empty(), 'n2', 4);
      const merged = PNCounter.merge(a, b);
      expect(PNCounter.value(merged)).toBe(-1);
      expect(PNCounter.toJSON(merged)).toEqual({ n: { n1: 2, n2: 4 }, p: { n1: 5 } });
      expect(PNCounter.merge(merged, a)).toBe(merged);
    });
  });

  describe('fromJSON rejects bad input', () => {
    it('rejects anything but a plain object', () => {
      fc.assert(fc.property(nonObjects, (input) => rejection(input).path === '$'));
    });

    it('rejects a missing half or an extra field', () => {
      fc.assert(
        fc.property(gCounters, fc.constantFrom('n', 'p'), (half, missing) => {
          const input: Record<string, unknown> = { n: GCounter.toJSON(half), p: GCounter.toJSON(half) };
          delete input[missing];
          return rejection(input).problem === `missing field ${JSON.stringify(missing)}`;
        }),
      );
      fc.assert(
        fc.property(
          pnCounters,
          fc.string().filter((k) => k !== 'n' && k !== 'p'),
          fc.jsonValue(),
          (counter, key, extra) => {
            const input = { ...PNCounter.toJSON(counter), [key]: extra };
            return rejection(input).problem === `unexpected field ${JSON.stringify(key)}`;
          },
        ),
      );
    });

    it('rejects a bad count in either half, naming the slot', () => {
      fc.assert(
        fc.property(pnCounters, fc.constantFrom('n', 'p'), badCounts, (counter, half, bad) => {
          const encoded = PNCounter.toJSON(counter);
          const input = { ...encoded, [half]: { ...encoded[half === 'n' ? 'n' : 'p'], bad } };
          return rejection(input).path === `$.${half}.bad`;
        }),
      );
    });

    it('rejects a half whose counts sum past Number.MAX_SAFE_INTEGER, and a long key without copying it whole', () => {
      const max = Number.MAX_SAFE_INTEGER;
      expect(rejection({ n: {}, p: { a: max, b: 1 } })).toMatchObject({ path: '$.p' });
      expect(rejection({ n: {}, p: {}, ['x'.repeat(100_000)]: 1 }).message.length).toBeLessThan(200);
    });

    it('rejects halves that are not objects', () => {
      expect(rejection({ n: {}, p: [] }).path).toBe('$.p');
      expect(rejection({ n: null, p: {} }).path).toBe('$.n');
    });
  });
});
