import { join } from 'node:path';
import {
  FIXTURES,
  failingChecks,
  field,
  findMaelstrom,
  inPool,
  runBench,
  runMaelstrom,
  type RunOutcome,
} from './fixtures/broadcast-counter-e2e-harness';

/** End-to-end: counter nodes on seq-kv through the bench (fixed seed), then on real Maelstrom for agreement. */
interface Case {
  readonly name: string;
  readonly bin: string;
  readonly args: readonly string[];
  readonly valid: boolean;
}

const CASES: readonly Case[] = [
  {
    name: 'a counter on seq-kv with compare-and-set, under partitions',
    bin: 'g-counter-cas.js',
    args: [
      '--node-count',
      '3',
      '--time-limit',
      '5',
      '--rate',
      '50',
      '--nemesis',
      'partition',
      '--nemesis-interval',
      '2',
    ],
    valid: true,
  },
  {
    name: 'a counter that reads then writes (no compare-and-set)',
    bin: 'g-counter-no-cas.js',
    args: ['--node-count', '3', '--time-limit', '5', '--rate', '50'],
    valid: false,
  },
];

const SEED = '7';
const argsOf = (c: Case): string[] => ['-w', 'g-counter', '--bin', join(FIXTURES, c.bin), ...c.args];
const maelstrom = findMaelstrom();
if (!maelstrom) {
  console.warn(
    'Real Maelstrom not found (MAELSTROM_BIN, PATH, ~/.cache/maelstrom): differential tests skipped.',
  );
}

// Bench runs (all at once) and real Maelstrom runs (two JVMs at a time) go on together.
const bench = new Map<string, RunOutcome>();
const real = new Map<string, RunOutcome>();
beforeAll(async () => {
  const benchRuns = Promise.all(CASES.map((c) => runBench([...argsOf(c), '--seed', SEED])));
  const realRuns = maelstrom
    ? inPool(
        2,
        CASES.map((c) => () => runMaelstrom(maelstrom, argsOf(c))),
      )
    : Promise.resolve([]);
  const [b, r] = await Promise.all([benchRuns, realRuns]);
  CASES.forEach((c, i) => bench.set(c.name, b[i]));
  r.forEach((outcome, i) => real.set(CASES[i].name, outcome));
}, 600_000);

describe('g-counter end to end on the bench', () => {
  it.each(CASES)('$name: valid = $valid', (c) => {
    const { code, results } = bench.get(c.name) as RunOutcome;
    expect(code).toBe(c.valid ? 0 : 1);
    expect(results['valid?']).toBe(c.valid);
    const finalReads = field(results, 'workload', 'final-reads') as number[];
    const acceptable = field(results, 'workload', 'acceptable') as Array<[number, number]>;
    expect(finalReads).toHaveLength(3);
    if (c.valid) {
      expect(failingChecks(results)).toEqual([]);
      expect(field(results, 'workload', 'errors')).toBeNull();
      // Every node reads the same, complete count.
      expect(new Set(finalReads).size).toBe(1);
      expect(finalReads[0]).toBeGreaterThanOrEqual(acceptable[0][0]);
    } else {
      expect(failingChecks(results)).toEqual(['workload']);
      expect(field(results, 'workload', 'errors')).toHaveLength(3);
      expect(finalReads[0]).toBeLessThan(acceptable[0][0]);
    }
  });
});

const differential = maelstrom ? describe : describe.skip;

differential('g-counter: bench and real Maelstrom agree', () => {
  it.each(CASES)('$name', (c) => {
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
