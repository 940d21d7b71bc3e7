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

/**
 * End-to-end: small broadcast nodes through the bench (fixed seed), then the same runs on real Maelstrom, which
 * must agree on the verdict and the failing field.
 */
interface Case {
  readonly name: string;
  readonly bin: string;
  readonly args: readonly string[];
  readonly valid: boolean;
}

const CASES: readonly Case[] = [
  {
    name: 'a flooding node that retries until acknowledged',
    bin: 'broadcast-flood.js',
    args: ['--node-count', '3', '--time-limit', '8', '--rate', '10'],
    valid: true,
  },
  {
    name: 'a node that never gossips',
    bin: 'broadcast-no-gossip.js',
    args: ['--node-count', '3', '--time-limit', '5', '--rate', '10'],
    valid: false,
  },
  {
    name: 'a node that gossips once and never retries, under partitions',
    bin: 'broadcast-no-retry.js',
    args: [
      '--node-count',
      '5',
      '--time-limit',
      '8',
      '--rate',
      '20',
      '--nemesis',
      'partition',
      '--nemesis-interval',
      '1',
    ],
    valid: false,
  },
];

const SEED = '7';
const argsOf = (c: Case): string[] => ['-w', 'broadcast', '--bin', join(FIXTURES, c.bin), ...c.args];
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
/** msgs-per-op compares runs with different random op mixes (≈80–160 ops): allow sampling noise. */
const MSGS_PER_OP_TOLERANCE = 0.4;

describe('broadcast end to end on the bench', () => {
  it.each(CASES)('$name: valid = $valid', (c) => {
    const { code, results, output } = bench.get(c.name) as RunOutcome;
    expect(output).toContain(c.valid ? 'Everything looks good!' : 'Analysis invalid!');
    expect(code).toBe(c.valid ? 0 : 1);
    expect(results['valid?']).toBe(c.valid);
    const attempts = field(results, 'workload', 'attempt-count') as number;
    expect(attempts).toBeGreaterThan(0);
    if (c.valid) {
      expect(failingChecks(results)).toEqual([]);
      expect(field(results, 'workload', 'stable-count')).toBe(attempts);
      expect(field(results, 'workload', 'stable-latencies')).toBeDefined();
    } else {
      expect(failingChecks(results)).toEqual(['workload']);
      expect(field(results, 'workload', 'valid?')).toBe(false);
      expect(field(results, 'workload', 'lost-count')).toBeGreaterThan(0);
      expect(field(results, 'workload', 'lost-latencies')).toBeDefined();
    }
  });

  it('sends every node the grid topology once, before any client op', () => {
    const { results } = bench.get(CASES[0].name) as RunOutcome;
    // 3 init + 3 topology exchanges with clients: at least 12 client messages beyond the ops.
    expect(field(results, 'net', 'clients', 'msg-count')).toBeGreaterThanOrEqual(12);
  });
});

const differential = maelstrom ? describe : describe.skip;

differential('broadcast: bench and real Maelstrom agree', () => {
  it.each(CASES)('$name', (c) => {
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
