import { failingChecks, field, runCases, type Run } from './bench-harness';
import { BROADCAST_CASES, invocationOf, SEED } from './fixtures/broadcast-counter-e2e-cases';

/** End-to-end: small broadcast nodes through the bench with a fixed seed (broadcast-differential.e2e.spec.ts compares). */
let bench = new Map<string, Run>();
// All bench runs at once.
beforeAll(async () => {
  bench = await runCases(BROADCAST_CASES, invocationOf, SEED);
}, 240_000);

describe('broadcast end to end on the bench', () => {
  it.each(BROADCAST_CASES)('$name: valid = $valid', (c) => {
    const { code, results, output } = bench.get(c.name) as Run;
    expect(output).toContain(c.valid ? 'Everything looks good!' : 'Analysis invalid!');
    expect(code).toBe(c.valid ? 0 : 1);
    expect(results?.['valid?']).toBe(c.valid);
    const attempts = field(results, 'workload', 'attempt-count') as number;
    expect(attempts).toBeGreaterThan(0);
    if (c.valid) {
      expect(failingChecks(results)).toEqual([]);
      expect(field(results, 'workload', 'stable-count')).toBe(attempts);
      expect(field(results, 'workload', 'stable-latencies')).toBeDefined();
    } else {
      expect(failingChecks(results)).toEqual(['workload']);
      expect(field(results, 'workload', 'valid?')).toBe(false);
      expect(field(results, 'workload', 'lost-count')).toBeGreaterThan(0);
      expect(field(results, 'workload', 'lost-latencies')).toBeDefined();
    }
  });

  it('sends every node the grid topology once, from a setup client, before any client op', () => {
    const { sent } = bench.get(BROADCAST_CASES[0].name) as Run;
    const topologies = sent.filter((m) => m.body['type'] === 'topology');
    expect(topologies.map((m) => m.dest).sort()).toEqual(['n0', 'n1', 'n2']);
    for (const m of topologies) {
      expect(m.src).toMatch(/^c\d+$/);
      expect(m.body['topology']).toEqual({ n0: ['n2', 'n1'], n1: ['n0'], n2: ['n0'] });
    }
    const firstOp = sent.findIndex((m) => m.body['type'] === 'broadcast' || m.body['type'] === 'read');
    const lastTopology = sent.findIndex((m) => m === topologies[topologies.length - 1]);
    expect(lastTopology).toBeLessThan(firstOp);
  });
});
