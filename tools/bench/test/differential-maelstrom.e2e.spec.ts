import { failingChecks, maelstromOrSkip, runOnBoth, type BothRuns } from './bench-harness';

/**
 * Differential tests: the same fixture node and arguments on the bench and on the real Maelstrom must give the
 * same exit code, verdict and failing checks (and msgs-per-op within a tolerance). Skipped, saying so, when
 * Maelstrom is not installed.
 */
const SEED = '11';
const echo = ['-w', 'echo', '--node-count', '1', '--time-limit', '3'];
const uniqueIds = ['-w', 'unique-ids', '--node-count', '3', '--time-limit', '3', '--rate', '50'];
const CASES: ReadonlyArray<[string, readonly string[]]> = [
  ['echo-good.js', echo],
  ['echo-alters-payload.js', echo],
  ['echo-extra-field.js', echo],
  ['echo-banner.js', echo],
  ['echo-exits-early.js', echo],
  ['unique-ids-duplicates.js', uniqueIds],
  ['unique-ids-int-and-float.js', uniqueIds],
];
const maelstrom = maelstromOrSkip('echo and unique-ids differential tests');
const maybe = maelstrom ? describe : describe.skip;

/**
 * Messages per op beyond the init exchange (init and init_ok, for each node). msgs-per-op counts that exchange too,
 * and it weighs more the fewer ops a run completes: a loaded machine cut Maelstrom's unique-ids run to so few ops
 * that its msgs-per-op was 0.27 above the bench's, for the same two messages per op. The op count is the one the
 * engine divided by.
 */
const perOpBeyondInit = (r: Record<string, unknown> | undefined, args: readonly string[]) => {
  const all = (r?.['net'] as Record<string, Record<string, number>> | undefined)?.['all'];
  const perOp = all?.['msgs-per-op'];
  const count = all?.['msg-count'];
  if (perOp === undefined || count === undefined || perOp === 0) return perOp;
  const nodes = Number(args[args.indexOf('--node-count') + 1]);
  return (count - 2 * nodes) / (count / perOp);
};

let runs = new Map<string, BothRuns>();

maybe('bench vs real Maelstrom on the same fixtures', () => {
  // Every fixture on both engines up front (Maelstrom's JVMs two at a time): a real-Maelstrom run costs ~20 s beyond
  // its time limit on an idle 2-core machine, several minutes on a loaded one.
  beforeAll(async () => {
    runs = await runOnBoth(
      maelstrom as string,
      CASES.map(([name, args]) => ({ name, args })),
      ({ name, args }) => ({ node: name, args }),
      SEED,
    );
  }, 1_800_000);

  it.each(CASES)(
    '%s: same exit code, verdict and failing checks; msgs-per-op beyond init within 0.25',
    (fixture, args) => {
      const { bench, maelstrom: real } = runs.get(fixture) as BothRuns;
      expect({
        code: bench.code,
        valid: bench.results?.['valid?'],
        failing: failingChecks(bench.results),
      }).toEqual({
        code: real.code,
        valid: real.results?.['valid?'],
        failing: failingChecks(real.results),
      });
      const [b, m] = [perOpBeyondInit(bench.results, args), perOpBeyondInit(real.results, args)];
      expect(b === undefined).toBe(m === undefined);
      if (b !== undefined && m !== undefined) expect(Math.abs(b - m)).toBeLessThan(0.25);
    },
  );
});
