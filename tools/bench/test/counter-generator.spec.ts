import fc from 'fast-check';
import { SeededRandom } from '@glomers/sim';
import type { GeneratedOp } from '../src/lib/workload';
import { gCounter } from '../src/workloads/g-counter';
import { pnCounter } from '../src/workloads/pn-counter';
import type { TestOptions, Workload } from '../src/lib/workload';

const options: TestOptions = {
  workload: 'g-counter',
  nodeIds: ['n0', 'n1', 'n2'],
  concurrency: 3,
  rate: 5,
  timeLimitS: 10,
  topology: 'grid',
  availability: undefined,
  consistencyModels: ['strict-serializable'],
  maxTxnLength: 4,
  maxWritesPerKey: 16,
  keyCount: undefined,
  nemesis: [],
};
const ctx = { time: 0, thread: 0, process: 0 };

function draw(workload: Workload, seed: number, count: number): GeneratedOp[] {
  const generator = workload.generator({ options, random: new SeededRandom(seed) });
  return Array.from({ length: count }, () => generator.next(ctx) as GeneratedOp);
}

describe('counter generators', () => {
  it('g-counter: adds with deltas 0 … 4 only, about one op in three', () => {
    const ops = draw(gCounter, 7, 6000);
    const adds = ops.filter((op) => op.f === 'add');
    expect(new Set(adds.map((op) => op.value))).toEqual(new Set([0, 1, 2, 3, 4]));
    expect(ops.every((op) => op.f === 'add' || (op.f === 'read' && op.value === null))).toBe(true);
    expect(adds.length / ops.length).toBeGreaterThan(0.3);
    expect(adds.length / ops.length).toBeLessThan(0.37);
  });

  it('pn-counter: deltas −5 … 4, half the ops adds', () => {
    const ops = draw(pnCounter, 7, 6000);
    const adds = ops.filter((op) => op.f === 'add');
    expect(new Set(adds.map((op) => op.value))).toEqual(new Set([-5, -4, -3, -2, -1, 0, 1, 2, 3, 4]));
    expect(adds.length / ops.length).toBeGreaterThan(0.47);
    expect(adds.length / ops.length).toBeLessThan(0.53);
  });

  it('the same seed gives the same ops', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        expect(draw(gCounter, seed, 50)).toEqual(draw(gCounter, seed, 50));
      }),
      { numRuns: 20 },
    );
  });

  it('final phase: exactly one final read per worker', () => {
    for (const workload of [gCounter, pnCounter]) {
      const final = workload.final?.generator({ options, random: new SeededRandom(1), thread: 0 });
      expect(final?.next(ctx)).toEqual({ f: 'read', value: null, final: true });
      expect(final?.next(ctx)).toBeUndefined();
      expect(final?.next(ctx)).toBeUndefined();
    }
  });
});
