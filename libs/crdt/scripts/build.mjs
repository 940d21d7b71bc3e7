// Builds the publishable package into the folder given as the first argument (default: dist/libs/crdt):
//   cjs/   CommonJS JavaScript and .d.ts, from one tsc pass over src/
//   esm/   an ES-module wrapper that re-exports the CommonJS build, with its .d.mts
//   package.json (without its scripts), README.md, LICENSE from libs/crdt
// ESM is a wrapper rather than a second compile so that both entry points share one copy of the code: an error
// thrown through `require` is still `instanceof CrdtDecodeError` for code that imported the package.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const workspaceRoot = resolve(projectRoot, '..', '..');
const outDir = resolve(process.argv[2] ?? join(workspaceRoot, 'dist', 'libs', 'crdt'));

rmSync(outDir, { recursive: true, force: true });
mkdirSync(join(outDir, 'esm'), { recursive: true });

execFileSync(
  join(workspaceRoot, 'node_modules', '.bin', 'tsc'),
  ['-p', join(projectRoot, 'tsconfig.build.json'), '--outDir', join(outDir, 'cjs')],
  { stdio: 'inherit' },
);

const commonJs = createRequire(import.meta.url)(join(outDir, 'cjs', 'index.js'));
const names = Object.keys(commonJs)
  .filter((name) => name !== '__esModule')
  .sort();
if (names.length === 0) throw new Error('the CommonJS build exports nothing');

writeFileSync(
  join(outDir, 'esm', 'index.mjs'),
  `import commonJs from '../cjs/index.js';\n\nexport const { ${names.join(', ')} } = commonJs;\n`,
);
writeFileSync(join(outDir, 'esm', 'index.d.mts'), `export * from '../cjs/index.js';\n`);

const esm = await import(pathToFileURL(join(outDir, 'esm', 'index.mjs')).href);
for (const name of names) {
  if (esm[name] !== commonJs[name]) throw new Error(`the ES-module wrapper does not re-export ${name}`);
}

for (const file of ['README.md', 'LICENSE']) {
  copyFileSync(join(projectRoot, file), join(outDir, file));
}
// The built package.json keeps no scripts: the source folder's `prepack` refuses to pack the sources, and the
// built package is the one to pack.
const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
delete manifest.scripts;
writeFileSync(join(outDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`built @glomers/crdt into ${outDir} (exports: ${names.join(', ')})`);
