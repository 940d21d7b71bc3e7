import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parseTestArgs } from '../src/cli/test-options';
import { readEdn } from '../src/results/edn-reader';
import { figuresOf, missedBounds } from '../src/results/figures';
import { chooseEngine, findMaelstrom } from '../src/cli/engine';
import { loadChallenges } from '../src/challenges';

const workloads = ['echo', 'broadcast'];

describe('test options', () => {
  it("uses Maelstrom's defaults", () => {
    const result = parseTestArgs(['-w', 'echo', '--bin', 'x'], workloads);
    if (!result.ok) throw new Error(result.errors.join());
    expect(result.parsed.options).toMatchObject({
      nodeIds: ['n1', 'n2', 'n3', 'n4', 'n5'],
      concurrency: 5,
      rate: 5,
      timeLimitS: 60,
      topology: 'grid',
      availability: undefined,
      consistencyModels: ['strict-serializable'],
      maxTxnLength: 4,
      maxWritesPerKey: 16,
      keyCount: undefined,
      nemesis: [],
    });
    expect(result.parsed.latency).toEqual({ meanMs: 0, dist: 'constant' });
    expect(result.parsed.nemesisIntervalS).toBe(10);
  });

  it('parses every option, kn concurrency, = forms and node args', () => {
    const result = parseTestArgs(
      [
        '--workload=broadcast',
        '--bin',
        'x',
        '--node-count',
        '3',
        '--concurrency',
        '2n',
        '--latency',
        '100',
        '--latency-dist',
        'uniform',
        '--nemesis',
        'partition',
        '--nemesis-interval',
        '2',
        '--availability',
        'total',
        '--topology',
        'tree4',
        '--consistency-models',
        'read-committed',
        '--max-txn-length',
        '2',
        '--max-writes-per-key',
        '8',
        '--key-count',
        '3',
        '--log-stderr',
        '--seed',
        '42',
        '--rate',
        '0.5',
        'extra-arg',
      ],
      workloads,
    );
    if (!result.ok) throw new Error(result.errors.join());
    const p = result.parsed;
    expect(p.options).toMatchObject({
      workload: 'broadcast',
      nodeIds: ['n0', 'n1', 'n2'],
      concurrency: 6,
      rate: 0.5,
      availability: 'total',
      topology: 'tree4',
      consistencyModels: ['read-committed'],
      maxTxnLength: 2,
      maxWritesPerKey: 8,
      keyCount: 3,
      nemesis: ['partition'],
    });
    expect([p.seed, p.logStderr, p.args, p.latency, p.nemesisIntervalS]).toEqual([
      42,
      true,
      ['extra-arg'],
      { meanMs: 100, dist: 'uniform' },
      2,
    ]);
  });

  it('writes each error on one line, however the arguments look', () => {
    const result = parseTestArgs(
      ['--bin', 'x', '-w', 'echo\nx', '--rate', 'a\nb', '--x\ny', '--nodes', 'n\n1'],
      workloads,
    );
    expect(result.ok || result.errors).toHaveLength(4);
    for (const error of result.ok ? [] : result.errors) expect(error).not.toMatch(/[\n\r]/);
  });

  it('accepts the largest values in range', () => {
    const result = parseTestArgs(
      ['--bin', 'x', '-w', 'echo', '--node-count', '1000', '--time-limit', '2147483', '--concurrency', '10n'],
      workloads,
    );
    expect(result.ok && [result.parsed.options.nodeIds.length, result.parsed.options.concurrency]).toEqual([
      1000, 10_000,
    ]);
  });

  it('splits consistency models only on whitespace-comma-whitespace, as Maelstrom does', () => {
    const result = parseTestArgs(['-w', 'echo', '--bin', 'x', '--consistency-models', 'a , b,c'], workloads);
    expect(result.ok && result.parsed.options.consistencyModels).toEqual(['a', 'b,c']);
  });

  it.each([
    [['--bin', 'x', '-w', 'echo', '--frobnicate'], 'Unknown option: "--frobnicate"'],
    [['--bin', 'x', '-w', 'nope'], 'Failed to validate "-w nope"'],
    [['-w', 'echo'], 'Expected a --bin'],
    [['--bin', 'x', '-w', 'echo', '--rate', '-1'], "Can't be negative"],
    [['--bin', 'x', '-w', 'echo', '--availability', '2'], "must be either 'total'"],
    [['--bin', 'x', '-w', 'echo', '--nemesis', 'kill'], 'partition'],
    [['--bin', 'x', '-w', 'echo', '--concurrency', 'x3'], 'optionally followed by n'],
    [['--bin', 'x', '-w', 'echo', '--concurrency', '0'], 'Must be at least 1'],
    [['--bin', 'x', '-w', 'echo', '--concurrency', '0n'], 'Must be at least 1'],
    [['--bin', 'x', '-w', 'echo', '--concurrency', '99999999999n'], 'at most 10000 workers'],
    [['--bin', 'x', '-w', 'echo', '--node-count', '4294967296'], 'Must be from 1 to 1000'],
    [['--bin', 'x', '-w', 'echo', '--time-limit', '99999999999', '--rate', '0'], 'Must be from 1 to 2147483'],
    [['--bin', 'x', '-w', 'echo', '--nemesis-interval', '1e10'], 'Must be at most'],
    [['--bin', 'x', '-w', 'echo', '--latency', '1e3'], 'Must be a non-negative integer'],
    [['--bin', 'x', '-w', 'echo', '--rate', 'abc'], 'Must be a number'],
    [['--bin', 'x', '-w', 'echo', '--rate', ''], 'Must be a number'],
    [['--bin', 'x', '-w', 'echo', '--availability', ''], "must be either 'total'"],
    [['--bin', 'x', '-w', 'echo', '--seed', '99999999999999999999'], 'within'],
    [['--bin', 'x', '-w', 'echo', '--nodes', 'n1,n1'], 'n1 is given twice'],
    [['--bin', 'x', '-w', 'echo', '--nodes', ''], 'is not a name'],
    [['--bin', 'x', '-w', 'echo', '--nodes', 'n1,seq-kv'], 'seq-kv is the name of a Maelstrom service'],
    [['--bin', 'x', '-w', 'echo', '--nodes', 'c1'], 'c1 would be taken for a client'],
    [['--bin', 'x', '-w', 'echo', '-n', '../../etc'], 'is not a name'],
  ])('rejects %j', (argv, message) => {
    const result = parseTestArgs(argv, workloads);
    expect(result.ok).toBe(false);
    expect(result.ok || result.errors.join('\n')).toContain(message);
  });
});

