import fc from 'fast-check';
import { GCounter, GSet, LwwRegister, PNCounter, VersionVector } from '../src';

/** A few node ids, so generated states overlap; includes awkward keys for the JSON encoding. */
export const nodeIds = fc.constantFrom('n0', 'n1', 'n2', 'n10', 'c1', '__proto__', 'toString', '7', '');

export const smallCounts = fc.nat({ max: 1000 });

export const gSets = fc
  .array(fc.integer({ min: -20, max: 60 }), { maxLength: 40 })
  .map((xs) => GSet.from(xs));

export const stringGSets = fc
  .array(fc.string({ maxLength: 3 }), { maxLength: 20 })
  .map((xs) => GSet.from(xs));

export const increments = fc.tuple(nodeIds, smallCounts);

export const gCounters = fc
  .array(increments, { maxLength: 12 })
  .map((ops) => ops.reduce((counter, [node, by]) => GCounter.increment(counter, node, by), GCounter.empty()));

export const pnOperations = fc.tuple(fc.boolean(), nodeIds, smallCounts);

export function applyPn(counter: PNCounter, [up, node, by]: [boolean, string, number]): PNCounter {
  return up ? PNCounter.increment(counter, node, by) : PNCounter.decrement(counter, node, by);
}

export const pnCounters = fc
  .array(pnOperations, { maxLength: 12 })
  .map((ops) => ops.reduce(applyPn, PNCounter.empty()));

export const versionVectors = fc
  .array(nodeIds, { maxLength: 20 })
  .map((events) =>
    events.reduce((vector, node) => VersionVector.increment(vector, node), VersionVector.empty()),
  );

/** Registers of small integers. Small timestamp and writer ranges make ties frequent. */
export const registers: fc.Arbitrary<LwwRegister<number>> = fc.record({
  value: fc.integer({ min: -5, max: 5 }),
  timestamp: fc.nat({ max: 4 }),
  writer: fc.constantFrom('', 'n1', 'n2', 'n3'),
});

/**
 * A total order on equal-timestamp writes: writer, then value. The law tests need totality because the generator
 * may produce two different values for the same (timestamp, writer).
 */
export function byWriterThenValue(a: LwwRegister<number>, b: LwwRegister<number>): number {
  return LwwRegister.byWriter(a, b) || a.value - b.value;
}
