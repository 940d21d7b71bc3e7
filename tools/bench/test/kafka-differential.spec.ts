import {
  field,
  findMaelstrom,
  inPool,
  runBench,
  runMaelstrom,
  type RunOutcome,
} from './fixtures/broadcast-counter-e2e-harness';
import {
  expectKafkaCase,
  KAFKA_CASES,
  KAFKA_SEED,
  kafkaArgs,
  workloadTypes,
} from './fixtures/kafka-e2e-cases';

/**
 * Differential: each kafka end-to-end fixture on the bench and on real Maelstrom (same command line); both must
 * reach the expected exit code, verdict and workload error types. Skipped, saying so, when Maelstrom is absent.
 */
const maelstrom = findMaelstrom();
if (!maelstrom) {
  console.warn(
    'Real Maelstrom not found (MAELSTROM_BIN, PATH, ~/.cache/maelstrom): kafka differential tests skipped.',
  );
}

/**
 * None of these fixtures makes Maelstrom itself crash, but on a saturated machine a JVM run can (exit 255, e.g. an
 * init timeout); such a run is repeated once, and its output is kept for the failure message otherwise.
 */
async function runMaelstromRetrying(args: string[]): Promise<RunOutcome> {
  const first = await runMaelstrom(maelstrom as string, args);
  if (first.code !== 255) return first;
  console.warn(`Maelstrom exited 255; retrying once. Output tail:\n${first.output.slice(-2000)}`);
  return runMaelstrom(maelstrom as string, args);
}

const differential = maelstrom ? describe : describe.skip;

differential('kafka: bench and real Maelstrom agree', () => {
  const bench = new Map<string, RunOutcome>();
  const real = new Map<string, RunOutcome>();
  beforeAll(async () => {
    const [ours, theirs] = await Promise.all([
      Promise.all(KAFKA_CASES.map((c) => runBench([...kafkaArgs(c), '--seed', KAFKA_SEED]))),
      inPool(
        2,
        KAFKA_CASES.map((c) => () => runMaelstromRetrying(kafkaArgs(c))),
      ),
    ]);
    KAFKA_CASES.forEach((c, i) => {
      bench.set(c.name, ours[i]);
      real.set(c.name, theirs[i]);
    });
  }, 900_000);

  it.each(KAFKA_CASES)('$name', (c) => {
    const ours = bench.get(c.name) as RunOutcome;
    const theirs = real.get(c.name) as RunOutcome;
    expectKafkaCase(c, theirs);
    expectKafkaCase(c, ours);
    expect(ours.code).toBe(theirs.code);
    expect(field(ours.results, 'workload', 'valid?')).toBe(field(theirs.results, 'workload', 'valid?'));
    if (c.exactTypes) expect(workloadTypes(ours)).toEqual(workloadTypes(theirs));
  });
});
