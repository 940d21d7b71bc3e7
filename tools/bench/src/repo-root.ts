import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Finds the repository root: the nearest folder above `from` holding nx.json (`from` itself when none does). */
export function repoRoot(from: string): string {
  let dir = resolve(from);
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = resolve(dir, '..');
    if (parent === dir) return resolve(from);
    dir = parent;
  }
  return dir;
}
