import { field, maelstromOrSkip, runOnBoth, type BothRuns } from './bench-harness';
import {
  expectKafkaCase,
  KAFKA_CASES,
  KAFKA_SEED,
  kafkaInvocation,
  workloadTypes,
} from './fixtures/kafka-e2e-cases';

/**
 * Differential: each kafka end-to-end fixture on the bench and on real Maelstrom (same command line); both must
 * reach the expected exit code, verdict and workload error types. Skipped, saying so, when Maelstrom is absent.
 */
const maelstrom = maelstromOrSkip('kafka differential tests');

/**
 * None of these fixtures makes Maelstrom itself crash, but on a saturated machine a JVM run can (exit 255, e.g. an
 * init timeout): such a run is repeated once.
 */
const crashed = (run: { readonly code: number }): boolean => run.code === 255;

const differential = maelstrom ? describe : describe.skip;

differential('kafka: bench and real Maelstrom agree', () => {
  let runs = new Map<string, BothRuns>();
  beforeAll(async () => {
    runs = await runOnBoth(maelstrom as string, KAFKA_CASES, kafkaInvocation, KAFKA_SEED, crashed);
  }, 900_000);

  it.each(KAFKA_CASES)('$name', (c) => {
    const { bench: ours, maelstrom: theirs } = runs.get(c.name) as BothRuns;
    expectKafkaCase(c, theirs);
    expectKafkaCase(c, ours);
    expect(ours.code).toBe(theirs.code);
    expect(field(ours.results, 'workload', 'valid?')).toBe(field(theirs.results, 'workload', 'valid?'));
    if (c.exactTypes) expect(workloadTypes(ours)).toEqual(workloadTypes(theirs));
  });
});
