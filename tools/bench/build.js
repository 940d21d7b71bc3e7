// Bundles the bench CLI (src/main.ts and the libs it imports) into one CommonJS file with esbuild, with the report
// page's script and style (src/report/page/, uPlot, d3) inlined as strings.
// Used by bin/glomers-bench.js on first use and by the Nx `build` target: `node tools/bench/build.js [outfile]`.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const projectRoot = __dirname;
const repoRoot = path.resolve(projectRoot, '..', '..');

/** The report page's script and style, bundled for browsers and minified (report/page-assets.ts). */
function buildReportPage() {
  const esbuild = require('esbuild');
  const result = esbuild.buildSync({
    entryPoints: [path.join(projectRoot, 'src', 'report', 'page', 'main.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2020',
    minify: true,
    write: false,
    outdir: path.join(repoRoot, 'dist', 'tools', 'bench', 'report-page'),
    tsconfig: path.join(projectRoot, 'tsconfig.page.json'),
    logLevel: 'warning',
  });
  const output = (ext) => result.outputFiles.find((f) => f.path.endsWith(ext))?.text ?? '';
  return { script: output('.js'), style: output('.css') };
}

/**
 * The CLI bundle at `outfile`, and beside it journal-digest.js, the entry of a run's journal digest thread
 * (src/journal-digest-main.ts). The thread's script is written first, so a fresh main.js means both are.
 */
function buildBundle(outfile) {
  const page = buildReportPage();
  buildEntry('journal-digest-main.ts', path.join(path.dirname(outfile), 'journal-digest.js'), {});
  buildEntry('main.ts', outfile, {
    REPORT_PAGE_SCRIPT: JSON.stringify(page.script),
    REPORT_PAGE_STYLE: JSON.stringify(page.style),
  });
}

function buildEntry(entry, outfile, define) {
  const esbuild = require('esbuild');
  const temp = `${outfile}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  esbuild.buildSync({
    entryPoints: [path.join(projectRoot, 'src', entry)],
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
    define,
  });
  // Atomic replace, so parallel runs never load a half-written bundle.
  fs.renameSync(temp, outfile);
}

module.exports = { buildBundle, buildReportPage };

if (require.main === module) {
  const outfile = path.resolve(process.argv[2] || path.join(repoRoot, 'dist', 'tools', 'bench', 'main.js'));
  buildBundle(outfile);
  process.stdout.write(`built ${path.relative(repoRoot, outfile)}\n`);
}
