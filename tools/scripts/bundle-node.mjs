#!/usr/bin/env node
// Bundles a node entry point into one executable CommonJS file: `bundle-node.mjs <entry.ts> <out.js>`.
// esbuild resolves the tsconfig path aliases and compiles the legacy decorators; it does not emit decorator
// metadata, which is why every injected constructor parameter names its token with @inject.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';

const [entry, outfile] = process.argv.slice(2);
if (!entry || !outfile) {
  console.error('usage: bundle-node.mjs <entry.ts> <out.js>');
  process.exit(2);
}
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  banner: { js: '#!/usr/bin/env node' },
  sourcemap: 'linked',
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);
