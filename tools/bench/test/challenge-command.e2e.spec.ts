import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SummaryRow } from '../src/results/summary-rows';
import { main } from '../src/main';
import { FIXTURES } from './bench-harness';

jest.setTimeout(60_000);

describe('glomers-bench challenge', () => {
  it('records a crashed run in summary.jsonl with no results file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'glomers-challenge-'));
    writeFileSync(join(root, 'nx.json'), '{}');
    mkdirSync(join(root, 'dist', 'apps', 'echo'), { recursive: true });
    copyFileSync(join(FIXTURES, 'exits-at-once.js'), join(root, 'dist', 'apps', 'echo', 'main.js'));
    const lines: string[] = [];
    const io = {
      out: (t: string) => lines.push(t),
      err: (t: string) => lines.push(t),
      errIsTty: false,
      cwd: root,
    };
    expect(await main(['challenge', 'echo', '--engine', 'bench'], io)).toBe(1);
    const rows = readFileSync(join(root, 'store', 'summary', 'summary.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as SummaryRow);
    expect(rows).toEqual([expect.objectContaining({ verdict: 'crashed (exit 255)', results: null })]);
    // The app's last rows, the maelstrom target's cached output: this run's.
    expect(readFileSync(join(root, 'store', 'summary', 'last', 'echo.jsonl'), 'utf8')).toBe(
      readFileSync(join(root, 'store', 'summary', 'summary.jsonl'), 'utf8'),
    );
  });

  it('refuses a GLOMERS_ROWS it does not know, naming the choices', async () => {
    const lines: string[] = [];
    const io = {
      out: (t: string) => lines.push(t),
      err: (t: string) => lines.push(t),
      errIsTty: false,
      cwd: process.cwd(),
      env: { GLOMERS_ROWS: 'partition' },
    };
    expect(await main(['challenge', 'echo', '--engine', 'sim'], io)).toBe(254);
    expect(lines).toEqual(['GLOMERS_ROWS must be one of all, official, not "partition"']);
  });
});
