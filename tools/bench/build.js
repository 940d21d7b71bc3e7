// Bundles the bench CLI (src/main.ts and the libs it imports) into one CommonJS file with esbuild.
// Used by bin/glomers-bench.js on first use and by the Nx `build` target: `node tools/bench/build.js [outfile]`.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const projectRoot = __dirname;
const repoRoot = path.resolve(projectRoot, '..', '..');

function buildBundle(outfile) {
  const esbuild = require('esbuild');
  const temp = `${outfile}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  esbuild.buildSync({
    entryPoints: [path.join(projectRoot, 'src', 'main.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: temp,
    tsconfig: path.join(projectRoot, 'tsconfig.lib.json'),
    sourcemap: 'inline',
    // piscina starts its workers from its own files, so it stays a package, not part of the bundle.
    external: ['piscina'],
    logLevel: 'warning',
  });
  // Atomic replace, so parallel runs never load a half-written bundle.
  fs.renameSync(temp, outfile);
}

module.exports = { buildBundle };

if (require.main === module) {
  const outfile = path.resolve(process.argv[2] || path.join(repoRoot, 'dist', 'tools', 'bench', 'main.js'));
  buildBundle(outfile);
  process.stdout.write(`built ${path.relative(repoRoot, outfile)}\n`);
}
