import { field, runCases, type Run } from './bench-harness';
import { expectKafkaCase, KAFKA_CASES, KAFKA_SEED, kafkaInvocation } from './fixtures/kafka-e2e-cases';

/** End-to-end: small kafka nodes (correct, reused offsets, poll skips, checker crash, node-local logs) on the bench. */
let bench = new Map<string, Run>();
beforeAll(async () => {
  bench = await runCases(KAFKA_CASES, kafkaInvocation, KAFKA_SEED);
}, 300_000);

describe('kafka end to end on the bench', () => {
  it.each(KAFKA_CASES)('$name: valid = $valid', (c) => {
    const run = bench.get(c.name) as Run;
    expectKafkaCase(c, run);
    expect(field(run.results, 'stats', 'by-f', 'send', 'ok-count')).toBeGreaterThan(0);
    expect(field(run.results, 'stats', 'by-f', 'assign', 'ok-count')).toBeGreaterThan(0);
  });

  it('reports why the checker crashed on the phantom empty key', () => {
    const run = bench.get(KAFKA_CASES[3].name) as Run;
    expect(field(run.results, 'workload', 'error', 'type')).toBe('java.lang.IndexOutOfBoundsException');
  });
});
