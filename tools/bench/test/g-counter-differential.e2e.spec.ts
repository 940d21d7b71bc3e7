import { failingChecks, field, maelstromOrSkip, runOnBoth, type BothRuns, type Run } from './bench-harness';
import { COUNTER_CASES, invocationOf, SEED } from './fixtures/broadcast-counter-e2e-cases';

/**
 * Differential: each g-counter end-to-end fixture on the bench and on real Maelstrom; both must reach the same exit code,
 * verdict and failing checks. Skipped, saying so, when Maelstrom is not installed.
 */
const maelstrom = maelstromOrSkip('g-counter differential tests');

let runs = new Map<string, BothRuns>();

const differential = maelstrom ? describe : describe.skip;

differential('g-counter: bench and real Maelstrom agree', () => {
  beforeAll(async () => {
    runs = await runOnBoth(maelstrom as string, COUNTER_CASES, invocationOf, SEED);
  }, 900_000);

  it.each(COUNTER_CASES)('$name', (c) => {
    const { bench: ours, maelstrom: theirs } = runs.get(c.name) as BothRuns;
    expect(theirs.code).toBe(c.valid ? 0 : 1);
    expect(ours.code).toBe(theirs.code);
    expect(ours.results?.['valid?']).toBe(theirs.results?.['valid?']);
    expect(failingChecks(ours.results)).toEqual(failingChecks(theirs.results));
    const hasErrors = (r: Run) => field(r.results, 'workload', 'errors') !== null;
    expect(hasErrors(ours)).toBe(hasErrors(theirs));
  });
});
