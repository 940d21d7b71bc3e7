import { join } from 'node:path';
import {
  FIXTURES,
  field,
  findMaelstrom,
  inPool,
  runBench,
  runMaelstrom,
  type RunOutcome,
} from './fixtures/broadcast-counter-e2e-harness';

/**
 * End-to-end: small kafka nodes through the bench CLI (fixed seed), then the same command lines on real Maelstrom,
 * which must reach the same verdict, exit code and workload error types.
 */
interface Case {
  readonly name: string;
  readonly bin: string;
  readonly nodes: number;
  readonly valid: boolean | 'unknown';
  /** The workload's exact `error-types`; for node-local logs only a required subset (the rest depends on timing). */
  readonly errorTypes: readonly string[];
  readonly exactTypes: boolean;
}

const CASES: readonly Case[] = [
  {
    name: 'a correct single-node log',
    bin: 'kafka-single-log.js',
    nodes: 1,
    valid: true,
    errorTypes: [],
    exactTypes: true,
  },
  {
    name: 'acks reusing an offset',
    bin: 'kafka-reuse-offsets.js',
    nodes: 1,
    valid: false,
    errorTypes: ['duplicate', 'inconsistent-offsets'],
    exactTypes: true,
  },
  {
    name: 'polls that skip a message',
    bin: 'kafka-poll-skip.js',
    nodes: 1,
    valid: false,
    errorTypes: ['int-poll-skip'],
    exactTypes: true,
  },
  {
    name: 'an empty list for a phantom key (checker crash)',
    bin: 'kafka-phantom-empty-key.js',
    nodes: 1,
    valid: 'unknown',
    errorTypes: [],
    exactTypes: false,
  },
  {
    name: 'node-local logs on 2 nodes',
    bin: 'kafka-node-local.js',
    nodes: 2,
    valid: false,
    errorTypes: ['inconsistent-offsets'],
    exactTypes: false,
  },
];

const SEED = '7';
const argsOf = (c: Case): string[] => [
  '-w',
  'kafka',
  '--bin',
  join(FIXTURES, c.bin),
  '--node-count',
  String(c.nodes),
  '--concurrency',
  '2n',
  '--time-limit',
  '5',
  '--rate',
  '100',
];
const exitCode = (valid: Case['valid']): number => (valid === true ? 0 : valid === false ? 1 : 2);
const workloadTypes = (r: RunOutcome): string[] =>
  ((field(r.results, 'workload', 'error-types') as string[]) ?? []).map(String);

const maelstrom = findMaelstrom();
if (!maelstrom) {
  console.warn(
    'Real Maelstrom not found (MAELSTROM_BIN, PATH, ~/.cache/maelstrom): kafka differential tests skipped.',
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

function expectCase(c: Case, run: RunOutcome): void {
  expect(run.code).toBe(exitCode(c.valid));
  expect(field(run.results, 'workload', 'valid?')).toBe(c.valid);
  if (c.valid === 'unknown') return;
  const types = workloadTypes(run);
  if (c.exactTypes) expect(types).toEqual(c.errorTypes);
  else expect(types).toEqual(expect.arrayContaining([...c.errorTypes]));
  expect(field(run.results, 'workload', 'bad-error-types')).toEqual(types);
  expect(field(run.results, 'stats', 'valid?')).toBe(true);
}

describe('kafka end to end on the bench', () => {
  it.each(CASES)('$name: valid = $valid', (c) => {
    const run = bench.get(c.name) as RunOutcome;
    expectCase(c, run);
    expect(field(run.results, 'stats', 'by-f', 'send', 'ok-count')).toBeGreaterThan(0);
    expect(field(run.results, 'stats', 'by-f', 'assign', 'ok-count')).toBeGreaterThan(0);
  });
});

const differential = maelstrom ? describe : describe.skip;

differential('kafka: bench and real Maelstrom agree', () => {
  it.each(CASES)('$name', (c) => {
    const ours = bench.get(c.name) as RunOutcome;
    const theirs = real.get(c.name) as RunOutcome;
    expectCase(c, theirs);
    expect(ours.code).toBe(theirs.code);
    expect(field(ours.results, 'workload', 'valid?')).toBe(field(theirs.results, 'workload', 'valid?'));
    if (c.exactTypes) expect(workloadTypes(ours)).toEqual(workloadTypes(theirs));
  });
});
