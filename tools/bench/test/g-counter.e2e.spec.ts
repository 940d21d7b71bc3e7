import { failingChecks, field, runCases, type Run } from './bench-harness';
import { COUNTER_CASES, invocationOf, SEED } from './fixtures/broadcast-counter-e2e-cases';

/** End-to-end: counter nodes on seq-kv through the bench with a fixed seed (g-counter-differential.e2e.spec.ts compares with Maelstrom). */
let bench = new Map<string, Run>();
// All bench runs at once.
beforeAll(async () => {
  bench = await runCases(COUNTER_CASES, invocationOf, SEED);
}, 240_000);

describe('g-counter end to end on the bench', () => {
  it.each(COUNTER_CASES)('$name: valid = $valid', (c) => {
    const { code, results } = bench.get(c.name) as Run;
    expect(code).toBe(c.valid ? 0 : 1);
    expect(results?.['valid?']).toBe(c.valid);
    const finalReads = field(results, 'workload', 'final-reads') as number[];
    const acceptable = field(results, 'workload', 'acceptable') as Array<[number, number]>;
    expect(finalReads).toHaveLength(3);
    if (c.valid) {
      expect(failingChecks(results)).toEqual([]);
      expect(field(results, 'workload', 'errors')).toBeNull();
      // Every node reads the same, complete count.
      expect(new Set(finalReads).size).toBe(1);
      expect(finalReads[0]).toBeGreaterThanOrEqual(acceptable[0][0]);
    } else {
      expect(failingChecks(results)).toEqual(['workload']);
      expect(field(results, 'workload', 'errors')).toHaveLength(3);
      expect(finalReads[0]).toBeLessThan(acceptable[0][0]);
    }
  });
});
