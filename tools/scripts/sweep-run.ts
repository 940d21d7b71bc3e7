/**
 * One `test` run for the sweep scripts, on the bench (seeded) or the real Maelstrom (found as the bench finds it), with
 * extra environment for the node; returns the results and the run's folder (for its history).
 */
import { findMaelstrom, readEdn } from '@glomers/bench';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type Engine = 'bench' | 'maelstrom';

export interface SweepRun {
  readonly results: Record<string, unknown>;
  readonly dir: string;
}

export const repoRoot = resolve(__dirname.includes('run-ts-') ? process.cwd() : join(__dirname, '../..'));

export function runTest(
  engine: Engine,
  testArgs: readonly string[],
  env: Readonly<Record<string, string>>,
): SweepRun {
  const fullEnv = { ...process.env, ...env };
  if (engine === 'maelstrom') {
    const maelstrom = findMaelstrom();
    if (!maelstrom) throw new Error('no Maelstrom found (set MAELSTROM_BIN or put maelstrom on PATH)');
    const cwd = join(repoRoot, 'store/maelstrom/sweep');
    mkdirSync(cwd, { recursive: true });
    spawnSync(maelstrom, ['test', ...testArgs], { cwd, env: fullEnv, stdio: 'ignore' });
    const dir = realpathSync(join(cwd, 'store/latest'));
    return {
      results: readEdn(readFileSync(join(dir, 'results.edn'), 'utf8')) as Record<string, unknown>,
      dir,
    };
  }
  const bench = join(repoRoot, 'tools/bench/bin/glomers-bench.js');
  spawnSync('node', [bench, 'test', ...testArgs, '--seed', '7'], {
    cwd: repoRoot,
    env: fullEnv,
    stdio: 'ignore',
  });
  const dir = realpathSync(join(repoRoot, 'store/latest'));
  return {
    results: JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as Record<string, unknown>,
    dir,
  };
}

/** `--name value` from the command line, or `fallback`. */
export function flag(args: readonly string[], name: string, fallback: string): string {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
}
