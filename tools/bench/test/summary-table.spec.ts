import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summaryCommand } from '../src/cli/summary-command';
import {
  appendSummaryRow,
  readSummaryRows,
  writeLastRows,
  type SummaryRow,
} from '../src/results/summary-rows';
import { rowCells, textTable } from '../src/results/summary-table';

const row = (over: Partial<SummaryRow>): SummaryRow => ({
  challenge: '3d',
  app: 'broadcast-3d',
  engine: 'bench',
  seed: 7,
  verdict: 'true',
  'missed-bounds': [],
  'servers-msgs-per-op': 3.4,
  'all-msgs-per-op': 5.4,
  'stable-latency-median-ms': 162,
  'stable-latency-max-ms': 362,
  'wall-time-s': 33.04,
  'exit-code': 0,
  results: null,
  date: '2026-11-30T00:00:00.000Z',
  ...over,
});

describe('summary table cells', () => {
  const bounds = { serversMsgsPerOp: 30, stableLatencyMedianMs: 400, stableLatencyMaxMs: 600 };

  it('puts each figure next to its bound, and marks a missed one', () => {
    expect(rowCells(row({}), bounds)).toEqual([
      '',
      '3d',
      'bench',
      '7',
      'valid',
      '3.40 (< 30)',
      '162/362 (< 400/600)',
      '33.0',
    ]);
    const missed = row({
      'stable-latency-max-ms': 712,
      'missed-bounds': ['stable-latency max (ms) 712 is not below 600'],
    });
    expect(rowCells(missed, bounds).slice(0, 1)).toEqual(['✗']);
    expect(rowCells(missed, bounds).slice(4, 7)).toEqual([
      'valid, missed bounds',
      '3.40 (< 30)',
      '162/712 ✗ (< 400/600)',
    ]);
  });

  it('shows a seedless engine and a challenge without bounds plainly', () => {
    const cells = rowCells(
      row({ engine: 'maelstrom', seed: null, verdict: 'false', challenge: '3c' }),
      undefined,
    );
    expect(cells).toEqual(['✗', '3c', 'maelstrom', '-', 'INVALID', '3.40', '162/362', '33.0']);
  });

  it('pads columns to the widest cell', () => {
    expect(textTable(['a', 'bb'], [['ccc', 'd']])).toEqual(['a    bb', '---  --', 'ccc  d']);
  });
});

describe('glomers-bench summary --suite', () => {
  let root: string;
  let out: string[];
  const io = () => ({
    out: (t: string) => out.push(t),
    err: (t: string) => out.push(t),
    errIsTty: false,
    cwd: root,
  });
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'summary-'));
    writeFileSync(join(root, 'nx.json'), '{}');
    mkdirSync(join(root, 'store', 'echo', 'run1'), { recursive: true });
    writeFileSync(join(root, 'store', 'echo', 'run1', 'report.html'), '');
    out = [];
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('ends with the table and the failing rows again, their checks and report; exits 1', async () => {
    const report = join(root, 'store', 'echo', 'run1', 'report.html');
    appendSummaryRow(root, row({ challenge: '1', app: 'echo', suite: 'older' }));
    appendSummaryRow(root, row({ challenge: '1', app: 'echo', suite: 's1', report }));
    appendSummaryRow(
      root,
      row({ verdict: 'false', suite: 's1', failures: ['workload: 2 broadcast values lost (3, 9)'], report }),
    );
    const code = await summaryCommand(['--suite', 's1', '--missing', 'kafka-5a=skipped'], io());
    expect(code).toBe(1);
    const text = out.join('\n');
    const rows = out.slice(3, 6).map((l) => l.trim().split(/\s+/).slice(0, 2));
    expect(rows).toEqual([
      ['1', 'bench'],
      ['✗', '3d'],
      ['✗', 'kafka-5a'],
    ]);
    expect(text).toContain(
      [
        '2 of 3 rows failed:',
        '✗ 3d (broadcast-3d, bench, seed 7): INVALID',
        '    workload: 2 broadcast values lost (3, 9)',
        '    report: store/echo/run1/report.html',
        '✗ kafka-5a: no result, its maelstrom task ended with skipped (its output is above)',
        'Suite page: store/index.html',
      ].join('\n'),
    );
    expect(out[out.length - 1]).toBe('Suite page: store/index.html');
    const index = readFileSync(join(root, 'store', 'index.html'), 'utf8');
    expect(index).toContain('<a href="echo/run1/report.html">report</a>');
    expect(index).toContain('2 of 3 rows failed');
  });

  it('exits 0 when every row of the suite passed', async () => {
    appendSummaryRow(root, row({ suite: 's2' }));
    expect(await summaryCommand(['--suite', 's2'], io())).toBe(0);
    expect(out.slice(-2)).toEqual(['\nThe one row passed.', 'Suite page: store/index.html']);
  });

  it('shows the rows of a task Nx answered from its cache, marked, and a cache hit without rows as missing', async () => {
    appendSummaryRow(root, row({ challenge: '1', app: 'echo', engine: 'sim', suite: 's3' }));
    // An earlier suite's run of broadcast-3d, its rows restored by the cache as the target's output.
    writeLastRows(root, 'broadcast-3d', [row({ engine: 'sim', suite: 'earlier' })]);
    const code = await summaryCommand(
      ['--suite', 's3', '--cached', 'broadcast-3d,kafka-5a', '--missing', ''],
      io(),
    );
    expect(code).toBe(1);
    expect(
      out.slice(3, 6).map((l) =>
        l
          .trim()
          .split(/\s{2,}/)
          .slice(0, 3),
      ),
    ).toEqual([
      ['1', 'sim', '7'],
      ['3d', 'sim (cached)', '7'],
      ['✗', 'kafka-5a', '-'],
    ]);
    expect(out.join('\n')).toContain(
      '✗ kafka-5a: no result, its maelstrom task ended with a cache hit whose rows are gone',
    );
    // The store records the replayed row once, marked, for ci-summary; a row run in this store is not copied.
    await summaryCommand(['--suite', 's3', '--cached', 'broadcast-3d,echo', '--missing', ''], io());
    writeLastRows(root, 'echo', [row({ challenge: '1', app: 'echo', engine: 'sim', suite: 's3' })]);
    await summaryCommand(['--suite', 's3', '--cached', 'echo', '--missing', ''], io());
    expect(readSummaryRows(root).map((r) => [r.challenge, r.suite, r.cached ?? false])).toEqual([
      ['1', 's3', false],
      ['3d', 'earlier', true],
    ]);
  });
});
