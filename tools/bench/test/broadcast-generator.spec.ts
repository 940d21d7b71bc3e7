import { SeededRandom } from '@glomers/sim';
import type { GeneratedOp, TestOptions } from '../src/lib/workload';
import { broadcast } from '../src/workloads/broadcast';

const options: TestOptions = {
  workload: 'broadcast',
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

function draw(seed: number, count: number): GeneratedOp[] {
  const generator = broadcast.generator({ options, random: new SeededRandom(seed) });
  return Array.from({ length: count }, () => generator.next(ctx) as GeneratedOp);
}

describe('broadcast generator', () => {
  it('mixes broadcasts and reads half and half; broadcast values are 0, 1, 2, … in issue order', () => {
    const ops = draw(3, 4000);
    const broadcasts = ops.filter((op) => op.f === 'broadcast');
    expect(broadcasts.map((op) => op.value)).toEqual(broadcasts.map((_, i) => i));
    expect(ops.filter((op) => op.f !== 'broadcast').every((op) => op.f === 'read' && op.value === null)).toBe(
      true,
    );
    expect(broadcasts.length / ops.length).toBeGreaterThan(0.46);
    expect(broadcasts.length / ops.length).toBeLessThan(0.54);
  });

  it('the same seed gives the same ops, another seed another mix', () => {
    expect(draw(11, 100)).toEqual(draw(11, 100));
    expect(draw(11, 100)).not.toEqual(draw(12, 100));
  });

  it('final phase: exactly one final read per worker', () => {
    const final = broadcast.final?.generator({ options, random: new SeededRandom(1), thread: 2 });
    expect(final?.next(ctx)).toEqual({ f: 'read', value: null, final: true });
    expect(final?.next(ctx)).toBeUndefined();
  });
});
