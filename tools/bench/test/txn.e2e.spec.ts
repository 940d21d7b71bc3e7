import {
  failingChecks,
  field,
  maelstromOrSkip,
  runCases,
  runOnBoth,
  type Invocation,
  type Run,
} from './bench-harness';

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
const invocationOf = (c: Case): Invocation => ({ node: c.bin, args: ['-w', 'txn-rw-register', ...c.args] });
const maelstrom = maelstromOrSkip('txn differential tests');

let bench = new Map<string, Run>();
let real = new Map<string, Run>();
beforeAll(async () => {
  if (!maelstrom) {
    bench = await runCases(CASES, invocationOf, SEED);
    return;
  }
  const both = await runOnBoth(maelstrom, CASES, invocationOf, SEED);
  bench = new Map([...both].map(([name, runs]) => [name, runs.bench]));
  real = new Map([...both].map(([name, runs]) => [name, runs.maelstrom]));
}, 900_000);

const anomalyTypes = (r: Run): unknown => field(r.results, 'workload', 'anomaly-types') ?? [];

describe('txn-rw-register end to end on the bench', () => {
  it.each(CASES)('$name', (c) => {
    const run = bench.get(c.name) as Run;
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
    const ours = bench.get(c.name) as Run;
    const theirs = real.get(c.name) as Run;
    expect(theirs.code).toBe(c.code);
    expect(ours.code).toBe(theirs.code);
    expect(ours.results?.['valid?']).toBe(theirs.results?.['valid?']);
    expect(failingChecks(ours.results)).toEqual(failingChecks(theirs.results));
    expect(anomalyTypes(ours)).toEqual(anomalyTypes(theirs));
    expect(field(ours.results, 'workload', 'not') ?? null).toEqual(
      field(theirs.results, 'workload', 'not') ?? null,
    );
  });
});
