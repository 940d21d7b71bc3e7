#!/usr/bin/env node
// Runs the bench CLI. Works on a fresh clone with nothing built: bundles src/ with esbuild into
// dist/tools/bench/main.js when that bundle is missing or older than any source it is built from (.ts, and the
// report page's .css).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const projectRoot = path.resolve(__dirname, '..');
const repoRoot = path.resolve(projectRoot, '..', '..');
const bundle = path.join(repoRoot, 'dist', 'tools', 'bench', 'main.js');
const journalDigestScript = path.join(path.dirname(bundle), 'journal-digest.js');
const sourceRoots = ['tools/bench/src', 'libs/protocol/src', 'libs/sim/src', 'libs/runtime/src'].map((p) =>
  path.join(repoRoot, p),
);

function newestSourceMtime() {
  let newest = 0;
  const visit = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/\.(ts|css)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  for (const root of sourceRoots) if (fs.existsSync(root)) visit(root);
  return newest;
}

function ensureBundle() {
  const built = [bundle, journalDigestScript].every((f) => fs.existsSync(f))
    ? fs.statSync(bundle).mtimeMs
    : 0;
  if (built >= newestSourceMtime()) return;
  const { buildBundle } = require('../build.js');
  buildBundle(bundle);
}

ensureBundle();
const { main } = require(bundle);
const io = {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text.startsWith('\r') ? text : text + '\n'),
  errIsTty: process.stderr.isTTY === true,
  cwd: process.cwd(),
  journalDigestScript,
};
main(process.argv.slice(2), io).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`glomers-bench: internal error: ${(error && error.stack) || error}\n`);
    process.exit(255);
  },
);
