import {
  argsOf,
  COUNTER_CASES,
  failingChecks,
  field,
  findMaelstrom,
  inPool,
  runBench,
  runMaelstrom,
  SEED,
  type RunOutcome,
} from './fixtures/broadcast-counter-e2e-harness';

/**
 * Differential: each g-counter end-to-end fixture on the bench and on real Maelstrom; both must reach the same exit code,
 * verdict and failing checks. Skipped, saying so, when Maelstrom is not installed.
 */
const maelstrom = findMaelstrom();
if (!maelstrom) {
  console.warn(
    'Real Maelstrom not found (MAELSTROM_BIN, PATH, ~/.cache/maelstrom): g-counter differential tests skipped.',
  );
}

const bench = new Map<string, RunOutcome>();
const real = new Map<string, RunOutcome>();

const differential = maelstrom ? describe : describe.skip;

differential('g-counter: bench and real Maelstrom agree', () => {
  // Bench runs all at once, alongside real Maelstrom runs (JVMs, two at a time).
  beforeAll(async () => {
    const [ours, theirs] = await Promise.all([
      Promise.all(COUNTER_CASES.map((c) => runBench([...argsOf(c), '--seed', SEED]))),
      inPool(
        2,
        COUNTER_CASES.map((c) => () => runMaelstrom(maelstrom as string, argsOf(c))),
      ),
    ]);
    COUNTER_CASES.forEach((c, i) => {
      bench.set(c.name, ours[i]);
      real.set(c.name, theirs[i]);
    });
  }, 900_000);

  it.each(COUNTER_CASES)('$name', (c) => {
    const ours = bench.get(c.name) as RunOutcome;
    const theirs = real.get(c.name) as RunOutcome;
    expect(theirs.code).toBe(c.valid ? 0 : 1);
    expect(ours.code).toBe(theirs.code);
    expect(ours.results['valid?']).toBe(theirs.results['valid?']);
    expect(failingChecks(ours.results)).toEqual(failingChecks(theirs.results));
    const hasErrors = (r: RunOutcome) => field(r.results, 'workload', 'errors') !== null;
    expect(hasErrors(ours)).toBe(hasErrors(theirs));
  });
});
