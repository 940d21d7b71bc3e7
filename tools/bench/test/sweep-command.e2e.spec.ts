import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildNode, FIXTURES, REPO_ROOT } from './bench-harness';

/** The sweep command as a user runs it: the CLI in a fresh folder, worker threads, a closing table. */
function sweep(bin: string, seeds: string) {
  const cwd = mkdtempSync(join(tmpdir(), 'glomers-sweep-'));
  const result = spawnSync(
    'node',
    [
      join(REPO_ROOT, 'tools/bench/bin/glomers-bench.js'),
      'sweep',
      'echo',
      '--seeds',
      seeds,
      '--parallel',
      '2',
      '--bin',
      bin,
    ],
    { cwd, encoding: 'utf8', timeout: 120_000 },
  );
  const runs = join(cwd, 'store', 'sweeps', 'echo');
  const [dir] = readdirSync(runs).filter((name) => name !== 'latest');
  const outcomes = readFileSync(join(runs, dir, 'outcomes.jsonl'), 'utf8')
    .trim()
    .split('\n');
  return {
    ...result,
    outcomes: outcomes.map((line) => JSON.parse(line) as { seed: number; passed: boolean }),
  };
}

jest.setTimeout(180_000);

describe('glomers-bench sweep', () => {
  it('runs every seed of the row on worker threads and ends with pass counts', () => {
    const run = sweep(buildNode('apps/echo/src/main.ts'), '1..4');
    expect(run.status).toBe(0);
    expect(run.outcomes.map((o) => o.seed).sort()).toEqual([1, 2, 3, 4]);
    expect(run.outcomes.every((o) => o.passed)).toBe(true);
    expect(run.stdout).toMatch(/^1\s+4\s+4\s+0\s/m);
    expect(run.stdout).not.toContain('FAILED');
  });

  it('exits 1 and prints the exact replay command of every failing seed', () => {
    const run = sweep(buildNode(join(FIXTURES, 'runtime', 'echo-alters-payload.ts')), '5..6');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^1\s+2\s+0\s+2\s/m);
    for (const seed of [5, 6]) {
      expect(run.stdout).toContain(`FAILED 1 seed ${seed}: workload`);
      expect(run.stdout).toMatch(
        new RegExp(`replay: npx glomers-bench test -w echo .*--engine sim --seed ${seed}\\n`),
      );
    }
  });
});
