import { existsSync, rmSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { isRunFolder } from '../report/run-folder';

/** Runs kept per challenge row and engine when GLOMERS_KEEP_RUNS is not set. */
export const DEFAULT_KEEP_RUNS = 3;

/** GLOMERS_KEEP_RUNS (a whole number ≥ 1), else the default. */
export function keepRuns(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env['GLOMERS_KEEP_RUNS']);
  return Number.isInteger(n) && n >= 1 ? n : DEFAULT_KEEP_RUNS;
}

/**
 * Deletes the run folders of `runs` (oldest first) beyond the newest `keep`. Only folders inside `storeRoot` that
 * still look like run folders are touched. Returns what was deleted.
 */
export function pruneRuns(storeRoot: string, runs: readonly string[], keep: number): string[] {
  const root = resolve(storeRoot);
  const deleted: string[] = [];
  const distinct = [...new Set(runs)];
  for (const dir of distinct.slice(0, Math.max(0, distinct.length - keep))) {
    if (!resolve(dir).startsWith(root + sep) || !existsSync(dir) || !isRunFolder(dir)) continue;
    rmSync(dir, { recursive: true, force: true });
    deleted.push(dir);
  }
  return deleted;
}
