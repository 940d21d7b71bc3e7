import {
  argsOf,
  BROADCAST_CASES,
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
 * Differential: each broadcast end-to-end fixture on the bench and on real Maelstrom; both must reach the same exit code,
 * verdict and failing checks. Skipped, saying so, when Maelstrom is not installed.
 */
const maelstrom = findMaelstrom();
if (!maelstrom) {
  console.warn(
    'Real Maelstrom not found (MAELSTROM_BIN, PATH, ~/.cache/maelstrom): broadcast differential tests skipped.',
  );
}

/** msgs-per-op compares runs with different random op mixes (≈80–160 ops): allow sampling noise. */
const MSGS_PER_OP_TOLERANCE = 0.4;

const bench = new Map<string, RunOutcome>();
const real = new Map<string, RunOutcome>();

const differential = maelstrom ? describe : describe.skip;

differential('broadcast: bench and real Maelstrom agree', () => {
  // Bench runs all at once, alongside real Maelstrom runs (JVMs, two at a time).
  beforeAll(async () => {
    const [ours, theirs] = await Promise.all([
      Promise.all(BROADCAST_CASES.map((c) => runBench([...argsOf(c), '--seed', SEED]))),
      inPool(
        2,
        BROADCAST_CASES.map((c) => () => runMaelstrom(maelstrom as string, argsOf(c))),
      ),
    ]);
    BROADCAST_CASES.forEach((c, i) => {
      bench.set(c.name, ours[i]);
      real.set(c.name, theirs[i]);
    });
  }, 900_000);

  it.each(BROADCAST_CASES)('$name', (c) => {
    const ours = bench.get(c.name) as RunOutcome;
    const theirs = real.get(c.name) as RunOutcome;
    expect(theirs.code).toBe(c.valid ? 0 : 1);
    expect(ours.code).toBe(theirs.code);
    expect(ours.results['valid?']).toBe(theirs.results['valid?']);
    expect(failingChecks(ours.results)).toEqual(failingChecks(theirs.results));
    const lost = (r: RunOutcome) => (field(r.results, 'workload', 'lost-count') as number) > 0;
    expect(lost(ours)).toBe(lost(theirs));
    if (c.valid) {
      const mpo = (r: RunOutcome) => field(r.results, 'net', 'servers', 'msgs-per-op') as number;
      expect(Math.abs(mpo(ours) - mpo(theirs)) / mpo(theirs)).toBeLessThan(MSGS_PER_OP_TOLERANCE);
    }
  });
});
