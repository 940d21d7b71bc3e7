#!/usr/bin/env node
// Runs a TypeScript script of this workspace: bundles it with esbuild (path aliases, decorators) into a temp
// file and runs that with the remaining arguments. Usage: node tools/scripts/run-ts.mjs <script.ts> [args…]
// Packages that read their own files at run time (playwright-core) stay external; the bundle is written under the
// repository's tmp/ so they resolve from its node_modules.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: run-ts.mjs <script.ts> [args…]');
  process.exit(2);
}
const tmp = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'tmp');
mkdirSync(tmp, { recursive: true });
const outfile = join(mkdtempSync(join(tmp, 'run-ts-')), 'script.cjs');
await build({
  entryPoints: [script],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  external: ['playwright-core'],
});
process.argv = [process.argv[0], script, ...args];
await import(pathToFileURL(outfile).href);
