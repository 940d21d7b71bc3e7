import { buildNode, runBench } from './bench-harness';

/**
 * The sim engine's promise: the same command line with the same --seed writes byte-identical history.jsonl and
 * messages.jsonl, for every workload, with partitions and with kafka's client crashes; another seed does not.
 */
const partition = ['--nemesis', 'partition'];
const cases: ReadonlyArray<{
  readonly name: string;
  readonly app: string;
  readonly args: readonly string[];
}> = [
  {
    name: 'echo',
    app: 'echo',
    args: ['-w', 'echo', '--node-count', '1', '--time-limit', '3', '--rate', '50'],
  },
  {
    name: 'unique-ids with partitions',
    app: 'unique-ids',
    args: ['-w', 'unique-ids', '--node-count', '3', '--time-limit', '4', '--rate', '200', ...partition],
  },
  {
    name: 'broadcast with partitions and latency',
    app: 'broadcast-3c',
    args: [
      '-w',
      'broadcast',
      '--node-count',
      '5',
      '--time-limit',
      '4',
      '--rate',
      '20',
      '--latency',
      '20',
      ...partition,
    ],
  },
  {
    name: 'g-counter with partitions (seq-kv)',
    app: 'g-counter',
    args: ['-w', 'g-counter', '--node-count', '3', '--time-limit', '4', '--rate', '50', ...partition],
  },
  {
    name: 'kafka with client crashes and partitions',
    app: 'kafka-5c',
    args: [
      '-w',
      'kafka',
      '--node-count',
      '2',
      '--concurrency',
      '2n',
      '--time-limit',
      '4',
      '--rate',
      '200',
      ...partition,
    ],
  },
  {
    name: 'txn-rw-register with partitions',
    app: 'txn-6c',
    args: [
      ...[
        '-w',
        'txn-rw-register',
        '--node-count',
        '2',
        '--concurrency',
        '2n',
        '--time-limit',
        '4',
        '--rate',
        '200',
      ],
      ...['--consistency-models', 'read-committed', ...partition],
    ],
  },
];

jest.setTimeout(120_000);

describe.each(cases)('the sim engine replays $name exactly from its seed', ({ app, args }) => {
  const run = (seed: number) =>
    runBench(buildNode(`apps/${app}/src/main.ts`), [...args, '--engine', 'sim', '--seed', String(seed)]);

  it('writes the same history and messages for one seed, and others for another', async () => {
    const first = await run(5);
    const again = await run(5);
    const other = await run(6);
    expect(first.code).toBe(0);
    expect(first.historyText.length).toBeGreaterThan(0);
    expect(first.messages.length).toBeGreaterThan(0);
    expect(again.historyText).toBe(first.historyText);
    expect(again.messages).toBe(first.messages);
    expect(other.historyText).not.toBe(first.historyText);
    if (args.includes('partition')) expect(first.history.some((op) => op.f === 'start-partition')).toBe(true);
    if (app === 'kafka-5c') expect(first.history.some((op) => op.f === 'crash')).toBe(true);
    expect(first.bench).toMatchObject({ engine: 'sim', seed: 5 });
  });
});
