import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CiMatrix } from '../src/ci/matrix';
import { main } from '../src/main';
import type { SummaryRow } from '../src/results/summary-rows';
import type { SeedOutcome } from '../src/sweep/sweep-task';

const row = (over: Partial<SummaryRow>): SummaryRow => ({
  challenge: '1',
  app: 'echo',
  engine: 'maelstrom',
  seed: null,
  verdict: 'true',
  'missed-bounds': [],
  'servers-msgs-per-op': 0,
  'all-msgs-per-op': 1,
  'stable-latency-median-ms': null,
  'stable-latency-max-ms': null,
  'wall-time-s': 21.5,
  'exit-code': 0,
  results: null,
  date: '2026-11-30T10:00:00.000Z',
  ...over,
});

const outcome = (seed: number, passed = true): SeedOutcome => ({
  row: '3c',
  seed,
  passed,
  verdict: passed ? 'true' : 'false',
  problems: passed ? [] : ['workload: 1 broadcast value lost (7)'],
  serversMsgsPerOp: 5 + seed,
  allMsgsPerOp: 6 + seed,
  opLatencyMedianMs: 0.4,
  opLatencyP99Ms: 1,
  stableLatencyMedianMs: 100 * seed,
  wallMs: 500,
  virtualTimeS: 30,
});

const jsonl = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join('\n') + '\n';

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** The artifacts as the summary job downloads them: one folder per job, each holding that job's store/. */
function artifacts(root: string): void {
  write(
    join(root, 'maelstrom-echo', 'summary', 'summary.jsonl'),
    jsonl([row({}), row({ engine: 'sim', seed: 7, 'wall-time-s': 0.2 })]),
  );
  write(
    join(root, 'maelstrom-broadcast-3d', 'summary', 'summary.jsonl'),
    jsonl([
      row({
        challenge: '3d',
        app: 'broadcast-3d',
        verdict: 'false',
        'servers-msgs-per-op': 3.4,
        'stable-latency-median-ms': 162,
        'stable-latency-max-ms': 362,
        failures: ['workload: 2 broadcast values lost (3, 9)'],
        report: '/home/runner/work/g/g/store/maelstrom/broadcast-3d-3d/store/broadcast/20261130/report.html',
        date: '2026-11-30T11:00:00.000Z',
      }),
      // Appended later, but an older run: the newest run of a row and engine is the one shown.
      row({ challenge: '3d', app: 'broadcast-3d', date: '2026-11-30T09:00:00.000Z' }),
    ]),
  );
  const shard1 = join(root, 'sweep-3c-1-2', 'sweeps', 'broadcast-3c', '20261130T100000.000Z');
  write(join(shard1, 'outcomes.jsonl'), jsonl([outcome(2), outcome(1)]));
  // Seed 4's run never finished: its shard has no outcome for it.
  const shard2 = join(root, 'sweep-3c-3-4', 'sweeps', 'broadcast-3c', '20261130T100001.000Z');
  write(join(shard2, 'outcomes.jsonl'), jsonl([outcome(3, false)]));
  symlinkSync(shard2, join(root, 'sweep-3c-3-4', 'sweeps', 'broadcast-3c', 'latest'));
}

const MATRIX: CiMatrix = {
  maelstrom: {
    include: [
      { app: 'echo', rows: '1' },
      { app: 'broadcast-3d', rows: '3d, 3d-partition' },
    ],
  },
  sweep: {
    include: [
      { app: 'broadcast-3c', row: '3c', nemesis: 'partition', first: 1, last: 2 },
      { app: 'broadcast-3c', row: '3c', nemesis: 'partition', first: 3, last: 4 },
    ],
  },
};

