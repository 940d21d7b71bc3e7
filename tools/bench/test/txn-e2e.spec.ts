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

/** End-to-end: txn fixture nodes through the bench CLI (fixed seed), then on real Maelstrom for agreement. */
interface Case {
  readonly name: string;
  readonly bin: string;
  readonly args: readonly string[];
  readonly code: number;
  readonly failing: readonly string[];
  readonly anomalyTypes: readonly string[];
}

const COMMON = ['--time-limit', '5', '--rate', '100', '--concurrency', '2n'];
const CASES: readonly Case[] = [
  {
    name: 'a correct single-node store is strict-serializable',
    bin: 'txn-serial-store.js',
    args: ['--node-count', '1', ...COMMON],
    code: 0,
    failing: [],
    anomalyTypes: [],
  },
  {
    name: 'a 2-node store serving writes of aborted txns fails read-committed with G1a',
    bin: 'txn-dirty-abort-store.js',
    args: ['--node-count', '2', ...COMMON, '--consistency-models', 'read-committed'],
    code: 1,
    failing: ['workload'],
    anomalyTypes: ['G1a'],
  },
  {
    name: 'a store aborting with code 30 is read-uncommitted but not totally available',
    bin: 'txn-conflict-abort-store.js',
    args: [
      '--node-count',
      '1',
      ...COMMON,
      '--consistency-models',
      'read-uncommitted',
      '--availability',
      'total',
    ],
    code: 1,
    failing: ['availability'],
    anomalyTypes: [],
  },
];

const SEED = '11';
const argsOf = (c: Case): string[] => ['-w', 'txn-rw-register', '--bin', join(FIXTURES, c.bin), ...c.args];
const maelstrom = findMaelstrom();
if (!maelstrom) {
  console.warn(
    'Real Maelstrom not found (MAELSTROM_BIN, PATH, ~/.cache/maelstrom): txn differential tests skipped.',
  );
}

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
}, 900_000);

const anomalyTypes = (r: RunOutcome): unknown => field(r.results, 'workload', 'anomaly-types') ?? [];

describe('txn-rw-register end to end on the bench', () => {
  it.each(CASES)('$name', (c) => {
    const run = bench.get(c.name) as RunOutcome;
    expect(run.code).toBe(c.code);
    expect(failingChecks(run.results)).toEqual(c.failing);
    expect(anomalyTypes(run)).toEqual(c.anomalyTypes);
    expect(field(run.results, 'stats', 'ok-count')).toBeGreaterThan(100);
    if (c.anomalyTypes.includes('G1a')) {
      const cases = field(run.results, 'workload', 'anomalies', 'G1a') as Array<
        Record<string, Record<string, unknown>>
      >;
      expect(cases.length).toBeGreaterThan(0);
      for (const g1a of cases) {
        expect(g1a['op']['type']).toBe('ok');
        expect(g1a['writer']['type']).toBe('fail');
      }
      expect(field(run.results, 'workload', 'not')).toEqual(['read-committed']);
    }
  });
});

const differential = maelstrom ? describe : describe.skip;

differential('txn-rw-register: bench and real Maelstrom agree', () => {
  it.each(CASES)('$name', (c) => {
    const ours = bench.get(c.name) as RunOutcome;
    const theirs = real.get(c.name) as RunOutcome;
    expect(theirs.code).toBe(c.code);
    expect(ours.code).toBe(theirs.code);
    expect(ours.results['valid?']).toBe(theirs.results['valid?']);
    expect(failingChecks(ours.results)).toEqual(failingChecks(theirs.results));
    expect(anomalyTypes(ours)).toEqual(anomalyTypes(theirs));
    expect(field(ours.results, 'workload', 'not') ?? null).toEqual(
      field(theirs.results, 'workload', 'not') ?? null,
    );
  });
});