describe("reading Maelstrom's results.edn", () => {
  const edn = `{:perf {:latency-graph {:valid? true}, :valid? true},
 :net {:all {:send-count 10 :msgs-per-op 5.2}, :servers {:msg-count 3 :msgs-per-op 3.25}, :valid? true},
 :workload {:valid? true, :stable-latencies {0 0, 0.5 97, 0.95 180, 0.99 190, 1 201}, :lost #{}, :x #object[a "b"], :r 1/2},
 :valid? true}`;

  it('takes the verdict and figures out', () => {
    const figures = figuresOf(readEdn(edn));
    expect(figures).toEqual({
      valid: true,
      serversMsgsPerOp: 3.25,
      allMsgsPerOp: 5.2,
      stableLatencyMedianMs: 97,
      stableLatencyMaxMs: 201,
    });
    expect(
      missedBounds(figures, { serversMsgsPerOp: 3, stableLatencyMedianMs: 400, stableLatencyMaxMs: 200 }),
    ).toEqual([
      'net.servers.msgs-per-op 3.25 is not below 3',
      'stable-latency max (ms) 201 is not below 200',
    ]);
  });

  it('keeps a map key named __proto__ as data', () => {
    const unseen = readEdn('{:unseen {"__proto__" 2, "a" 1}}') as Record<string, Record<string, number>>;
    expect(Object.keys(unseen['unseen'])).toEqual(['__proto__', 'a']);
  });

  it('reads :unknown and false verdicts', () => {
    expect(figuresOf(readEdn('{:valid? :unknown}')).valid).toBe('unknown');
    expect(figuresOf(readEdn('{:valid? false}')).valid).toBe(false);
  });
});