describe('glomers-bench ci-summary', () => {
  let root: string;
  let out: string[];
  const summary = (...argv: string[]) =>
    main(['ci-summary', ...argv], {
      out: (t) => out.push(t),
      err: (t) => out.push(t),
      errIsTty: false,
      cwd: root,
    });

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'ci-summary-'));
    out = [];
    artifacts(join(root, 'artifacts'));
    write(join(root, 'matrix.json'), JSON.stringify(MATRIX));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('puts every challenge row and every swept row in one Markdown table; exits 1 on a failure', async () => {
    expect(await summary('artifacts', '--matrix', 'matrix.json')).toBe(1);
    expect(out.slice(0, 7)).toEqual([
      '|  | challenge | engine | seed | verdict | msgs-per-op (servers) | latency median/max (ms) | wall time (s) |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      '|  | 1 | maelstrom | - | valid | 0 | - | 21.5 |',
      '|  | 1 | sim | 7 | valid | 0 | - | 0.2 |',
      '| ✗ | 3d | maelstrom | - | INVALID | 3.40 (< 30) | 162/362 (< 400/600) | 21.5 |',
      '| ✗ | 3d-partition | maelstrom | - | no result | - | - | - |',
      '| ✗ | 3c | sim sweep | 1..4 | 1 of 3 seeds failed, 1 without a result | 7.00 (6.00–8.00) | 200 (100–300) | 1.5 |',
    ]);
    expect(out).toContain('**3 of 5 rows failed:**');
  });

  it('lists each failure again with what shows it: checks and report, or the seed and its replay', async () => {
    await summary('artifacts', '--matrix', 'matrix.json');
    const failures = out.slice(out.indexOf('**3 of 5 rows failed:**') + 2);
    expect(failures[0]).toBe('- ✗ 3d (broadcast-3d, maelstrom): INVALID');
    expect(failures[1]).toBe('  - workload: 2 broadcast values lost (3, 9)');
    expect(failures[2]).toBe(
      '  - report: `store/maelstrom/broadcast-3d-3d/store/broadcast/20261130/report.html`',
    );
    expect(failures[3]).toMatch(/^- ✗ 3d-partition \(broadcast-3d, maelstrom\): no result/);
    expect(failures[4]).toBe('- ✗ 3c (broadcast-3c, sim sweep): 1 of 3 seeds failed, 1 without a result');
    expect(failures[5]).toMatch(
      /^ {2}- seed 3: workload: 1 broadcast value lost \(7\) — replay: `npx glomers-bench test -w broadcast --node-count 5 .*--nemesis partition --bin dist\/apps\/broadcast-3c\/main\.js --engine sim --seed 3`$/,
    );
    expect(failures[6]).toBe('  - no result for seeds 4');
    expect(failures).toHaveLength(7);
  });

  it('without a matrix, judges only what it finds; all passing exits 0', async () => {
    rmSync(join(root, 'artifacts', 'maelstrom-broadcast-3d'), { recursive: true });
    rmSync(join(root, 'artifacts', 'sweep-3c-3-4'), { recursive: true });
    expect(await summary('artifacts')).toBe(0);
    expect(out).toContain(
      '|  | 3c | sim sweep | 1..2 | 2 seeds passed | 7.00 (6.00–7.00) | 200 (100–200) | 1.0 |',
    );
    expect(out).toContain('**All 3 rows passed.**');
  });

  it('marks a row Nx replayed from its cache (a warm run on an unchanged app)', async () => {
    rmSync(join(root, 'artifacts'), { recursive: true });
    write(join(root, 'store', 'summary', 'summary.jsonl'), jsonl([row({ cached: true })]));
    expect(await summary('store')).toBe(0);
    expect(out).toContain('|  | 1 | maelstrom (cached) | - | valid | 0 | - | 21.5 |');
  });

  it('reports a missing folder as empty, and rejects bad arguments', async () => {
    expect(await summary('nothing-here')).toBe(0);
    expect(out).toEqual(['No challenge or sweep results were found.']);
    expect(await summary()).toBe(254);
    expect(await summary('artifacts', '--matrix', 'no-such.json')).toBe(254);
  });
});
