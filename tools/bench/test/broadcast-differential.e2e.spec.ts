import { failingChecks, field, maelstromOrSkip, runOnBoth, type BothRuns, type Run } from './bench-harness';
import { BROADCAST_CASES, invocationOf, SEED } from './fixtures/broadcast-counter-e2e-cases';

/**
 * Differential: each broadcast end-to-end fixture on the bench and on real Maelstrom; both must reach the same exit code,
 * verdict and failing checks. Skipped, saying so, when Maelstrom is not installed.
 */
const maelstrom = maelstromOrSkip('broadcast differential tests');

/** msgs-per-op compares runs with different random op mixes (≈80–160 ops): allow sampling noise. */
const MSGS_PER_OP_TOLERANCE = 0.4;

let runs = new Map<string, BothRuns>();

const differential = maelstrom ? describe : describe.skip;

differential('broadcast: bench and real Maelstrom agree', () => {
  beforeAll(async () => {
    runs = await runOnBoth(maelstrom as string, BROADCAST_CASES, invocationOf, SEED);
  }, 900_000);

  it.each(BROADCAST_CASES)('$name', (c) => {
    const { bench: ours, maelstrom: theirs } = runs.get(c.name) as BothRuns;
    expect(theirs.code).toBe(c.valid ? 0 : 1);
    expect(ours.code).toBe(theirs.code);
    expect(ours.results?.['valid?']).toBe(theirs.results?.['valid?']);
    expect(failingChecks(ours.results)).toEqual(failingChecks(theirs.results));
    const lost = (r: Run) => (field(r.results, 'workload', 'lost-count') as number) > 0;
    expect(lost(ours)).toBe(lost(theirs));
    if (c.valid) {
      const mpo = (r: Run) => field(r.results, 'net', 'servers', 'msgs-per-op') as number;
      expect(Math.abs(mpo(ours) - mpo(theirs)) / mpo(theirs)).toBeLessThan(MSGS_PER_OP_TOLERANCE);
    }
  });
});
