import { field, runBench, type RunOutcome } from './fixtures/broadcast-counter-e2e-harness';
import { expectKafkaCase, KAFKA_CASES, KAFKA_SEED, kafkaArgs } from './fixtures/kafka-e2e-cases';

/** End-to-end: small kafka nodes (correct, reused offsets, poll skips, checker crash, node-local logs) on the bench. */
const bench = new Map<string, RunOutcome>();
beforeAll(async () => {
  const runs = await Promise.all(KAFKA_CASES.map((c) => runBench([...kafkaArgs(c), '--seed', KAFKA_SEED])));
  KAFKA_CASES.forEach((c, i) => bench.set(c.name, runs[i]));
}, 300_000);

describe('kafka end to end on the bench', () => {
  it.each(KAFKA_CASES)('$name: valid = $valid', (c) => {
    const run = bench.get(c.name) as RunOutcome;
    expectKafkaCase(c, run);
    expect(field(run.results, 'stats', 'by-f', 'send', 'ok-count')).toBeGreaterThan(0);
    expect(field(run.results, 'stats', 'by-f', 'assign', 'ok-count')).toBeGreaterThan(0);
  });

  it('reports why the checker crashed on the phantom empty key', () => {
    const run = bench.get(KAFKA_CASES[3].name) as RunOutcome;
    expect(field(run.results, 'workload', 'error', 'type')).toBe('java.lang.IndexOutOfBoundsException');
  });
});
