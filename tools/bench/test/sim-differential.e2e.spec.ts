import { join } from 'node:path';
import { buildNode, failingChecks, FIXTURES, runBench } from './bench-harness';

/**
 * The sim must not become a second, looser judge: each broken runtime-based node fails on the sim engine with the
 * same exit code, verdict and failing checks as on the process engine (which is checked against real Maelstrom),
 * and with the failure the case names, so a bug both engines shared would still show.
 */
const echo = ['-w', 'echo', '--node-count', '1', '--time-limit', '3', '--rate', '20'];
const cases: ReadonlyArray<{
  readonly fixture: string;
  readonly args: readonly string[];
  readonly code: number;
  readonly failing?: readonly string[];
}> = [
  { fixture: 'echo-alters-payload', args: echo, code: 1, failing: ['workload'] },
  { fixture: 'echo-extra-field', args: echo, code: 1, failing: ['stats'] },
  { fixture: 'echo-garbage-line', args: echo, code: 1, failing: ['stats'] },
  { fixture: 'echo-crashes', args: echo, code: 255 },
  {
    fixture: 'unique-ids-duplicates',
    args: ['-w', 'unique-ids', '--node-count', '3', '--time-limit', '3', '--rate', '50'],
    code: 1,
    failing: ['workload'],
  },
  {
    fixture: 'broadcast-no-retry',
    args: [
      '-w',
      'broadcast',
      '--node-count',
      '5',
      '--time-limit',
      '6',
      '--rate',
      '20',
      '--latency',
      '20',
    ].concat(['--nemesis', 'partition', '--nemesis-interval', '2']),
    code: 1,
    failing: ['workload'],
  },
  {
    fixture: 'g-counter-no-cas',
    args: ['-w', 'g-counter', '--node-count', '3', '--time-limit', '4', '--rate', '50'],
    code: 1,
    failing: ['workload'],
  },
  {
    fixture: 'kafka-reuse-offsets',
    args: ['-w', 'kafka', '--node-count', '1', '--concurrency', '2n', '--time-limit', '3', '--rate', '100'],
    code: 1,
    failing: ['workload'],
  },
  {
    fixture: 'txn-dirty-abort',
    args: [
      '-w',
      'txn-rw-register',
      '--node-count',
      '2',
      '--concurrency',
      '2n',
      '--time-limit',
      '3',
      '--rate',
      '100',
    ].concat(['--consistency-models', 'read-committed']),
    code: 1,
    failing: ['workload'],
  },
];

jest.setTimeout(180_000);

describe('broken runtime-based nodes on the sim and on the process engine', () => {
  // One run at a time: a sim run keeps this process busy, which would delay a process-engine run beside it.
  it.each(cases)('$fixture: both exit $code', async ({ fixture, args, code, failing: checks }) => {
    const bin = buildNode(join(FIXTURES, 'runtime', `${fixture}.ts`));
    const sim = await runBench(bin, [...args, '--seed', '3', '--engine', 'sim']);
    const bench = await runBench(bin, [...args, '--seed', '3', '--engine', 'bench']);
    const expected = { code, failing: checks ?? [] };
    expect({ engine: 'sim', code: sim.code, failing: failingChecks(sim.results) }).toEqual({
      engine: 'sim',
      ...expected,
    });
    expect({ engine: 'bench', code: bench.code, failing: failingChecks(bench.results) }).toEqual({
      engine: 'bench',
      ...expected,
    });
  });
});

describe('a --bin the sim cannot run in-process', () => {
  it.each(['echo-good.js', '/bin/ls', 'no-such-node'])(
    '%s: one line pointing at the process engine, exit 254',
    async (bin) => {
      const run = await runBench(bin, [...echo, '--engine', 'sim']);
      expect(run.code).toBe(254);
      expect(run.output.split('\n')).toHaveLength(1);
      expect(run.output).toMatch(
        /run it on the process engine instead \(--engine bench, or GLOMERS_ENGINE=bench\)/,
      );
      expect(run.dir).toBeUndefined();
    },
  );
});
