import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { challengesFor } from '../src/challenges';
import { ciMatrix, seedShards, type CiMatrix, type SweepShard } from '../src/ci/matrix';
import { main } from '../src/main';
import { REPO_ROOT } from './bench-harness';

const run = promisify(execFile);

/** Seeds per row over all of the row's shards, in shard order. */
function seedsByRow(shards: readonly SweepShard[]): Map<string, number[]> {
  const seeds = new Map<string, number[]>();
  for (const s of shards) {
    const list = seeds.get(s.row) ?? [];
    for (let seed = s.first; seed <= s.last; seed++) list.push(seed);
    seeds.set(s.row, list);
  }
  return seeds;
}

const oneToThousand = Array.from({ length: 1000 }, (_, i) => i + 1);

jest.setTimeout(180_000);

describe('glomers-bench matrix, as the CI workflow runs it', () => {
  let matrix: CiMatrix;
  let appsWithTarget: string[];
  let stderr: string;

  beforeAll(async () => {
    // Nx's own answer is the reference: the generator must not drop, rename or invent an app.
    const [generated, nx] = await Promise.all([
      run(
        'node',
        ['tools/bench/bin/glomers-bench.js', 'matrix', '--seeds', '1..1000', '--shard-size', '250'],
        { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 },
      ),
      run('npx', ['nx', 'show', 'projects', '--with-target', 'maelstrom', '--json'], { cwd: REPO_ROOT }),
    ]);
    matrix = JSON.parse(generated.stdout) as CiMatrix;
    stderr = generated.stderr;
    appsWithTarget = JSON.parse(nx.stdout) as string[];
  });

  it('has one maelstrom job per app with a maelstrom target, naming its rows', () => {
    const apps = matrix.maelstrom.include.map((j) => j.app);
    expect(appsWithTarget.length).toBeGreaterThanOrEqual(14);
    expect([...apps].sort()).toEqual([...appsWithTarget].sort());
    expect(new Set(apps).size).toBe(apps.length);
    expect(matrix.maelstrom.include).toContainEqual({ app: 'broadcast-3d', rows: '3d, 3d-partition' });
    expect(matrix.maelstrom.include).toContainEqual({ app: 'echo', rows: '1' });
  });

  it('sweeps exactly the rows that run with a nemesis', () => {
    const withNemesis = appsWithTarget
      .flatMap((app) => challengesFor(app))
      .filter((c) => c.args.includes('--nemesis'))
      .map((c) => c.challenge);
    const swept = [...new Set(matrix.sweep.include.map((s) => s.row))];
    expect(swept.sort()).toEqual(withNemesis.sort());
    expect(swept).toEqual(
      expect.arrayContaining([
        '2',
        '3c',
        '3d-partition',
        '3e-partition',
        '4',
        '5b-partition',
        '5c-partition',
        '6b-partition',
        '6c',
      ]),
    );
    for (const shard of matrix.sweep.include) {
      expect(shard.nemesis).toBe('partition');
      expect(challengesFor(shard.app).map((c) => c.challenge)).toContain(shard.row);
    }
  });

  it('covers seeds 1..1000 of every swept row exactly once, in shards of at most 250', () => {
    const byRow = seedsByRow(matrix.sweep.include);
    for (const [row, seeds] of byRow) {
      expect({ row, seeds: [...seeds].sort((a, b) => a - b) }).toEqual({ row, seeds: oneToThousand });
    }
    for (const shard of matrix.sweep.include) expect(shard.last - shard.first + 1).toBeLessThanOrEqual(250);
    expect(matrix.sweep.include).toHaveLength(byRow.size * 4);
    expect(stderr).toContain(`sweep: ${byRow.size} nemesis rows × seeds 1..1000 in shards of 250`);
  });
});

describe('the matrix, computed in-process', () => {
  it('cuts seed ranges that the shard size does not divide, and single seeds', () => {
    expect(seedShards(1, 1000, 300)).toEqual([
      [1, 300],
      [301, 600],
      [601, 900],
      [901, 1000],
    ]);
    expect(seedShards(7, 7, 250)).toEqual([[7, 7]]);
    const matrix = ciMatrix(['g-counter'], { first: 1, last: 1000 }, 300);
    if (typeof matrix === 'string') throw new Error(matrix);
    expect(seedsByRow(matrix.sweep.include).get('4')).toEqual(oneToThousand);
  });

  it('refuses an app that has a maelstrom target but no challenge rows', () => {
    expect(ciMatrix(['echo', 'no-such-app'], { first: 1, last: 10 }, 5)).toBe(
      'no-such-app has a maelstrom target but no challenge rows',
    );
  });

  it('rejects bad options before asking Nx anything', async () => {
    const err: string[] = [];
    const io = { out: () => undefined, err: (t: string) => err.push(t), errIsTty: false, cwd: REPO_ROOT };
    expect(await main(['matrix', '--seeds', '5..1'], io)).toBe(254);
    expect(await main(['matrix', '--shard-size', '0'], io)).toBe(254);
    expect(await main(['matrix', '--rows', '3c'], io)).toBe(254);
    expect(err.join('\n')).toContain('Usage: glomers-bench matrix');
  });
});
