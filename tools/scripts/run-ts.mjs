#!/usr/bin/env node
// Runs a TypeScript script of this workspace: bundles it with esbuild (path aliases, decorators) into a temp
// file and runs that with the remaining arguments. Usage: node tools/scripts/run-ts.mjs <script.ts> [args…]
import { build } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: run-ts.mjs <script.ts> [args…]');
  process.exit(2);
}
const outfile = join(mkdtempSync(join(tmpdir(), 'run-ts-')), 'script.cjs');
await build({
  entryPoints: [script],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
});
process.argv = [process.argv[0], script, ...args];
await import(pathToFileURL(outfile).href);
