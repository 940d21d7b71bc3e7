import { MAX_NODE_LINE_BYTES } from '../src/core/node-process';
import { failingChecks, invocations, runBench } from './bench-harness';

jest.setTimeout(60_000);

const echo = (...extra: string[]) => [
  '-w',
  'echo',
  '--node-count',
  '1',
  '--time-limit',
  '2',
  '--seed',
  '7',
  ...extra,
];
const uniqueIds = (...extra: string[]) => [
  '-w',
  'unique-ids',
  '--node-count',
  '3',
  '--time-limit',
  '2',
  '--rate',
  '50',
  '--seed',
  '7',
  ...extra,
];

describe('glomers-bench test, end to end on fixture nodes', () => {
  it('passes a correct echo node', async () => {
    const run = await runBench('echo-good.js', echo());
    expect(run.code).toBe(0);
    expect(run.results?.['valid?']).toBe(true);
    expect(run.output).toContain('Everything looks good!');
    expect(run.output).toContain('seed 7');
    const ops = run.history.filter((op) => op.type === 'invoke');
    expect(ops.length).toBeGreaterThan(2);
  });

  it('fails an echo that alters the payload on the workload check', async () => {
    const run = await runBench('echo-alters-payload.js', echo());
    expect(run.code).toBe(1);
    expect(failingChecks(run.results)).toEqual(['workload']);
    expect(run.output).toContain('Failing checks: workload');
    expect(run.output).toContain('Analysis invalid!');
  });

  it('turns replies with an unexpected field into info ops with exceptions, failing stats', async () => {
    const run = await runBench('echo-extra-field.js', echo());
    expect(run.code).toBe(1);
    expect(failingChecks(run.results)).toEqual(['stats']);
    const exceptions = (run.results?.['exceptions'] as { exceptions: Array<{ class: string }> }).exceptions;
    expect(exceptions[0].class).toBe('malformed-rpc-response');
    expect(
      run.history
        .filter((op) => op.type === 'info')
        .every((op) => op.exception?.includes("unexpected field 'extra'")),
    ).toBe(true);
  });

  it('mutes a node that prints a banner on stdout, reports it, and reaches the verdict Maelstrom reaches', async () => {
    const run = await runBench('echo-banner.js', echo());
    expect(run.code).toBe(1);
    expect(failingChecks(run.results)).toEqual(['stats']);
    expect(run.bench?.['invalid-output']).toEqual([
      expect.objectContaining({ node: 'n0', line: 'echo node ready', reason: 'not well-formed JSON' }),
    ]);
    expect(run.output).toContain('HARD ERROR: node n0 printed an invalid stdout line');
  });

  it('reports a node whose stdout line is over the line limit as faulty and still writes the results', async () => {
    // 65 MiB through a pipe can take seconds on a loaded machine: a longer run leaves time for the limit to trip.
    const run = await runBench('echo-huge-line.js', [
      '-w',
      'echo',
      '--node-count',
      '1',
      '--time-limit',
      '10',
    ]);
    expect(run.code).toBe(1);
    expect(run.results?.['valid?']).toBe(false);
    expect(run.bench?.['invalid-output']).toEqual([
      expect.objectContaining({ node: 'n0', reason: `a line longer than ${MAX_NODE_LINE_BYTES} bytes` }),
    ]);
    expect(run.output).toContain('HARD ERROR: node n0 printed an invalid stdout line');
  });

  it('treats a node that exits early as a crash: exit 255, no analysis', async () => {
    const run = await runBench('echo-exits-early.js', echo());
    expect(run.code).toBe(255);
    expect(run.results).toBeUndefined();
    expect(run.output).toContain('Node n0 crashed with exit status 0');
  });

  it('passes a correct unique-ids node under partitions with total availability', async () => {
    const run = await runBench(
      'unique-ids-good.js',
      uniqueIds('--availability', 'total', '--nemesis', 'partition', '--nemesis-interval', '0.5'),
    );
    expect(run.code).toBe(0);
    expect(run.history.some((op) => op.f === 'start-partition')).toBe(true);
  });

  it('passes a unique-ids node that hands out 4 and 4.0 as two ids, as Maelstrom does', async () => {
    const run = await runBench('unique-ids-int-and-float.js', uniqueIds());
    expect(run.code).toBe(0);
    expect(run.results?.['workload']).toMatchObject({ 'valid?': true, 'duplicated-count': 0 });
    expect(
      run.history.some((op) => op.type === 'ok' && JSON.stringify(op.value).includes('number-text')),
    ).toBe(true);
  });

  it('fails a unique-ids node that hands out duplicate ids on the workload check', async () => {
    const run = await runBench('unique-ids-duplicates.js', uniqueIds());
    expect(run.code).toBe(1);
    expect(failingChecks(run.results)).toEqual(['workload']);
    expect((run.results?.['workload'] as Record<string, number>)['duplicated-count']).toBeGreaterThan(0);
  });

  it('reproduces the same invocations and partition schedule from the same seed', async () => {
    const args = uniqueIds('--nemesis', 'partition', '--nemesis-interval', '0.4');
    const [a, b, other] = [
      await runBench('echo-good.js', echo()),
      await runBench('echo-good.js', echo()),
      await runBench('echo-good.js', echo('--seed', '8')),
    ];
    const n = Math.min(invocations(a.history).length, invocations(b.history).length);
    expect(n).toBeGreaterThan(2);
    expect(invocations(a.history).slice(0, n)).toEqual(invocations(b.history).slice(0, n));
    expect(invocations(other.history).slice(0, n)).not.toEqual(invocations(a.history).slice(0, n));
    const nemesis = async () =>
      (await runBench('unique-ids-good.js', args)).history
        .filter((op) => op.process === 'nemesis')
        .map((op) => op.value);
    const [p, q] = [await nemesis(), await nemesis()];
    const m = Math.min(p.length, q.length);
    expect(m).toBeGreaterThanOrEqual(2);
    expect(p.slice(0, m)).toEqual(q.slice(0, m));
  });

  it('exits 254 on an unknown option', async () => {
    const run = await runBench('echo-good.js', echo('--no-such-option'));
    expect(run.code).toBe(254);
    expect(run.output).toContain('Unknown option: "--no-such-option"');
  });
});