describe('engine choice', () => {
  it('forces the engine with GLOMERS_ENGINE or the flag, else follows MAELSTROM_BIN / PATH', () => {
    const m = join(mkdtempSync(join(tmpdir(), 'maelstrom-bin-')), 'maelstrom');
    writeFileSync(m, '#!/bin/sh\n');
    expect(chooseEngine('auto', { GLOMERS_ENGINE: 'bench', MAELSTROM_BIN: m })).toEqual({ kind: 'bench' });
    expect(chooseEngine('auto', { MAELSTROM_BIN: m })).toEqual({ kind: 'maelstrom', bin: m });
    expect(chooseEngine('auto', { PATH: '/nowhere' })).toEqual({ kind: 'sim' });
    expect(chooseEngine('auto', { GLOMERS_ENGINE: 'sim', MAELSTROM_BIN: m })).toEqual({ kind: 'sim' });
    expect(chooseEngine('sim', { GLOMERS_ENGINE: 'bench' })).toEqual({ kind: 'sim' });
    expect(chooseEngine('maelstrom', { MAELSTROM_BIN: m })).toEqual({ kind: 'maelstrom', bin: m });
    expect(() => chooseEngine('auto', { GLOMERS_ENGINE: 'jvm' })).toThrow(/Unknown engine/);
  });

  it('names a MAELSTROM_BIN that does not exist instead of failing every row as a crash', () => {
    expect(() => chooseEngine('auto', { MAELSTROM_BIN: '/nowhere/maelstrom' })).toThrow(
      /MAELSTROM_BIN=\/nowhere\/maelstrom: no such file/,
    );
    expect(() => chooseEngine('maelstrom', { MAELSTROM_BIN: '/nowhere/maelstrom' })).toThrow(/no such file/);
    expect(chooseEngine('sim', { MAELSTROM_BIN: '/nowhere/maelstrom' })).toEqual({ kind: 'sim' });
    expect(() => findMaelstrom({ MAELSTROM_BIN: '/nowhere/maelstrom' })).toThrow(/no such file/);
  });

  it('finds Maelstrom through MAELSTROM_BIN first, then as an executable on PATH', () => {
    const dir = mkdtempSync(join(tmpdir(), 'maelstrom-path-'));
    writeFileSync(join(dir, 'maelstrom'), '#!/bin/sh\n');
    const path = ['/nowhere', dir].join(delimiter);
    expect(findMaelstrom({ PATH: path }, true)).toBe(join(dir, 'maelstrom'));
    const declared = join(mkdtempSync(join(tmpdir(), 'maelstrom-bin-')), 'maelstrom');
    writeFileSync(declared, '#!/bin/sh\n');
    expect(findMaelstrom({ PATH: path, MAELSTROM_BIN: declared }, true)).toBe(declared);
    expect(findMaelstrom({ PATH: '/nowhere' }, true)).toBeUndefined();
    expect(chooseEngine('auto', { PATH: path })).toEqual({ kind: 'maelstrom', bin: join(dir, 'maelstrom') });
  });
});

describe('challenge table', () => {
  it('has every challenge app, with the 3d/3e bounds and ASCII options only', () => {
    const challenges = loadChallenges();
    expect([...new Set(challenges.map((c) => c.app))]).toEqual([
      'echo',
      'unique-ids',
      'broadcast-3a',
      'broadcast-3b',
      'broadcast-3c',
      'broadcast-3d',
      'broadcast-3e',
      'g-counter',
      'kafka-5a',
      'kafka-5b',
      'kafka-5c',
      'txn-6a',
      'txn-6b',
      'txn-6c',
    ]);
    expect(challenges.find((c) => c.challenge === '3d')?.bounds).toEqual({
      serversMsgsPerOp: 30,
      stableLatencyMedianMs: 400,
      stableLatencyMaxMs: 600,
    });
    for (const c of challenges) for (const a of c.args) expect(a).toMatch(/^[\x20-\x7e]+$/);
    const parsed = challenges.map((c) =>
      parseTestArgs(
        [...c.args, '--bin', 'x'],
        ['echo', 'unique-ids', 'broadcast', 'g-counter', 'kafka', 'txn-rw-register'],
      ),
    );
    expect(parsed.every((p) => p.ok)).toBe(true);
  });
});
